import { Logger } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { EmailIntake } from './email-intake';

export interface InboundSmtpSettings {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The largest mail taken (the SIZE extension; a larger one is refused with 552). */
  maxBytes: number;
  /** The only recipients accepted, lower-case; any other is refused at RCPT TO. */
  recipients: readonly string[];
}

/** An SMTP error with the reply code the session answers. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The contact address's mail server: takes mail for the configured recipients only (others are
 * refused at RCPT), up to the size limit, and answers `250` only after the intake has stored
 * it, so a crash loses nothing; when the database cannot store it the answer is `451` and the
 * sending server tries again later (and the unique Message-ID keeps the retry one mail).
 * Plain SMTP on the host it is given (127.0.0.1 by default: a relay in front receives from the
 * internet, with its own TLS and spam filtering).
 */
export class InboundSmtpListener {
  private readonly logger = new Logger('InboundSmtp');
  private readonly server: SMTPServer;

  constructor(
    private readonly intake: Pick<EmailIntake, 'receive'>,
    private readonly settings: InboundSmtpSettings,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: settings.maxBytes,
      logger: false,
      banner: 'Frontdoor',
      onRcptTo: (address, _session, callback) => {
        if (settings.recipients.includes(address.address.toLowerCase())) return callback();
        callback(smtpError(550, `5.1.1 <${address.address}>: no such recipient here`));
      },
      onData: (stream, session, callback) => {
        this.take(stream, session.envelope)
          .then(() => callback())
          .catch((error: Error & { responseCode?: number }) => callback(error));
      },
    });
    // A client that drops its connection mid-mail is no fault of ours: logged, never a crash.
    this.server.on('error', (error) => this.logger.warn({ error: error.message }, 'SMTP connection error'));
  }

  private async take(
    stream: SMTPServerDataStream,
    envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] },
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded)
      throw smtpError(552, `5.3.4 The mail is larger than ${this.settings.maxBytes} bytes`);
    const from = envelope.mailFrom ? envelope.mailFrom.address : '';
    try {
      const outcome = await this.intake.receive(Buffer.concat(chunks), {
        from,
        to: envelope.rcptTo.map((r) => r.address.toLowerCase()),
      });
      this.logger.log({ disposition: outcome.disposition, case: outcome.caseReference }, 'mail received');
    } catch (error) {
      this.logger.error({ error: (error as Error).message }, 'mail not stored; the sender is asked to retry');
      throw smtpError(451, '4.3.0 The mail could not be stored now; please try again later');
    }
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.settings.port, this.settings.host, () => resolve());
    });
    const address = this.server.server.address();
    return typeof address === 'object' && address ? address.port : this.settings.port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

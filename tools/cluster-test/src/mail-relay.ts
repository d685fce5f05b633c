import { SMTPServer } from 'smtp-server';

export interface RelayedMail {
  messageId: string;
  subject: string;
  to: string[];
  at: number;
}

/**
 * The municipality's mail relay, played by a real SMTP server: it accepts every mail and
 * keeps its Message-ID and subject, so the test can count each alarm's copies.
 */
export class MailRelay {
  readonly received: RelayedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    const received = this.received;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          // The header block, unfolded (a long Subject continues on lines that start with a space).
          const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          const header = (name: string) =>
            new RegExp(`^${name}: *(.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
          received.push({
            messageId: header('Message-ID'),
            subject: decodeSubject(header('Subject')),
            to: session.envelope.rcptTo.map((r) => r.address),
            at: Date.now(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails whose Message-ID starts with `<prefix`, e.g. `case.sla-alarm`: copies of each. */
  copies(prefix: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received)
      if (mail.messageId.startsWith(`<${prefix}`))
        counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** RFC 2047 encoded words (nodemailer encodes Swedish subjects), possibly folded over lines. */
function decodeSubject(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface MailSettings {
  /** e.g. smtp://user:pass@smtp.kommun.se:587 or smtps://… */
  smtpUrl: string;
  /** Sender shown to recipients, e.g. "Frontdoor <noreply@kommun.se>". */
  from: string;
}

/**
 * Sends notification e-mail (answer groups, SLA alarms, digests) over SMTP. Called from
 * jobs, so a failure throws and the job queue retries with backoff.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly settings: MailSettings) {
    // Pooled: digests and alarm bursts reuse a few connections instead of one per message.
    this.transport = createTransport({ url: settings.smtpUrl, pool: true, maxConnections: 3 } as Parameters<
      typeof createTransport
    >[0]);
  }

  async send(message: MailMessage): Promise<void> {
    if (message.to.length === 0) return;
    await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  close(): void {
    this.transport.close();
  }
}

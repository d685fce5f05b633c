import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /**
   * What this mail is (the job that owes it): it becomes the Message-ID, so the rare second
   * copy after a crash (see MailDeliveries) is recognisably the same mail.
   */
  deliveryKey?: string;
  /** Sent from this address instead of the hub's (MAIL_FROM): the contact address a citizen wrote to. */
  from?: string;
  /** Threading (RFC 5322): the mail answered, and the thread's Message-IDs. */
  inReplyTo?: string;
  references?: string[];
  /** Extra headers, e.g. `Auto-Submitted: auto-replied` on an acknowledgement (RFC 3834). */
  headers?: Record<string, string>;
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
    // Bounded timeouts (nodemailer's own are minutes): a send must end well inside the claim's
    // lease (MAIL_CLAIM_LEASE_MS), or a second worker could take the mail over while it is sent.
    this.transport = createTransport({
      url: settings.smtpUrl,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    } as Parameters<typeof createTransport>[0]);
  }

  async send(message: MailMessage): Promise<void> {
    if (message.to.length === 0) return;
    const from = message.from ?? this.settings.from;
    await this.transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.deliveryKey ? { messageId: messageIdOf(message.deliveryKey, from) } : {}),
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      ...(message.references?.length ? { references: message.references } : {}),
      ...(message.headers ? { headers: message.headers } : {}),
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** `<case.sla-alarm.<case>.<due>@kommun.se>`: the key in the sender's domain, as RFC 5322 asks. */
export function messageIdOf(deliveryKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'frontdoor.invalid';
  return `<${deliveryKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}

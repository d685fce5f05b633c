import type { Mailer } from '../mail/mailer';

/** A message to a citizen: where, and the words. Never a case's own text (see CitizenNotifications). */
export interface CitizenMessage {
  /** `email` now; `sms` and the digital mailbox (`mailbox`, by personal number) are later adapters. */
  channel: 'email';
  address: string;
  subject: string;
  text: string;
  /** What the message is (the job that owes it): the e-mail's Message-ID (decision 0023). */
  deliveryKey?: string;
}

/**
 * The one port the hub reaches citizens through. One adapter today (e-mail over the hub's
 * Mailer); SMS and the digital mailbox (Kivra, Min myndighetspost) plug in here without the
 * notifications knowing. A failure throws, so the job queue retries with backoff.
 */
export interface CitizenMessenger {
  send(message: CitizenMessage): Promise<void>;
}

/** The e-mail adapter. */
export class EmailCitizenMessenger implements CitizenMessenger {
  constructor(private readonly mailer: Pick<Mailer, 'send'>) {}

  async send(message: CitizenMessage): Promise<void> {
    await this.mailer.send({
      to: [message.address],
      subject: message.subject,
      text: message.text,
      deliveryKey: message.deliveryKey,
    });
  }
}

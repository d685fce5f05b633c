import type { Mailer } from '../mail/mailer';

/** The channels the hub reaches a citizen by (decision 0083). */
export type MessageChannel = 'email' | 'sms' | 'mailbox';

/** A message to a citizen: where, and the words. Never a case's own text (see CitizenNotifications). */
export interface CitizenMessage {
  channel: MessageChannel;
  /** An e-mail address, a phone number in E.164 (+46701234567), or a personal number (the digital mailbox). */
  address: string;
  subject: string;
  text: string;
  /** What the message is (the job that owes it): the e-mail's Message-ID, the providers' idempotency key. */
  deliveryKey?: string;
}

/** What a provider said when it took the message. */
export interface MessageReceipt {
  /** The provider's id of the message (SMS id, mailbox delivery id). */
  providerId?: string;
  /** True when the provider says it reached the citizen (the mailbox holds it), not only accepted it. */
  delivered?: boolean;
}

/**
 * The one port the hub reaches citizens through, one adapter per channel: e-mail over the
 * hub's Mailer, SMS over an HTTP SMS provider, the digital mailbox over the national
 * infrastructure. A failure throws, so the job queue retries with backoff; `MessageRefused`
 * says trying again is pointless (the next channel is used).
 */
export interface CitizenMessenger {
  send(message: CitizenMessage): Promise<MessageReceipt | void>;
}

/** The e-mail adapter. */
export class EmailCitizenMessenger implements CitizenMessenger {
  constructor(private readonly mailer: Pick<Mailer, 'send'>) {}

  async send(message: CitizenMessage): Promise<MessageReceipt> {
    await this.mailer.send({
      to: [message.address],
      subject: message.subject,
      text: message.text,
      deliveryKey: message.deliveryKey,
    });
    return {};
  }
}

/** Sends each message by the adapter of its channel; a channel without one refuses (the next is used). */
export class ChannelMessenger implements CitizenMessenger {
  constructor(private readonly adapters: Partial<Record<MessageChannel, CitizenMessenger>>) {}

  has(channel: MessageChannel): boolean {
    return this.adapters[channel] !== undefined;
  }

  async send(message: CitizenMessage): Promise<MessageReceipt | void> {
    const adapter = this.adapters[message.channel];
    if (!adapter) throw new Error(`no ${message.channel} adapter configured`);
    return adapter.send(message);
  }
}

import { z } from 'zod';
import type { CitizenMessage, CitizenMessenger, MessageReceipt } from './citizen-messenger';
import { MessageRefused } from './message-errors';
import type { DigitalMailboxSettings } from './messaging-settings';
import { parseAnswer, providerFailed, providerRequest } from './provider-http';

const LOOKUP = 'the digital mailbox lookup (FaR)';
const DELIVERY = 'the digital mailbox delivery';

const reachability = z.object({
  results: z
    .array(
      z.object({
        recipientId: z.string().regex(/^\d{12}$/),
        senderAccepted: z.boolean(),
        accountStatus: z.object({
          type: z.enum(['Secure', 'Normal', 'Unregistered']),
          serviceSupplier: z.object({ id: z.string().min(1), name: z.string().min(1) }).nullish(),
        }),
      }),
    )
    .max(1),
});
const delivered = z.object({ deliveryId: z.string().min(1).max(200), status: z.literal('delivered') });

/**
 * The digital-mailbox adapter, modelled on Sweden's infrastructure for digital post (Mina
 * meddelanden): first the recipient lookup (FaR, `POST far/v1/reachability` by personal
 * number) says whether the citizen has a mailbox (Kivra, Min myndighetspost, …) that accepts
 * this sender; then the message goes through the municipality's intermediary
 * (`POST delivery/v1/messages`) to that mailbox, named by the lookup's supplier id (the hub
 * never follows an address a remote answer gave it). No mailbox, or one that refuses the
 * sender, is MessageRefused: the next channel is used at once. The delivery key is the
 * message id, which the infrastructure takes once.
 */
export class DigitalMailboxMessenger implements CitizenMessenger {
  constructor(private readonly settings: DigitalMailboxSettings) {}

  async send(message: CitizenMessage): Promise<MessageReceipt> {
    const supplier = await this.mailboxOf(message.address);
    const answer = await providerRequest(DELIVERY, `${this.settings.baseUrl}delivery/v1/messages`, {
      method: 'POST',
      timeoutMs: this.settings.timeoutMs,
      headers: this.auth(),
      body: {
        messageId: message.deliveryKey,
        senderOrgNr: this.orgNumber(),
        senderName: this.settings.senderName,
        recipientId: message.address,
        supplierId: supplier,
        subject: message.subject,
        body: { contentType: 'text/plain', content: message.text },
      },
    });
    if (answer.status === 404 || answer.status === 422)
      throw new MessageRefused(`the digital mailbox refused the message (HTTP ${answer.status})`);
    if (answer.status !== 200 && answer.status !== 201) throw providerFailed(DELIVERY, answer);
    const receipt = parseAnswer(DELIVERY, delivered, answer);
    return { providerId: receipt.deliveryId, delivered: true };
  }

  /** The supplier of the citizen's mailbox that accepts this sender, or MessageRefused. */
  private async mailboxOf(personalNumber: string): Promise<string> {
    const answer = await providerRequest(LOOKUP, `${this.settings.baseUrl}far/v1/reachability`, {
      method: 'POST',
      timeoutMs: this.settings.timeoutMs,
      headers: this.auth(),
      body: { senderOrgNr: this.orgNumber(), recipientIds: [personalNumber] },
    });
    if (answer.status !== 200) throw providerFailed(LOOKUP, answer);
    const [result] = parseAnswer(LOOKUP, reachability, answer).results;
    if (result && result.recipientId !== personalNumber)
      throw new Error(`${LOOKUP} answered for another recipient`);
    const supplier = result?.accountStatus.serviceSupplier;
    if (!result || result.accountStatus.type === 'Unregistered' || !supplier)
      throw new MessageRefused('the citizen has no digital mailbox');
    if (!result.senderAccepted)
      throw new MessageRefused('the citizen’s digital mailbox does not accept this sender');
    return supplier.id;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.settings.apiKey}` };
  }

  private orgNumber(): string {
    return this.settings.senderOrgNumber.replace('-', '');
  }
}

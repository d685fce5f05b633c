import { z } from 'zod';
import type { CitizenMessage, CitizenMessenger, MessageReceipt } from './citizen-messenger';
import { MessageRefused } from './message-errors';
import { mobileNumber } from './mobile-number';
import type { SmsProviderSettings } from './messaging-settings';
import { parseAnswer, providerFailed, providerRequest } from './provider-http';

const PROVIDER = 'the SMS provider';

const accepted = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['queued', 'sent', 'delivered']),
});
const report = z.object({ id: z.string(), status: z.enum(['queued', 'sent', 'delivered', 'failed']) });
export type SmsDeliveryStatus = z.infer<typeof report>['status'];

const refused = z.object({ error: z.string().min(1), message: z.string().optional() });

/**
 * The SMS adapter, for an HTTP SMS provider of the kind municipalities buy: `POST v1/messages`
 * `{ from, to, text }` with a bearer key answers `201 { id, status }`; `400`/`422` refuses the
 * number; `GET v1/messages/:id` tells whether the operator delivered it. The delivery key goes as `Idempotency-Key`, so a send that timed out after the
 * provider took it, and is tried again, is one text.
 */
export class SmsMessenger implements CitizenMessenger {
  constructor(private readonly settings: SmsProviderSettings) {}

  async send(message: CitizenMessage): Promise<MessageReceipt> {
    const to = mobileNumber(message.address);
    // A number no text can reach is refused before anything is sent.
    if (!to) throw new MessageRefused(`not a mobile number: ${message.address.slice(0, 4)}…`);
    const answer = await providerRequest(PROVIDER, `${this.settings.baseUrl}v1/messages`, {
      method: 'POST',
      timeoutMs: this.settings.timeoutMs,
      headers: {
        authorization: `Bearer ${this.settings.apiKey}`,
        ...(message.deliveryKey ? { 'idempotency-key': message.deliveryKey } : {}),
      },
      body: { from: this.settings.sender, to, text: message.text },
    });
    if (answer.status === 400 || answer.status === 422) {
      const reason = parseAnswer(PROVIDER, refused, answer);
      throw new MessageRefused(`the SMS provider refused the number: ${reason.error}`);
    }
    if (answer.status !== 200 && answer.status !== 201) throw providerFailed(PROVIDER, answer);
    const sent = parseAnswer(PROVIDER, accepted, answer);
    return { providerId: sent.id, delivered: sent.status === 'delivered' };
  }

  /** The operator's delivery report as the provider has it (`GET v1/messages/:id`). */
  async deliveryStatus(providerId: string): Promise<SmsDeliveryStatus> {
    const answer = await providerRequest(
      PROVIDER,
      `${this.settings.baseUrl}v1/messages/${encodeURIComponent(providerId)}`,
      {
        method: 'GET',
        timeoutMs: this.settings.timeoutMs,
        headers: { authorization: `Bearer ${this.settings.apiKey}` },
      },
    );
    if (answer.status !== 200) throw providerFailed(PROVIDER, answer);
    const status = parseAnswer(PROVIDER, report, answer);
    if (status.id !== providerId) throw new Error(`${PROVIDER} answered for another message`);
    return status.status;
  }
}

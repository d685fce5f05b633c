import type { ParsedMail } from 'mailparser';

/** Why a mail is recorded but never answered (and never a case of its own). */
export type UnansweredKind = 'AUTO_REPLY' | 'BOUNCE' | 'LOOP';

export interface OwnMail {
  /** The contact addresses and the hub's sender address, lower-case. */
  addresses: readonly string[];
  /** The domain of the Message-IDs the hub gives its own mail (messageIdOf). */
  messageIdDomain: string;
}

/**
 * A mail no machine should answer: a bounce (null sender `<>`, a `multipart/report` delivery
 * report), an automatic reply (RFC 3834 `Auto-Submitted` other than `no`, `X-Autoreply`,
 * `Precedence: bulk/junk/list`), or our own mail come back (our address as the sender, our
 * own Message-ID on it): a loop. A citizen's reply carries our Message-ID in `References`;
 * that is threading, not a loop (the acknowledgement is itself marked auto-replied, so an
 * autoresponder that answers it is caught by its own `Auto-Submitted`).
 */
export function unansweredKindOf(
  mail: ParsedMail,
  envelopeSender: string,
  own: OwnMail,
): UnansweredKind | null {
  const contentType = mail.headers.get('content-type') as { value?: string } | string | undefined;
  const type = (typeof contentType === 'string' ? contentType : (contentType?.value ?? '')).toLowerCase();
  if (envelopeSender === '' || type.startsWith('multipart/report')) return 'BOUNCE';
  const sender = senderOf(mail, envelopeSender);
  if (own.addresses.includes(sender) || envelopeSenderIsOwn(envelopeSender, own)) return 'LOOP';
  if (mail.messageId?.toLowerCase().endsWith(`@${own.messageIdDomain.toLowerCase()}>`)) return 'LOOP';
  const autoSubmitted = headerText(mail, 'auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted.split(';')[0].trim() !== 'no') return 'AUTO_REPLY';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'AUTO_REPLY';
  if (/^(bulk|junk|list)$/i.test(headerText(mail, 'precedence').trim())) return 'AUTO_REPLY';
  return null;
}

function envelopeSenderIsOwn(envelopeSender: string, own: OwnMail): boolean {
  return own.addresses.includes(envelopeSender.toLowerCase());
}

/** The sender to answer: the From header's address, else the envelope's; lower-case. */
export function senderOf(mail: ParsedMail, envelopeSender: string): string {
  const from = mail.from?.value.find((a) => a.address)?.address;
  return (from ?? envelopeSender).trim().toLowerCase();
}

export function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

import type { MessageChannel } from './citizen-messenger';
import { mobileNumber } from './mobile-number';

/** A way to one citizen: the channel and the address on it. */
export interface MessageRoute {
  channel: MessageChannel;
  address: string;
}

/** What the hub knows of how to reach the citizen of a case. */
export interface ReachableBy {
  /** The saved choice on Mina ärenden (`EMAIL`, `SMS`, `MAILBOX`), or none saved. */
  preferred: string | null;
  preferenceEmail: string | null;
  preferencePhone: string | null;
  caseEmail: string | null;
  casePhone: string | null;
  /** The case's party: the digital mailbox is looked up by it. */
  personalNumber: string | null;
}

/**
 * The channels to try, in order (decision 0083): the citizen's choice first, then the
 * digital mailbox, then e-mail; with no choice saved, the case's own e-mail first (as before),
 * then a text to its mobile number, then the mailbox. A channel without an address, or not
 * configured in this hub, is left out; after the last comes the letter.
 */
export function messageRoutes(
  known: ReachableBy,
  available: (channel: MessageChannel) => boolean,
): MessageRoute[] {
  const addressOf: Record<MessageChannel, string | null> = {
    email: known.preferenceEmail ?? known.caseEmail,
    sms: mobileOf(known.preferencePhone) ?? mobileOf(known.casePhone),
    mailbox: known.personalNumber,
  };
  const order: MessageChannel[] =
    known.preferred === 'SMS'
      ? ['sms', 'mailbox', 'email']
      : known.preferred === 'MAILBOX'
        ? ['mailbox', 'email']
        : known.preferred === 'EMAIL'
          ? ['email', 'mailbox']
          : ['email', 'sms', 'mailbox'];
  return order
    .filter((channel) => available(channel) && addressOf[channel])
    .map((channel) => ({ channel, address: addressOf[channel]! }));
}

function mobileOf(phone: string | null): string | null {
  return phone ? mobileNumber(phone) : null;
}

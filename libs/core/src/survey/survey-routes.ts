import type { MessageChannel } from '../messaging/citizen-messenger';
import { messageRoutes, type MessageRoute, type ReachableBy } from '../messaging/message-routes';
import { mobileNumber } from '../messaging/mobile-number';

/**
 * Where the one question goes (decision 0090): by the channel the citizen came in by, as SKR's
 * survey asks. After a call a text to the callback number when it is a mobile one, else
 * e-mail; after an e-mail, e-mail to the address they wrote from, else a text; after a web
 * question (or a visit, a letter) the citizen's own notice preference orders the channels
 * (`messageRoutes`). A citizen who chose no messages (`NONE`) is not asked at all.
 */
export function surveyRoutes(
  caseChannel: string,
  known: ReachableBy,
  available: (channel: MessageChannel) => boolean,
): MessageRoute[] {
  if (known.preferred === 'NONE') return [];
  const sms = mobileOf(known.casePhone) ?? mobileOf(known.preferencePhone);
  const email = known.caseEmail ?? known.preferenceEmail;
  const candidates: Array<{ channel: MessageChannel; address: string | null }> =
    caseChannel === 'PHONE'
      ? [
          { channel: 'sms', address: sms },
          { channel: 'email', address: email },
        ]
      : caseChannel === 'EMAIL'
        ? [
            { channel: 'email', address: email },
            { channel: 'sms', address: sms },
          ]
        : [];
  if (candidates.length === 0) return messageRoutes(known, available);
  return candidates
    .filter((route) => route.address !== null && available(route.channel))
    .map((route) => ({ channel: route.channel, address: route.address! }));
}

function mobileOf(phone: string | null): string | null {
  return phone ? mobileNumber(phone) : null;
}

import { deadlineText } from '../sla/deadline-text';
import { CaseEventType } from './case-vocabulary';

/**
 * What the citizen sees of one case event (Mina ärenden, Open311, the console's preview): a
 * fixed Swedish line per kind of event, and the text written for the citizen, if any. Staff
 * text (`CaseEvent.message`) never appears here: it reaches the citizen only when the officer
 * wrote it in the citizen field (`citizenMessage`), or when the citizen wrote it themselves
 * (the question of an e-service case). This module is the one table of those lines.
 */
export interface CitizenEventView {
  headline: string;
  /** Written for the citizen (or by them, "Din fråga"); shown as written. */
  text: string | null;
}

/** The state a line may name: the answer group it went to, the date a wait ends. */
export interface CitizenLineContext {
  groupName?: string | null;
  /** The Swedish date (YYYY-MM-DD) a parked case wakes up by itself. */
  wakeDate?: string | null;
  /** REGISTERED: the text is the citizen's own question (an e-service case). */
  ownQuestion?: boolean;
}

const LINES: Partial<Record<CaseEventType, (context: CitizenLineContext) => string>> = {
  [CaseEventType.REGISTERED]: ({ ownQuestion }) =>
    ownQuestion ? 'Vi har tagit emot din fråga.' : 'Vi har tagit emot ditt ärende.',
  [CaseEventType.RESOLVED_AT_FIRST_LINE]: () => 'Du fick svar direkt när du kontaktade oss.',
  [CaseEventType.FORWARDED]: ({ groupName }) =>
    groupName ? `Ditt ärende har skickats till ${groupName}.` : 'Ditt ärende har skickats vidare.',
  [CaseEventType.REPLIED]: () => 'Du fick svar.',
  [CaseEventType.PARKED]: ({ wakeDate }) =>
    wakeDate
      ? `Vi behöver mer från dig. Vi väntar på ditt svar till ${deadlineText(wakeDate).replace('senast ', '')}.`
      : 'Vi behöver mer från dig.',
  [CaseEventType.RESUMED]: () => 'Vi arbetar med ditt ärende igen.',
  [CaseEventType.CLOSED]: () => 'Ärendet är avslutat.',
  [CaseEventType.REOPENED]: () => 'Ärendet har öppnats igen.',
  [CaseEventType.EMAIL_RECEIVED]: () => 'Du skrev till oss med e-post.',
};

/** Whether the citizen ever sees an event of this kind (notes, assignment and alarms: never). */
export function citizenSeesEventType(type: string): boolean {
  return type in LINES;
}

/** The fixed line for an event of this kind; null for a kind the citizen never sees. */
export function citizenHeadline(type: string, context: CitizenLineContext = {}): string | null {
  return LINES[type as CaseEventType]?.(context) ?? null;
}

interface EventLike {
  type: string;
  internal: boolean;
  citizenMessage: string | null;
}

/**
 * Each event as the citizen sees it, or null when they do not. The group named is the case's
 * present one (`groupName`), and only on its latest forwarding (only forwarding changes the
 * group); the date (`wakeDate`, set only while the case waits) only on its latest parking.
 * Older lines name neither rather than name the wrong one.
 */
export function citizenViewsOf(
  events: readonly EventLike[],
  present: { groupName: string | null; wakeDate: string | null },
): (CitizenEventView | null)[] {
  const lastForward = lastIndexOf(events, CaseEventType.FORWARDED);
  const lastPark = lastIndexOf(events, CaseEventType.PARKED);
  return events.map((event, i) => {
    if (event.internal) return null;
    const headline = citizenHeadline(event.type, {
      groupName: i === lastForward ? present.groupName : null,
      wakeDate: i === lastPark ? present.wakeDate : null,
      ownQuestion: event.type === CaseEventType.REGISTERED && !!event.citizenMessage,
    });
    return headline === null ? null : { headline, text: event.citizenMessage };
  });
}

function lastIndexOf(events: readonly EventLike[], type: CaseEventType): number {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].type === type) return i;
  return -1;
}

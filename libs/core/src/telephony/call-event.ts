import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { textProblem } from '../errors/text-input';
import { parsePersonalNumber } from '../people/personal-number';
import type { TelephonySettings } from './telephony-settings';

/** What a telephony platform (Telia ACE, Puzzel, …) tells the hub about a call. */
export const CALL_EVENT_KINDS = ['OFFERED', 'ANSWERED', 'ENDED', 'ABANDONED', 'TRANSFERRED'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** One call event as validated: numbers in E.164, the IVR's personal number (12 digits) only when valid. */
export interface CallEventInput {
  callId: string;
  event: CallEventKind;
  at: Date;
  queue: string;
  /** The caller's number in E.164; null when the caller withheld it. */
  from: string | null;
  /** The dialled number in E.164. */
  to: string;
  /** The hub user (token subject) who answered or transferred. */
  agentId: string | null;
  /** The personal number keyed in the IVR, when it is a valid one. */
  ivrPersonalNumber: string | null;
}

/** A rejected event: the field (path in the body) and why. */
export interface CallEventProblem {
  field: string;
  message: string;
}

const WITHHELD = new Set(['anonymous', 'unknown', 'withheld', 'private', 'hidden']);

/** Text on one line of at most `max` characters: no NUL or other control character reaches the log. */
const line = (max: number) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, { max });
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });

const rawEventSchema = z
  .object({
    callId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'a call id is 1–100 letters, digits or . _ : -'),
    event: z.enum(CALL_EVENT_KINDS),
    at: z.iso.datetime({
      offset: true,
      message: 'an ISO 8601 instant with its offset, e.g. 2026-11-24T09:00:00Z',
    }),
    queue: line(60).pipe(z.string().min(1)),
    from: line(40).nullable(),
    to: line(40).pipe(z.string().min(1)),
    agentId: line(200).pipe(z.string().min(1)).nullish(),
    ivrPersonalNumber: line(20).nullish(),
  })
  .strict();

/**
 * Validates a call event from the platform (the edge: zod, then the numbers). A bad event
 * is refused whole with the field named, so nothing half-recorded stays behind. An IVR
 * personal number that is not a valid one is the caller's typing, not the platform's fault:
 * the event is kept and the number dropped (`ignored`).
 */
export function parseCallEvent(
  body: unknown,
  settings: Pick<TelephonySettings, 'queues'>,
): { ok: true; event: CallEventInput; ignored: string[] } | { ok: false; problems: CallEventProblem[] } {
  const parsed = rawEventSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
    };
  const raw = parsed.data;
  const problems: CallEventProblem[] = [];
  if (!Object.hasOwn(settings.queues, raw.queue))
    problems.push({
      field: 'queue',
      message: `no queue "${raw.queue}" in telephony.queues (known: ${Object.keys(settings.queues).join(', ') || 'none'})`,
    });
  const from = raw.from === null || WITHHELD.has(raw.from.trim().toLowerCase()) ? null : e164(raw.from);
  if (from === undefined) problems.push({ field: 'from', message: `"${raw.from}" is not a phone number` });
  const to = e164(raw.to);
  if (to === undefined) problems.push({ field: 'to', message: `"${raw.to}" is not a phone number` });
  if ((raw.event === 'ANSWERED' || raw.event === 'TRANSFERRED') && !raw.agentId)
    problems.push({ field: 'agentId', message: `${raw.event} names the agent (agentId)` });
  if (problems.length) return { ok: false, problems };
  const ignored: string[] = [];
  let ivrPersonalNumber: string | null = null;
  if (raw.ivrPersonalNumber) {
    try {
      ivrPersonalNumber = parsePersonalNumber(raw.ivrPersonalNumber, 'ivrPersonalNumber').value;
    } catch {
      ignored.push('ivrPersonalNumber');
    }
  }
  return {
    ok: true,
    ignored,
    event: {
      callId: raw.callId,
      event: raw.event,
      at: new Date(raw.at),
      queue: raw.queue,
      from: from ?? null,
      to: to!,
      agentId: raw.agentId ?? null,
      ivrPersonalNumber,
    },
  };
}

/** Any country (callers ring from abroad), Swedish when written nationally; undefined when not a number. */
function e164(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text.trim(), 'SE');
  return parsed?.isPossible() ? parsed.number : undefined;
}

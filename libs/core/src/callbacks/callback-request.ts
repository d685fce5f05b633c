import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { textProblem } from '../errors/text-input';
import type { TelephonySettings } from '../telephony/telephony-settings';
import { isOpenAt, openingHoursOf, stockholmClock } from './opening-hours';

/** Who asked for the callback. */
export const CALLBACK_SOURCES = ['PLATFORM', 'CITIZEN'] as const;
export type CallbackSource = (typeof CALLBACK_SOURCES)[number];

/** A callback request as validated: the number in E.164, the time it is due. */
export interface CallbackRequestInput {
  source: CallbackSource;
  /** The platform's request id (idempotency); null for the citizen's own. */
  externalId: string | null;
  number: string;
  queue: string;
  /** The time the caller asked to be called; null: as soon as possible. */
  callAt: Date | null;
  /** The citizen's party, for a request made on Mina ärenden. */
  partyId: string | null;
}

/** Why a callback request is refused: the field and a reason code the platform can act on. */
export interface CallbackProblem {
  field: string;
  /** BAD_INPUT, CLOSED (asap outside opening hours), CALL_AT_CLOSED, CALL_AT_PAST, CALL_AT_TOO_LATE. */
  reason: 'BAD_INPUT' | 'CLOSED' | 'CALL_AT_CLOSED' | 'CALL_AT_PAST' | 'CALL_AT_TOO_LATE';
  message: string;
  /** The same in Swedish, for the citizen. */
  text: string;
}

const line = (max: number) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, { max });
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });

const platformSchema = z
  .object({
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'a request id is 1–100 letters, digits or . _ : -'),
    number: line(40).pipe(z.string().min(1)),
    queue: line(60).pipe(z.string().min(1)),
    callAt: z.iso
      .datetime({
        offset: true,
        message: 'an ISO 8601 instant with its offset, or null for as soon as possible',
      })
      .nullish(),
  })
  .strict();

/** A requested time this far in the past is taken as "now" (clocks differ by a little). */
const PAST_SLACK_MS = 5 * 60_000;

/** A Swedish number a callback can ring: mobile or fixed, national or +46. */
export function swedishNumber(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text.trim(), 'SE');
  return parsed?.country === 'SE' && parsed.isValid() ? parsed.number : undefined;
}

const bad = (field: string, message: string, text: string): CallbackProblem => ({
  field,
  reason: 'BAD_INPUT',
  message,
  text,
});

/** The platform's POST /telephony/callbacks body (zod, then the number and the queue). */
export function parsePlatformCallbackRequest(
  body: unknown,
  settings: TelephonySettings,
): { ok: true; request: CallbackRequestInput } | { ok: false; problems: CallbackProblem[] } {
  const parsed = platformSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        bad(i.path.join('.') || '(body)', i.message, 'Uppgifterna kunde inte läsas.'),
      ),
    };
  const raw = parsed.data;
  const problems: CallbackProblem[] = [];
  if (!Object.hasOwn(settings.queues, raw.queue))
    problems.push(
      bad(
        'queue',
        `no queue "${raw.queue}" in telephony.queues (known: ${Object.keys(settings.queues).join(', ')})`,
        'Okänd kö.',
      ),
    );
  const number = swedishNumber(raw.number);
  if (!number)
    problems.push(
      bad('number', `"${raw.number}" is not a Swedish phone number`, 'Ange ett svenskt telefonnummer.'),
    );
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    request: {
      source: 'PLATFORM',
      externalId: raw.requestId,
      number: number!,
      queue: raw.queue,
      callAt: raw.callAt ? new Date(raw.callAt) : null,
      partyId: null,
    },
  };
}

/**
 * Whether the queue takes the request at `now`: as soon as possible only while it is open;
 * a requested time only in the future (a few minutes' slack), within the validity and within
 * opening hours. Null when taken.
 */
export function openingHoursProblem(
  request: Pick<CallbackRequestInput, 'queue' | 'callAt'>,
  settings: TelephonySettings,
  now: Date,
): CallbackProblem | null {
  const hours = openingHoursOf(settings, request.queue);
  const span = `${hours.from}–${hours.to}`;
  if (!request.callAt) {
    if (isOpenAt(hours, now)) return null;
    return {
      field: 'callAt',
      reason: 'CLOSED',
      message: `the queue takes callbacks on working days ${span} (Swedish time); ask for a time instead`,
      text: `Vi ringer tillbaka vardagar ${span}. Välj en tid då vi har öppet.`,
    };
  }
  if (request.callAt.getTime() < now.getTime() - PAST_SLACK_MS)
    return {
      field: 'callAt',
      reason: 'CALL_AT_PAST',
      message: 'callAt has passed',
      text: 'Tiden har redan passerat. Välj en senare tid.',
    };
  const validHours = settings.callbacks.validHours;
  if (request.callAt.getTime() > now.getTime() + validHours * 3_600_000)
    return {
      field: 'callAt',
      reason: 'CALL_AT_TOO_LATE',
      message: `callAt is more than ${validHours} h ahead: a callback is valid ${validHours} h`,
      text: `Välj en tid inom ${validHours} timmar.`,
    };
  if (!isOpenAt(hours, request.callAt)) {
    const { date, time } = stockholmClock(request.callAt);
    return {
      field: 'callAt',
      reason: 'CALL_AT_CLOSED',
      message: `${date} ${time} (Swedish time) is outside the queue's callback hours: working days ${span}`,
      text: `Vi ringer inte ${date} kl. ${time}. Vi ringer tillbaka vardagar ${span}.`,
    };
  }
  return null;
}

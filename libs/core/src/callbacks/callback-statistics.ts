import type { DataSource } from 'typeorm';
import type { ShareFigure } from '../telephony/call-statistics';
import type { TelephonySettings } from '../telephony/telephony-settings';
import { CallbackRequest, CallbackStatus } from './callback.entities';

/** A queue's callbacks requested in a period, and the call goal "called back in time". */
export interface QueueCallbackFigures {
  queueKey: string;
  name: string;
  /** `from–to`. */
  period: string;
  requested: number;
  reached: number;
  unreached: number;
  expired: number;
  /** Waiting or taken now. */
  open: number;
  callBackWithinMinutes: number;
  /**
   * Of the decided callbacks, the share first attempted within the goal's minutes of the time
   * the caller asked for. Decided: attempted, or not attempted and already past the goal (late,
   * expired ones too); an open callback still inside its minutes is `pending`, in neither.
   */
  calledBackWithin: ShareFigure & { pending: number };
  /** From the time asked for to the first attempt, of the attempted; null when none. */
  averageFirstAttemptSeconds: number | null;
  /** From the time asked for to the caller reached, of the reached; null when none. */
  averageReachedSeconds: number | null;
}

interface Row {
  queue: string;
  requested: string | number;
  reached: string | number | null;
  unreached: string | number | null;
  expired: string | number | null;
  open: string | number | null;
  in_time: string | number | null;
  late: string | number | null;
  attempted: string | number | null;
  first_ms: string | number | null;
  reached_ms: string | number | null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** One GROUP BY over the callbacks requested between the Swedish days `from` and `to`. */
export async function callbackStatistics(
  dataSource: DataSource,
  from: string,
  to: string,
  settings: TelephonySettings,
  now: Date,
): Promise<QueueCallbackFigures[]> {
  const goalMs = settings.callbacks.callBackWithinMinutes * 60_000;
  const cutoff = new Date(now.getTime() - goalMs);
  const rows = await dataSource
    .getRepository(CallbackRequest)
    .createQueryBuilder('c')
    .select('c.queue', 'queue')
    .addSelect('COUNT(*)', 'requested')
    .addSelect(`SUM(CASE WHEN c.status = '${CallbackStatus.REACHED}' THEN 1 ELSE 0 END)`, 'reached')
    .addSelect(`SUM(CASE WHEN c.status = '${CallbackStatus.UNREACHED}' THEN 1 ELSE 0 END)`, 'unreached')
    .addSelect(`SUM(CASE WHEN c.status = '${CallbackStatus.EXPIRED}' THEN 1 ELSE 0 END)`, 'expired')
    .addSelect(
      `SUM(CASE WHEN c.status IN ('${CallbackStatus.WAITING}', '${CallbackStatus.TAKEN}') THEN 1 ELSE 0 END)`,
      'open',
    )
    .addSelect('SUM(CASE WHEN c.first_attempt_ms <= :goalMs THEN 1 ELSE 0 END)', 'in_time')
    .addSelect(
      'SUM(CASE WHEN c.first_attempt_ms > :goalMs OR (c.first_attempt_ms IS NULL AND c.wanted_at <= :cutoff) THEN 1 ELSE 0 END)',
      'late',
    )
    .addSelect('COUNT(c.first_attempt_ms)', 'attempted')
    .addSelect('SUM(c.first_attempt_ms)', 'first_ms')
    .addSelect('SUM(c.reached_ms)', 'reached_ms')
    .where('c.requested_day >= :from AND c.requested_day <= :to', { from, to })
    .setParameters({ goalMs, cutoff })
    .groupBy('c.queue')
    .getRawMany<Row>();
  const num = (v: string | number | null) => Number(v ?? 0);
  const byQueue = new Map(rows.map((r) => [r.queue, r]));
  const keys = [
    ...Object.keys(settings.queues),
    ...rows.map((r) => r.queue).filter((q) => !settings.queues[q]),
  ];
  return keys
    .filter((key) => byQueue.has(key) || settings.queues[key])
    .map((key) => {
      const row = byQueue.get(key);
      const requested = num(row?.requested ?? 0);
      const inTime = num(row?.in_time ?? 0);
      const late = num(row?.late ?? 0);
      const basis = inTime + late;
      const open = num(row?.open ?? 0);
      const reached = num(row?.reached ?? 0);
      const attempted = num(row?.attempted ?? 0);
      const share = basis === 0 ? 0 : round3(inTime / basis);
      const target = settings.callbacks.calledBackWithinShareTarget;
      return {
        queueKey: key,
        name: settings.queues[key]?.name ?? key,
        period: `${from}–${to}`,
        requested,
        reached,
        unreached: num(row?.unreached ?? 0),
        expired: num(row?.expired ?? 0),
        open,
        callBackWithinMinutes: settings.callbacks.callBackWithinMinutes,
        calledBackWithin: {
          share,
          target,
          meetsTarget: basis > 0 && share >= target,
          basis,
          pending: requested - basis,
        },
        averageFirstAttemptSeconds:
          attempted === 0 ? null : Math.round(num(row!.first_ms) / attempted / 1000),
        averageReachedSeconds: reached === 0 ? null : Math.round(num(row!.reached_ms) / reached / 1000),
      };
    });
}

/** The callbacks' lines of the statistics CSV, in the same columns as the cases' and calls'. */
export function callbackStatisticsCsvRows(figures: QueueCallbackFigures[]): (string | number)[][] {
  const pct = (n: number) => (n * 100).toFixed(1).replace('.', ',');
  const yes = (b: boolean) => (b ? 'ja' : 'nej');
  return figures.flatMap((f) => [
    ['Återuppringning', f.queueKey, `${f.name}: begärda`, f.requested, '', '', ''],
    [
      'Återuppringning',
      f.queueKey,
      `${f.name}: uppringda inom ${f.callBackWithinMinutes} min (avgjorda, ${f.calledBackWithin.pending} pågående)`,
      f.calledBackWithin.basis,
      pct(f.calledBackWithin.share),
      pct(f.calledBackWithin.target),
      f.calledBackWithin.basis === 0 ? '' : yes(f.calledBackWithin.meetsTarget),
    ],
    ['Återuppringning', f.queueKey, `${f.name}: nådda`, f.reached, '', '', ''],
    ['Återuppringning', f.queueKey, `${f.name}: ej nådda`, f.unreached, '', '', ''],
    ['Återuppringning', f.queueKey, `${f.name}: utgångna`, f.expired, '', '', ''],
    [
      'Återuppringning',
      f.queueKey,
      `${f.name}: genomsnittlig tid till första försök s`,
      f.averageFirstAttemptSeconds ?? '',
      '',
      '',
      '',
    ],
  ]);
}

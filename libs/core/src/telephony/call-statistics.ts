import type { DataSource } from 'typeorm';
import { CallContact } from './call.entities';
import { CallOutcome } from './call-summary';
import type { TelephonySettings } from './telephony-settings';

/** How the period is split: one line per queue for the whole period, or per day, ISO week or month. */
export type CallPeriodSplit = 'PERIOD' | 'DAY' | 'WEEK' | 'MONTH';

/** The counts one GROUP BY row gives for a queue and period. */
export interface CallCounts {
  /** Answered (also those still talking or transferred since). */
  answered: number;
  answeredWithin: number;
  /** Hung up in the queue after more than the short-abandon seconds. */
  abandoned: number;
  /** Hung up within the short-abandon seconds: not counted as offered. */
  shortAbandoned: number;
  /** Still waiting in the queue: not yet counted either way. */
  waiting: number;
  talkMsSum: number;
  talkedCalls: number;
}

export interface ShareFigure {
  share: number;
  target: number;
  meetsTarget: boolean;
  basis: number;
}

/** A queue's service goals in one period (Luleå's servicemål 1–3, the talk-time target). */
export interface QueueCallFigures {
  queueKey: string;
  name: string;
  /** The day (YYYY-MM-DD), ISO week (YYYY-Www) or month (YYYY-MM); `from–to` for the whole period. */
  period: string;
  /** Answered plus abandoned, short abandons left out. */
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  waiting: number;
  answerWithinSeconds: number;
  /** Share of the offered calls answered within the queue's seconds, against its target (90 %). */
  answeredWithin: ShareFigure;
  /** Share of the offered calls abandoned; meetsTarget when at most the ceiling (10 %). */
  abandonedShare: ShareFigure;
  /** Average talk time of the answered calls that have ended; null when none. */
  averageTalkSeconds: number | null;
  talkTimeTargetSeconds: number;
  talkTimeMeetsTarget: boolean | null;
}

const ANSWERED = [CallOutcome.ANSWERED, CallOutcome.TRANSFERRED, CallOutcome.IN_CALL];
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const shareOf = (part: number, whole: number) => (whole === 0 ? 0 : round3(part / whole));

/**
 * The arithmetic of the service goals from a queue's counts (pure, table-tested). Offered is
 * answered + abandoned: short abandons and calls still waiting are in neither. A share of
 * nothing is 0 and meets no target (no calls is not a goal met).
 */
export function callFigures(
  counts: CallCounts,
  queue: { key: string; name: string; answerWithinSeconds: number; answeredWithinShareTarget: number },
  settings: Pick<TelephonySettings, 'abandonedShareCeiling' | 'talkTimeTargetSeconds'>,
  period: string,
): QueueCallFigures {
  const offered = counts.answered + counts.abandoned;
  const within = shareOf(counts.answeredWithin, offered);
  const abandoned = shareOf(counts.abandoned, offered);
  const averageTalkSeconds =
    counts.talkedCalls === 0 ? null : Math.round(counts.talkMsSum / counts.talkedCalls / 100) / 10;
  return {
    queueKey: queue.key,
    name: queue.name,
    period,
    offered,
    answered: counts.answered,
    abandoned: counts.abandoned,
    shortAbandoned: counts.shortAbandoned,
    waiting: counts.waiting,
    answerWithinSeconds: queue.answerWithinSeconds,
    answeredWithin: {
      share: within,
      target: queue.answeredWithinShareTarget,
      meetsTarget: offered > 0 && within >= queue.answeredWithinShareTarget,
      basis: offered,
    },
    abandonedShare: {
      share: abandoned,
      target: settings.abandonedShareCeiling,
      meetsTarget: offered > 0 && abandoned <= settings.abandonedShareCeiling,
      basis: offered,
    },
    averageTalkSeconds,
    talkTimeTargetSeconds: settings.talkTimeTargetSeconds,
    talkTimeMeetsTarget:
      averageTalkSeconds === null ? null : averageTalkSeconds <= settings.talkTimeTargetSeconds,
  };
}

const PERIOD_COLUMN: Record<Exclude<CallPeriodSplit, 'PERIOD'>, string> = {
  DAY: 'c.offered_day',
  WEEK: 'c.offered_week',
  MONTH: 'c.offered_month',
};

interface CountRow {
  queue: string;
  period?: string;
  answered: string | number | null;
  answered_within: string | number | null;
  abandoned: string | number | null;
  short_abandoned: string | number | null;
  waiting: string | number | null;
  talk_ms: string | number | null;
  talked: string | number | null;
}

/**
 * The calls' service goals for calls offered from `from` to `to` (Stockholm calendar dates,
 * both included), per configured queue, for the whole period or split by day, week or month.
 * One GROUP BY in the database over the stored day/week/month of the offer (the rows are
 * never loaded); each queue's own answer limit is a CASE in the same query. A week or month
 * cut by the period's edges counts only its days inside it. Every configured queue gets a
 * line for the whole period, also with no calls (offered 0), so a silent queue is seen.
 */
export async function callStatistics(
  dataSource: DataSource,
  from: string,
  to: string,
  settings: TelephonySettings,
  split: CallPeriodSplit = 'PERIOD',
): Promise<QueueCallFigures[]> {
  const queues = Object.entries(settings.queues);
  const shortMs = settings.shortAbandonSeconds * 1000;
  const limitCase = queues.length
    ? `CASE ${queues.map((_, i) => `WHEN c.queue = :q${i} THEN :limit${i}`).join(' ')} ELSE -1 END`
    : '-1';
  const limits = Object.fromEntries(
    queues.flatMap(([key, q], i) => [
      [`q${i}`, key],
      [`limit${i}`, q.answerWithinSeconds * 1000],
    ]),
  );
  const isAnswered = 'c.outcome IN (:...answeredOutcomes)';
  const query = dataSource
    .getRepository(CallContact)
    .createQueryBuilder('c')
    .select('c.queue', 'queue')
    .addSelect(`SUM(CASE WHEN ${isAnswered} THEN 1 ELSE 0 END)`, 'answered')
    .addSelect(
      `SUM(CASE WHEN ${isAnswered} AND c.wait_ms <= ${limitCase} THEN 1 ELSE 0 END)`,
      'answered_within',
    )
    .addSelect(
      `SUM(CASE WHEN c.outcome = :abandoned AND c.wait_ms > :shortMs THEN 1 ELSE 0 END)`,
      'abandoned',
    )
    .addSelect(
      `SUM(CASE WHEN c.outcome = :abandoned AND c.wait_ms <= :shortMs THEN 1 ELSE 0 END)`,
      'short_abandoned',
    )
    .addSelect(`SUM(CASE WHEN c.outcome = :waiting THEN 1 ELSE 0 END)`, 'waiting')
    .addSelect(`SUM(CASE WHEN ${isAnswered} AND c.talk_ms IS NOT NULL THEN c.talk_ms ELSE 0 END)`, 'talk_ms')
    .addSelect(`SUM(CASE WHEN ${isAnswered} AND c.talk_ms IS NOT NULL THEN 1 ELSE 0 END)`, 'talked')
    .where('c.offered_day >= :from AND c.offered_day <= :to', { from, to })
    .setParameters({
      ...limits,
      answeredOutcomes: ANSWERED,
      abandoned: CallOutcome.ABANDONED,
      waiting: CallOutcome.WAITING,
      shortMs,
    })
    .groupBy('c.queue');
  if (split !== 'PERIOD') query.addSelect(PERIOD_COLUMN[split], 'period').addGroupBy(PERIOD_COLUMN[split]);
  const rows = await query.getRawMany<CountRow>();

  const num = (v: string | number | null) => Number(v ?? 0);
  const byQueue = new Map(queues);
  const figures: QueueCallFigures[] = [];
  for (const row of rows) {
    const queue = byQueue.get(row.queue);
    // A queue taken out of the config still has calls in the log: shown under its key, no goal.
    const described = queue
      ? { key: row.queue, ...queue }
      : { key: row.queue, name: row.queue, answerWithinSeconds: 0, answeredWithinShareTarget: 1 };
    figures.push(
      callFigures(
        {
          answered: num(row.answered),
          answeredWithin: num(row.answered_within),
          abandoned: num(row.abandoned),
          shortAbandoned: num(row.short_abandoned),
          waiting: num(row.waiting),
          talkMsSum: num(row.talk_ms),
          talkedCalls: num(row.talked),
        },
        described,
        settings,
        split === 'PERIOD' ? `${from}–${to}` : String(row.period),
      ),
    );
  }
  if (split === 'PERIOD') {
    const seen = new Set(figures.map((f) => f.queueKey));
    const empty: CallCounts = {
      answered: 0,
      answeredWithin: 0,
      abandoned: 0,
      shortAbandoned: 0,
      waiting: 0,
      talkMsSum: 0,
      talkedCalls: 0,
    };
    for (const [key, queue] of queues)
      if (!seen.has(key)) figures.push(callFigures(empty, { key, ...queue }, settings, `${from}–${to}`));
  }
  const order = new Map(queues.map(([key], i) => [key, i]));
  return figures.sort(
    (a, b) =>
      (order.get(a.queueKey) ?? 1e9) - (order.get(b.queueKey) ?? 1e9) ||
      (a.queueKey < b.queueKey ? -1 : a.queueKey > b.queueKey ? 1 : 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
}

/** The calls' lines of the statistics CSV, in the same columns as the cases' (statisticsCsv). */
export function callStatisticsCsvRows(figures: QueueCallFigures[]): (string | number)[][] {
  const pct = (n: number) => (n * 100).toFixed(1).replace('.', ',');
  const yes = (b: boolean | null) => (b === null ? '' : b ? 'ja' : 'nej');
  return figures.flatMap((f) => [
    ['Samtal', f.queueKey, `${f.name}: erbjudna`, f.offered, '', '', ''],
    [
      'Samtal',
      f.queueKey,
      `${f.name}: besvarade inom ${f.answerWithinSeconds} s`,
      f.answered,
      pct(f.answeredWithin.share),
      pct(f.answeredWithin.target),
      yes(f.answeredWithin.meetsTarget),
    ],
    [
      'Samtal',
      f.queueKey,
      `${f.name}: avbrutna i kö (högst)`,
      f.abandoned,
      pct(f.abandonedShare.share),
      pct(f.abandonedShare.target),
      yes(f.abandonedShare.meetsTarget),
    ],
    ['Samtal', f.queueKey, `${f.name}: korta avbrott (räknas ej)`, f.shortAbandoned, '', '', ''],
    [
      'Samtal',
      f.queueKey,
      `${f.name}: genomsnittlig samtalstid s (mål ${f.talkTimeTargetSeconds})`,
      f.averageTalkSeconds === null ? '' : String(f.averageTalkSeconds).replace('.', ','),
      '',
      '',
      yes(f.talkTimeMeetsTarget),
    ],
  ]);
}

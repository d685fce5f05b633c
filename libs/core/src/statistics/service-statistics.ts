import type { DataSource } from 'typeorm';
import { CaseCategory } from '../cases/case.entities';
import { answerGroupLoad, type AnswerGroupLoad } from './answer-group-load';
import { backfillAnswerWorkingDays } from './answer-working-days';
import { openForwarded } from './open-forwarded';
import { periodCounts } from './period-counts';
import { writtenAnswers } from './written-answers';

/** The service goals (Luleå/Skellefteå): 70 % resolved at the first line, answers within 2 working days. */
export interface ServiceTargets {
  firstLineResolutionShare: number;
  answerWithinWorkingDays: number;
  answeredInTimeShare: number;
}

export const DEFAULT_SERVICE_TARGETS: ServiceTargets = {
  firstLineResolutionShare: 0.7,
  answerWithinWorkingDays: 2,
  answeredInTimeShare: 0.9,
};

export interface GoalFigure {
  share: number;
  target: number;
  meetsTarget: boolean;
  /** How many cases the share is of: only those whose outcome is decided. */
  basis: number;
  /**
   * Cases the goal will count once decided, left out of the share until then (pågående): for
   * "answered in time", forwarded cases not yet answered and not yet past the goal's days.
   */
  pending: number;
}

export interface ServiceStatistics {
  from: string;
  to: string;
  contacts: number;
  byChannel: { channel: string; count: number }[];
  /** Categories by share of all contacts, largest first (Skellefteå's ranking). */
  categoryRanking: { categoryKey: string; name: string; count: number; share: number }[];
  resolvedAtFirstLine: GoalFigure;
  answeredInTime: GoalFigure;
  byAnswerGroup: AnswerGroupLoad[];
  /** Servicemål 4 per written channel (EMAIL, E_SERVICE): answered within the goal's days, and within one (KKiK). */
  writtenAnswers: WrittenChannelFigures[];
}

export interface WrittenChannelFigures {
  channel: string;
  /** The goal's working days (answerWithinWorkingDays, 2 by Luleå's servicemål 4). */
  withinWorkingDays: number;
  /** Answered within `answerWithinWorkingDays` of arriving (the target: answeredInTimeShare). */
  answeredInTime: GoalFigure;
  /** KKiK's share answered within one working day: a measure without a target of its own. */
  answeredWithinOneDay: { share: number; basis: number; pending: number };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const figure = (part: number, whole: number, target: number, pending = 0): GoalFigure => {
  const value = share(part, whole);
  return { share: value, target, meetsTarget: whole > 0 && value >= target, basis: whole, pending };
};

/**
 * The service-goal figures for contacts registered from `from` to `to` (Swedish calendar
 * dates, both included), and the open and overdue cases per answer group right now.
 *
 * Counted in the database: the period by channel and category from the daily roll-up for the
 * days it holds unchanged (decision 0042) and with one GROUP BY over the cases for the rest
 * (decision 0040: a range on the covering index IDX_service_case_created_stats), and one
 * GROUP BY over the open forwarded cases by answer group. Whether a case was answered in time
 * is the stored answer_working_days, so no calendar work runs per row.
 *
 * A figure counts only what is decided: "answered in time" is the cases answered within the
 * goal's working days ÷ (the answered + the open ones already past them); the open ones not
 * yet past them, and those waiting for the citizen, are `pending` beside it (openForwarded).
 */
export async function serviceStatistics(
  dataSource: DataSource,
  from: string,
  to: string,
  targets: ServiceTargets = DEFAULT_SERVICE_TARGETS,
  now: Date = new Date(),
): Promise<ServiceStatistics> {
  await backfillAnswerWorkingDays(dataSource);
  const period = await periodCounts(dataSource, from, to, targets.answerWithinWorkingDays);
  const categories = new Map((await dataSource.getRepository(CaseCategory).find()).map((c) => [c.id, c]));
  const byAnswerGroup = await answerGroupLoad(dataSource, now);
  const open = await openForwarded(dataSource, from, to, targets.answerWithinWorkingDays, now);
  const { contacts, resolved, answered, inTime, byChannel, byCategory } = period;
  const [withinGoal, withinOne] = await Promise.all([
    writtenAnswers(dataSource, from, to, targets.answerWithinWorkingDays, now),
    writtenAnswers(dataSource, from, to, 1, now),
  ]);
  return {
    from,
    to,
    contacts,
    byChannel: [...byChannel]
      .map(([channel, n]) => ({ channel, count: n }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.channel, b.channel)),
    categoryRanking: [...byCategory]
      .map(([id, n]) => ({
        categoryKey: categories.get(id)!.key,
        name: categories.get(id)!.name,
        count: n,
        share: share(n, contacts),
      }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.categoryKey, b.categoryKey)),
    resolvedAtFirstLine: figure(resolved, contacts, targets.firstLineResolutionShare),
    answeredInTime: figure(inTime, answered + open.late, targets.answeredInTimeShare, open.pending),
    byAnswerGroup,
    writtenAnswers: withinGoal.map((goal, i) => ({
      channel: goal.channel,
      withinWorkingDays: targets.answerWithinWorkingDays,
      answeredInTime: figure(goal.inTime, goal.decided, targets.answeredInTimeShare, goal.pending),
      answeredWithinOneDay: {
        share: share(withinOne[i].inTime, withinOne[i].decided),
        basis: withinOne[i].decided,
        pending: withinOne[i].pending,
      },
    })),
  };
}

/** The written channels as the results are read in Swedish. */
const CHANNEL_NAMES: Record<string, string> = { EMAIL: 'e-post', E_SERVICE: 'e-tjänst' };

/** The same figures as CSV for spreadsheets (semicolon-separated, decimal comma, as Swedish Excel expects). */
export function statisticsCsv(stats: ServiceStatistics): string {
  const pct = (n: number) => (n * 100).toFixed(1).replace('.', ',');
  const rows: (string | number)[][] = [
    ['Avsnitt', 'Nyckel', 'Namn', 'Antal', 'Andel %', 'Mål %', 'Uppfyllt'],
    ['Period', `${stats.from}–${stats.to}`, '', stats.contacts, '', '', ''],
    [
      'Mål',
      'resolved-at-first-line',
      'Lösta i första linjen',
      stats.resolvedAtFirstLine.basis,
      pct(stats.resolvedAtFirstLine.share),
      pct(stats.resolvedAtFirstLine.target),
      stats.resolvedAtFirstLine.meetsTarget ? 'ja' : 'nej',
    ],
    [
      'Mål',
      'answered-in-time',
      'Besvarade i tid',
      stats.answeredInTime.basis,
      pct(stats.answeredInTime.share),
      pct(stats.answeredInTime.target),
      stats.answeredInTime.meetsTarget ? 'ja' : 'nej',
    ],
    [
      'Mål',
      'answered-in-time-pending',
      'Besvarade i tid: pågående, ännu inte avgjorda',
      stats.answeredInTime.pending,
      '',
      '',
      '',
    ],
    ...stats.writtenAnswers.flatMap((w) => [
      [
        'Mål',
        `answered-in-time:${w.channel}`,
        `Besvarade inom ${w.withinWorkingDays} arbetsdagar: ${CHANNEL_NAMES[w.channel] ?? w.channel}`,
        w.answeredInTime.basis,
        pct(w.answeredInTime.share),
        pct(w.answeredInTime.target),
        w.answeredInTime.basis ? (w.answeredInTime.meetsTarget ? 'ja' : 'nej') : '',
      ],
      [
        'Mått',
        `answered-within-one-day:${w.channel}`,
        `Besvarade inom 1 arbetsdag (KKiK): ${CHANNEL_NAMES[w.channel] ?? w.channel}`,
        w.answeredWithinOneDay.basis,
        pct(w.answeredWithinOneDay.share),
        '',
        '',
      ],
      [
        'Mål',
        `answered-in-time-pending:${w.channel}`,
        `Besvarade i tid: pågående, ännu inte avgjorda: ${CHANNEL_NAMES[w.channel] ?? w.channel}`,
        w.answeredInTime.pending,
        '',
        '',
        '',
      ],
    ]),
    ...stats.byChannel.map((c) => [
      'Kanal',
      c.channel,
      '',
      c.count,
      pct(share(c.count, stats.contacts)),
      '',
      '',
    ]),
    ...stats.categoryRanking.map((c) => ['Kategori', c.categoryKey, c.name, c.count, pct(c.share), '', '']),
    ...stats.byAnswerGroup.map((g) => [
      'Svarsgrupp',
      g.answerGroupKey,
      g.name,
      g.open,
      '',
      '',
      `försenade: ${g.overdue}`,
    ]),
  ];
  const cell = (v: string | number) =>
    /[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

import { Between, type DataSource } from 'typeorm';
import { AnswerGroup, CaseCategory, ServiceCase } from '../cases/case.entities';
import { CaseStatus } from '../cases/case-vocabulary';
import { endOfStockholmDay, workingDaysBetween } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';

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
  /** How many cases the share is of. */
  basis: number;
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
  byAnswerGroup: { answerGroupKey: string; name: string; open: number; overdue: number }[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const figure = (part: number, whole: number, target: number): GoalFigure => {
  const value = share(part, whole);
  return { share: value, target, meetsTarget: whole > 0 && value >= target, basis: whole };
};

/**
 * The service-goal figures for contacts registered from `from` to `to` (Swedish calendar
 * dates, both included), and the open and overdue cases per answer group right now.
 */
export async function serviceStatistics(
  dataSource: DataSource,
  from: string,
  to: string,
  targets: ServiceTargets = DEFAULT_SERVICE_TARGETS,
  now: Date = new Date(),
): Promise<ServiceStatistics> {
  const start = endOfStockholmDay(previousDay(from));
  const end = endOfStockholmDay(to);
  const cases = await dataSource
    .getRepository(ServiceCase)
    .find({ where: { createdAt: Between(start, new Date(end.getTime() - 1)) } });
  const categories = new Map((await dataSource.getRepository(CaseCategory).find()).map((c) => [c.id, c]));
  const groups = await dataSource.getRepository(AnswerGroup).find();

  const count = <K>(key: (c: ServiceCase) => K) => {
    const counts = new Map<K, number>();
    for (const c of cases) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
    return counts;
  };

  const forwarded = cases.filter((c) => c.forwardedAt);
  const answeredInTime = forwarded.filter((c) => {
    const answeredAt = c.firstReplyAt ?? c.closedAt;
    // Days the case waited for the citizen before the group's first answer are not the group's.
    return (
      answeredAt &&
      workingDaysBetween(stockholmDate(c.forwardedAt!), stockholmDate(answeredAt)) - c.slaPausedWorkingDays <=
        targets.answerWithinWorkingDays
    );
  }).length;

  const openNow = await dataSource
    .getRepository(ServiceCase)
    .find({ where: { status: CaseStatus.FORWARDED } });
  return {
    from,
    to,
    contacts: cases.length,
    byChannel: [...count((c) => c.channel)]
      .map(([channel, n]) => ({ channel, count: n }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.channel, b.channel)),
    categoryRanking: [...count((c) => c.categoryId)]
      .map(([id, n]) => ({
        categoryKey: categories.get(id)!.key,
        name: categories.get(id)!.name,
        count: n,
        share: share(n, cases.length),
      }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.categoryKey, b.categoryKey)),
    resolvedAtFirstLine: figure(
      cases.filter((c) => c.resolvedAtFirstLine).length,
      cases.length,
      targets.firstLineResolutionShare,
    ),
    answeredInTime: figure(answeredInTime, forwarded.length, targets.answeredInTimeShare),
    byAnswerGroup: groups.map((g) => {
      const open = openNow.filter((c) => c.answerGroupId === g.id);
      return {
        answerGroupKey: g.key,
        name: g.name,
        open: open.length,
        overdue: open.filter((c) => c.dueAt && c.dueAt < now).length,
      };
    }),
  };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

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

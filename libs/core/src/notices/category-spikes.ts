import type { DataSource } from 'typeorm';
import { CaseCategory, ServiceCase } from '../cases/case.entities';
import { StatisticsDaily } from '../statistics/statistics-rollup.entities';
import { stockholmDate } from '../time/stockholm-date';
import { startOfStockholmDay } from '../sla/swedish-calendar';

/** How a spike is told from a busy day (config `notices.spikes`). */
export interface SpikeRule {
  /** Today's contacts so far at least this many times the usual by this hour. */
  factor: number;
  /** And at least this many: three contacts instead of one is no spike. */
  minimum: number;
  /** The usual level: the same weekday in this many weeks before. */
  weeks: number;
  /** The contact center's day (Stockholm hours), over which a day's contacts are spread. */
  dayStartsHour: number;
  dayEndsHour: number;
}

export const DEFAULT_SPIKE_RULE: SpikeRule = {
  factor: 3,
  minimum: 10,
  weeks: 4,
  dayStartsHour: 8,
  dayEndsHour: 17,
};

export interface CategorySpike {
  categoryKey: string;
  categoryName: string;
  /** Contacts registered today so far. */
  today: number;
  /** The usual number by this hour: the same weekday's average day, times the share of the day gone. */
  usualByNow: number;
  spiking: boolean;
  /** The most frequent words of today's summaries; none for a confidential category (its text never leaves). */
  topWords: string[];
}

/** Words that say nothing of what the contacts are about. */
const STOP_WORDS = new Set(
  'och i att det som en på är av för med till den har de inte om ett han hon men var jag sig från vi så kan man när år säger hade nu skulle eller efter vid ska finns mitt min mina sin sitt sina vill ringer ringde frågar fråga undrar om hur varför vad vill har hade kund kunden'.split(
    ' ',
  ),
);

/**
 * The categories whose contacts today run far above the same weekday's usual level: today's
 * count from the case table (one day, on the created-at index), the usual from the statistics
 * roll-up (never every case). A category spikes when today's count so far is at least `factor`
 * times the usual day's share up to this hour, and at least `minimum`.
 */
export async function categorySpikes(
  dataSource: DataSource,
  now: Date,
  rule: SpikeRule = DEFAULT_SPIKE_RULE,
): Promise<CategorySpike[]> {
  const day = stockholmDate(now);
  const start = startOfStockholmDay(day);
  const sameWeekdays = Array.from({ length: rule.weeks }, (_, i) =>
    stockholmDate(new Date(start.getTime() + 12 * 3_600_000 - (i + 1) * 7 * 86_400_000)),
  );
  const [categories, todayRows, usualRows] = await Promise.all([
    dataSource.getRepository(CaseCategory).find(),
    dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .select('c.category_id', 'category')
      .addSelect('COUNT(*)', 'contacts')
      .where('c.created_at >= :start AND c.created_at <= :now', { start, now })
      .groupBy('c.category_id')
      .getRawMany<{ category: string; contacts: string | number }>(),
    dataSource
      .getRepository(StatisticsDaily)
      .createQueryBuilder('s')
      .select('s.key', 'category')
      .addSelect('SUM(s.contacts)', 'contacts')
      .where("s.dimension = 'CATEGORY' AND s.day IN (:...days)", { days: sameWeekdays })
      .groupBy('s.key')
      .getRawMany<{ category: string; contacts: string | number }>(),
  ]);
  const today = new Map(todayRows.map((r) => [r.category, Number(r.contacts)]));
  const usualDay = new Map(usualRows.map((r) => [r.category, Number(r.contacts) / rule.weeks]));
  const share = dayShareGone(now, start, rule);
  const spikes: CategorySpike[] = [];
  for (const category of categories) {
    const count = today.get(category.id) ?? 0;
    if (count === 0) continue;
    const usualByNow = (usualDay.get(category.id) ?? 0) * share;
    const spiking = count >= rule.minimum && count >= rule.factor * usualByNow;
    spikes.push({
      categoryKey: category.key,
      categoryName: category.name,
      today: count,
      usualByNow: Math.round(usualByNow * 10) / 10,
      spiking,
      topWords: spiking && !category.confidential ? await topWords(dataSource, category.id, start, now) : [],
    });
  }
  return spikes.sort((a, b) => Number(b.spiking) - Number(a.spiking) || b.today - a.today);
}

/** The share of the contact center's day gone by `now` (at least a tenth: early calls are no spike by default). */
function dayShareGone(now: Date, start: Date, rule: SpikeRule): number {
  const hours = (now.getTime() - start.getTime()) / 3_600_000;
  const gone = (hours - rule.dayStartsHour) / (rule.dayEndsHour - rule.dayStartsHour);
  return Math.min(1, Math.max(0.1, gone));
}

/** The five most frequent words of today's summaries in the category (at most 500 summaries read). */
async function topWords(
  dataSource: DataSource,
  categoryId: string,
  start: Date,
  now: Date,
): Promise<string[]> {
  const rows = await dataSource
    .getRepository(ServiceCase)
    .createQueryBuilder('c')
    .select('c.summary', 'summary')
    .where('c.category_id = :categoryId AND c.created_at >= :start AND c.created_at <= :now', {
      categoryId,
      start,
      now,
    })
    .limit(500)
    .getRawMany<{ summary: string }>();
  const counts = new Map<string, number>();
  for (const { summary } of rows)
    for (const word of new Set(summary.toLowerCase().match(/[a-zåäöé]{3,}/g) ?? []))
      if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))
    .slice(0, 5)
    .map(([word]) => word);
}

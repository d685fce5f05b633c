import type { DataSource } from 'typeorm';
import { CaseCategory } from '../cases/case.entities';
import { isAvoidableContact } from '../cases/contact-reason';
import { addDays } from './statistics-rollup';
import { periodContactReasons, type ContactReasonCount } from './contact-reason-counts';

/**
 * Issue 26 items 2 and 3 (decision 0086), per calendar month, from the daily roll-up:
 * how many contacts fall in categories a department system answers (coverage), and the
 * avoidable contacts in them (status questions the citizen could have read on Mina ärenden),
 * ranked with their cost in agent minutes and the trend against the month before.
 */

/** A month, YYYY-MM. */
export type Month = string;

/** First-line resolution of a set of contacts: resolved ÷ decided (resolved + forwarded). */
export interface ResolutionFigure {
  contacts: number;
  resolved: number;
  /** Resolved or forwarded; an open case not forwarded yet is not decided and left out. */
  decided: number;
  /** resolved ÷ decided, null when nothing is decided. */
  share: number | null;
}

export interface CoverageFigure {
  month: Month;
  contacts: number;
  /** Contacts in categories a department system answers (`answeredBy`). */
  answeredContacts: number;
  /** answeredContacts ÷ contacts, null without contacts. */
  answeredShare: number | null;
  answered: ResolutionFigure;
  others: ResolutionFigure;
}

export interface AvoidableContactRow {
  /** The department plugin whose system answers the category. */
  answeredBy: string;
  categoryKey: string;
  categoryName: string;
  contacts: number;
  /** Agent minutes of the calls linked to these contacts (rounded to whole minutes). */
  agentMinutes: number;
  /** Contacts with no linked call: counted in `contacts`, with no minutes. */
  withoutCall: number;
  previousContacts: number;
  previousAgentMinutes: number;
}

export interface AvoidableContactsReport {
  month: Month;
  previousMonth: Month;
  /** Most avoidable contacts first, then most minutes, then category key. */
  rows: AvoidableContactRow[];
  totalContacts: number;
  totalAgentMinutes: number;
  previousTotalContacts: number;
  previousTotalAgentMinutes: number;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

/** The first and last Swedish date of a month. */
export function monthDays(month: Month): [from: string, to: string] {
  if (!isMonth(month)) throw new Error(`not a month (YYYY-MM): ${month}`);
  return [`${month}-01`, addDays(`${nextMonth(month)}-01`, -1)];
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function resolution(rows: ContactReasonCount[]): ResolutionFigure {
  const contacts = rows.reduce((n, r) => n + r.contacts, 0);
  const resolved = rows.reduce((n, r) => n + r.resolved, 0);
  const decided = resolved + rows.reduce((n, r) => n + r.forwarded, 0);
  return { contacts, resolved, decided, share: ratio(resolved, decided) };
}

async function categoriesById(dataSource: DataSource): Promise<Map<string, CaseCategory>> {
  return new Map((await dataSource.getRepository(CaseCategory).find()).map((c) => [c.id, c]));
}

/** The month's coverage figure; `answeredBy` maps category key → the plugin that answers it. */
export async function monthlyCoverage(
  dataSource: DataSource,
  month: Month,
  answeredBy: ReadonlyMap<string, string>,
): Promise<CoverageFigure> {
  const [from, to] = monthDays(month);
  const categories = await categoriesById(dataSource);
  const counts = await periodContactReasons(dataSource, from, to);
  const isAnswered = (r: ContactReasonCount) => answeredBy.has(categories.get(r.categoryId)?.key ?? '');
  const answered = resolution(counts.filter(isAnswered));
  const others = resolution(counts.filter((r) => !isAnswered(r)));
  const contacts = answered.contacts + others.contacts;
  return {
    month,
    contacts,
    answeredContacts: answered.contacts,
    answeredShare: ratio(answered.contacts, contacts),
    answered,
    others,
  };
}

/** The month's avoidable contacts per department system and category, with the month before. */
export async function avoidableContactsReport(
  dataSource: DataSource,
  month: Month,
  answeredBy: ReadonlyMap<string, string>,
): Promise<AvoidableContactsReport> {
  const previous = previousMonth(month);
  const categories = await categoriesById(dataSource);
  const avoidableByCategory = async (m: Month) => {
    const [from, to] = monthDays(m);
    const byCategory = new Map<string, { contacts: number; talkMs: number; withCall: number }>();
    for (const r of await periodContactReasons(dataSource, from, to)) {
      const key = categories.get(r.categoryId)?.key;
      if (!key || !isAvoidableContact(r.reason, answeredBy.has(key))) continue;
      const had = byCategory.get(key) ?? { contacts: 0, talkMs: 0, withCall: 0 };
      had.contacts += r.contacts;
      had.talkMs += r.talkMs;
      had.withCall += r.withCall;
      byCategory.set(key, had);
    }
    return byCategory;
  };
  const now = await avoidableByCategory(month);
  const before = await avoidableByCategory(previous);
  const nameOf = new Map([...categories.values()].map((c) => [c.key, c.name]));
  const minutes = (ms: number) => Math.round(ms / 60_000);
  const rows: AvoidableContactRow[] = [...new Set([...now.keys(), ...before.keys()])]
    .map((key) => ({
      answeredBy: answeredBy.get(key)!,
      categoryKey: key,
      categoryName: nameOf.get(key) ?? key,
      contacts: now.get(key)?.contacts ?? 0,
      agentMinutes: minutes(now.get(key)?.talkMs ?? 0),
      withoutCall: (now.get(key)?.contacts ?? 0) - (now.get(key)?.withCall ?? 0),
      previousContacts: before.get(key)?.contacts ?? 0,
      previousAgentMinutes: minutes(before.get(key)?.talkMs ?? 0),
    }))
    .sort(
      (a, b) =>
        b.contacts - a.contacts ||
        b.agentMinutes - a.agentMinutes ||
        byCodePoint(a.categoryKey, b.categoryKey),
    );
  const sum = (pick: (r: AvoidableContactRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    month,
    previousMonth: previous,
    rows,
    totalContacts: sum((r) => r.contacts),
    totalAgentMinutes: sum((r) => r.agentMinutes),
    previousTotalContacts: sum((r) => r.previousContacts),
    previousTotalAgentMinutes: sum((r) => r.previousAgentMinutes),
  };
}

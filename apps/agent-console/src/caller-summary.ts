import type { SummaryCaseFragment } from './gql/graphql';

const DAYS = 30;

/** The start of the summary's window: 30 days before now. */
export function summarySince(now = new Date()): string {
  return new Date(now.getTime() - DAYS * 24 * 60 * 60 * 1000).toISOString();
}

/**
 * What a second call is most likely about: the person's open cases (any age) and every
 * contact of the last 30 days, open first, then newest first; one list without duplicates.
 */
export function summaryCases(
  cases: readonly SummaryCaseFragment[],
  recent: readonly SummaryCaseFragment[],
): SummaryCaseFragment[] {
  const byId = new Map<string, SummaryCaseFragment>();
  for (const c of recent) byId.set(c.id, c);
  for (const c of cases) if (c.status !== 'CLOSED' && !byId.has(c.id)) byId.set(c.id, c);
  // Open ones first (what a second call is about), then newest first.
  const open = (c: SummaryCaseFragment) => (c.status === 'CLOSED' ? 1 : 0);
  return [...byId.values()].sort((a, b) => open(a) - open(b) || b.createdAt.localeCompare(a.createdAt));
}

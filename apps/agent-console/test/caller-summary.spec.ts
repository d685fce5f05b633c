import type { SummaryCaseFragment } from '../src/gql/graphql';
import { summaryCases, summarySince } from '../src/caller-summary';

const row = (id: string, status: SummaryCaseFragment['status'], createdAt: string): SummaryCaseFragment => ({
  id,
  reference: `FD-2026-${id}`,
  status,
  summary: id,
  createdAt,
  overdue: false,
  dueText: null,
  dueRemainingText: null,
  wakeDate: null,
  category: { name: 'Fakturor' },
  answerGroup: null,
});

describe('the caller summary', () => {
  it('is open cases of any age and the last 30 days’ contacts, once each, open first, then newest first', () => {
    const oldOpen = row('AAAAAA', 'FORWARDED', '2026-06-01T08:00:00Z');
    const oldClosed = row('BBBBBB', 'CLOSED', '2026-06-02T08:00:00Z');
    const recentClosed = row('CCCCCC', 'CLOSED', '2026-11-20T08:00:00Z');
    const recentOpen = row('DDDDDD', 'OPEN', '2026-11-10T08:00:00Z');
    const rows = summaryCases([recentClosed, recentOpen, oldClosed, oldOpen], [recentClosed, recentOpen]);
    expect(rows.map((r) => r.id)).toEqual(['DDDDDD', 'AAAAAA', 'CCCCCC']);
  });

  it('looks back 30 days from now', () => {
    expect(summarySince(new Date('2026-11-30T12:00:00Z'))).toBe('2026-10-31T12:00:00.000Z');
  });
});

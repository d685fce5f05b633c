import { CallOutcome, summariseCall, type SummaryEvent } from './call-summary';

const at = (s: number) => new Date(Date.parse('2026-11-24T09:00:00Z') + s * 1000);
const e = (event: SummaryEvent['event'], s: number, agentId: string | null = null): SummaryEvent => ({
  event,
  at: at(s),
  queue: 'kundtjanst',
  agentId,
});

describe('a call’s contact-log row from its events, in any order', () => {
  it.each([
    ['waiting', [e('OFFERED', 0)], CallOutcome.WAITING, null, null],
    ['answered, talking', [e('OFFERED', 0), e('ANSWERED', 20, 'a')], CallOutcome.IN_CALL, 20_000, null],
    [
      'answered and ended',
      [e('OFFERED', 0), e('ANSWERED', 20, 'a'), e('ENDED', 200)],
      CallOutcome.ANSWERED,
      20_000,
      180_000,
    ],
    [
      'transferred',
      [e('OFFERED', 0), e('ANSWERED', 20, 'a'), e('TRANSFERRED', 80, 'a'), e('ENDED', 300)],
      CallOutcome.TRANSFERRED,
      20_000,
      60_000,
    ],
    ['abandoned', [e('OFFERED', 0), e('ABANDONED', 42)], CallOutcome.ABANDONED, 42_000, null],
    ['ended without answer', [e('OFFERED', 0), e('ENDED', 42)], CallOutcome.ABANDONED, 42_000, null],
    [
      'no OFFERED: offered at its first event',
      [e('ANSWERED', 20, 'a'), e('ENDED', 50)],
      CallOutcome.ANSWERED,
      0,
      30_000,
    ],
  ])('%s', (_label, events, outcome, waitMs, talkMs) => {
    const forwards = summariseCall(events);
    expect(forwards).toMatchObject({ outcome, waitMs, talkMs });
    expect(summariseCall([...events].reverse())).toEqual(forwards);
  });
});

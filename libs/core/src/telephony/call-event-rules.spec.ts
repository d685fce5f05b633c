import { CallEventRefused, OFFERED_GRACE_MS, checkEventSequence, checkEventTime } from './call-event-rules';

const now = new Date('2026-11-24T12:00:00Z');
const at = (iso: string) => new Date(iso);
const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return (error as CallEventRefused).reason;
  }
  return undefined;
};

describe('call event rules', () => {
  it('takes a time up to five minutes ahead and back to what the contact log keeps', () => {
    expect(refusal(() => checkEventTime(at('2026-11-24T12:05:00Z'), now, 400))).toBeUndefined();
    expect(refusal(() => checkEventTime(at('2026-11-24T12:05:01Z'), now, 400))).toBe('AT_IN_FUTURE');
    expect(refusal(() => checkEventTime(at('2025-10-21T12:00:00Z'), now, 400))).toBeUndefined();
    expect(refusal(() => checkEventTime(at('2025-10-20T11:59:59Z'), now, 400))).toBe('AT_TOO_OLD');
    expect(refusal(() => checkEventTime(at('1999-12-31T23:59:59Z'), now, null))).toBe('AT_TOO_OLD');
  });

  it('takes events in any order of arrival, but not times that contradict each other', () => {
    const offered = { event: 'OFFERED', at: at('2026-11-24T11:00:00Z') };
    const answered = { event: 'ANSWERED', at: at('2026-11-24T11:00:30Z') };
    const ended = { event: 'ENDED', at: at('2026-11-24T11:03:00Z') };
    expect(refusal(() => checkEventSequence(offered, [ended, answered], now))).toBeUndefined();
    expect(
      refusal(() => checkEventSequence({ ...answered, at: at('2026-11-24T10:59:00Z') }, [offered], now)),
    ).toBe('OUT_OF_SEQUENCE');
    expect(
      refusal(() =>
        checkEventSequence({ ...ended, at: at('2026-11-24T11:00:10Z') }, [offered, answered], now),
      ),
    ).toBe('OUT_OF_SEQUENCE');
    // ABANDONED after an answer is read as the end of the talk; only the offer must precede it.
    expect(
      refusal(() =>
        checkEventSequence({ event: 'ABANDONED', at: at('2026-11-24T11:00:20Z') }, [offered, answered], now),
      ),
    ).toBeUndefined();
  });

  it('waits for a late OFFERED for an hour, then refuses events of a call never offered', () => {
    const recent = { event: 'ANSWERED', at: new Date(now.getTime() - OFFERED_GRACE_MS) };
    expect(refusal(() => checkEventSequence(recent, [], now))).toBeUndefined();
    const old = { event: 'ENDED', at: new Date(now.getTime() - OFFERED_GRACE_MS - 1000) };
    expect(refusal(() => checkEventSequence(old, [], now))).toBe('NOT_OFFERED');
  });
});

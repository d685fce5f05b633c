import { linkableCall, nextCall, type CurrentCall } from '../src/call-state';
import { strings } from '../src/strings';

const call = (callId: string, endedAt: string | null = null): CurrentCall => ({
  callId,
  queueName: 'Kundtjänst',
  from: '+46701234567',
  fromText: '070-123 45 67',
  ivrPersonalNumber: null,
  waitedSeconds: 130,
  endedAt,
});

describe('the call on screen as notices arrive', () => {
  it('a call going on replaces the one shown (the next call), also an ended one', () => {
    expect(nextCall(null, call('a'))).toEqual(call('a'));
    expect(nextCall(call('a', '2026-12-04T10:00:00Z'), call('b'))).toEqual(call('b'));
  });

  it('the end of the call shown marks it ended; the end of another call changes nothing', () => {
    const ended = call('a', '2026-12-04T10:00:00Z');
    expect(nextCall(call('a'), ended)).toEqual(ended);
    // Dismissed before its ENDED came: it does not come back.
    expect(nextCall(null, ended)).toBeNull();
    expect(nextCall(call('b'), ended)).toEqual(call('b'));
  });

  it('links new contacts only to a call that has not ended', () => {
    expect(linkableCall(call('a'))).toEqual(call('a'));
    expect(linkableCall(call('a', '2026-12-04T10:00:00Z'))).toBeNull();
    expect(linkableCall(null)).toBeNull();
  });

  it('says the wait in minutes and seconds', () => {
    expect(strings.call.waited(strings.call.duration(130))).toBe('väntade 2 min 10 s');
    expect(strings.call.duration(120)).toBe('2 min');
    expect(strings.call.duration(45)).toBe('45 s');
    expect(strings.call.duration(0)).toBe('0 s');
  });
});

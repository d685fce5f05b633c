import { DEFAULT_TELEPHONY_SETTINGS } from '../telephony/telephony-settings';
import { parsePlatformCallbackRequest } from './callback-request';
import { isOpenAt } from './opening-hours';

const valid = { requestId: 'cb-1', number: '070-123 45 67', queue: 'kundtjanst', callAt: null };

describe('the platform’s callback request', () => {
  it('takes a Swedish number written nationally, in E.164, "as soon as possible" when callAt is absent', () => {
    const { callAt: _, ...withoutTime } = valid;
    expect(parsePlatformCallbackRequest(withoutTime, DEFAULT_TELEPHONY_SETTINGS)).toEqual({
      ok: true,
      request: {
        source: 'PLATFORM',
        externalId: 'cb-1',
        number: '+46701234567',
        queue: 'kundtjanst',
        callAt: null,
        partyId: null,
      },
    });
  });

  it.each([
    ['a foreign number', { number: '+1 202 555 0143' }, 'number'],
    ['no number at all', { number: 'ring mig' }, 'number'],
    ['a number too short', { number: '070-12' }, 'number'],
    ['an unknown queue', { queue: 'okand' }, 'queue'],
    ['a time without offset', { callAt: '2026-11-24 10:00' }, 'callAt'],
    ['a request id with a space', { requestId: 'a b' }, 'requestId'],
    ['a field it does not know', { colour: 'blue' }, '(body)'],
    ['a number with a NUL', { number: '0701234567\u0000' }, 'number'],
  ])('refuses %s naming the field', (_label, change, field) => {
    const parsed = parsePlatformCallbackRequest({ ...valid, ...change }, DEFAULT_TELEPHONY_SETTINGS);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ field, reason: 'BAD_INPUT' });
  });

  it('refuses what is not an object', () => {
    expect(parsePlatformCallbackRequest('garbage', DEFAULT_TELEPHONY_SETTINGS).ok).toBe(false);
    expect(parsePlatformCallbackRequest(null, DEFAULT_TELEPHONY_SETTINGS).ok).toBe(false);
  });
});

describe('callback opening hours', () => {
  const hours = { from: '08:00', to: '16:30' };
  it.each([
    ['a winter Tuesday at 08:00 Swedish time', '2026-11-24T07:00:00Z', true],
    ['a winter Tuesday at 07:59', '2026-11-24T06:59:00Z', false],
    ['a winter Tuesday at 16:29', '2026-11-24T15:29:00Z', true],
    ['a winter Tuesday at 16:30 (closed)', '2026-11-24T15:30:00Z', false],
    ['a summer Monday at 08:30 (CEST)', '2026-06-15T06:30:00Z', true],
    ['a summer Monday at 17:00 (CEST)', '2026-06-15T15:00:00Z', false],
    ['midsommarafton', '2026-06-19T08:00:00Z', false],
    ['nationaldagen', '2026-06-06T08:00:00Z', false],
    ['a Saturday', '2026-11-28T10:00:00Z', false],
  ])('%s: open %s', (_label, at, open) => {
    expect(isOpenAt(hours, new Date(at))).toBe(open);
  });
});

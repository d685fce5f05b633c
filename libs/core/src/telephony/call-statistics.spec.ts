import type { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import type { CallEventInput } from './call-event';
import { CallLog } from './call-log';
import { callFigures, callStatistics, type CallCounts, type QueueCallFigures } from './call-statistics';
import { DEFAULT_TELEPHONY_SETTINGS, type TelephonySettings } from './telephony-settings';

const SETTINGS: TelephonySettings = DEFAULT_TELEPHONY_SETTINGS; // vaxel 15 s, kundtjanst 300 s, short 5 s
const ZERO: CallCounts = {
  answered: 0,
  answeredWithin: 0,
  abandoned: 0,
  shortAbandoned: 0,
  waiting: 0,
  talkMsSum: 0,
  talkedCalls: 0,
};
const VAXEL = { key: 'vaxel', name: 'Växeln', answerWithinSeconds: 15, answeredWithinShareTarget: 0.9 };

describe('call service goals: the arithmetic', () => {
  it.each([
    [
      'no calls meet no goal',
      {},
      { offered: 0, within: 0, withinMet: false, abandonedMet: false, talk: null },
    ],
    [
      '9 of 10 within: exactly the 90 % target',
      { answered: 10, answeredWithin: 9 },
      { offered: 10, within: 0.9, withinMet: true, abandonedMet: true, talk: null },
    ],
    [
      '8 of 9 within and 1 abandoned: 80 %',
      { answered: 9, answeredWithin: 8, abandoned: 1 },
      { offered: 10, within: 0.8, withinMet: false, abandonedMet: true, talk: null },
    ],
    [
      '2 of 10 abandoned: over the 10 % ceiling',
      { answered: 8, answeredWithin: 8, abandoned: 2 },
      { offered: 10, within: 0.8, withinMet: false, abandonedMet: false, talk: null },
    ],
    [
      'short abandons are not offered',
      { answered: 9, answeredWithin: 9, shortAbandoned: 5 },
      { offered: 9, within: 1, withinMet: true, abandonedMet: true, talk: null },
    ],
    [
      'talk exactly 3 min meets the target',
      { answered: 2, answeredWithin: 2, talkMsSum: 360_000, talkedCalls: 2 },
      { offered: 2, within: 1, withinMet: true, abandonedMet: true, talk: 180 },
    ],
    [
      'talk 180.1 s on average does not',
      { answered: 1, answeredWithin: 1, talkMsSum: 180_100, talkedCalls: 1 },
      { offered: 1, within: 1, withinMet: true, abandonedMet: true, talk: 180.1 },
    ],
  ])('%s', (_label, counts, expected) => {
    const f = callFigures({ ...ZERO, ...counts }, VAXEL, SETTINGS, 'p');
    expect({
      offered: f.offered,
      within: f.answeredWithin.share,
      withinMet: f.answeredWithin.meetsTarget,
      abandonedMet: f.abandonedShare.meetsTarget,
      talk: f.averageTalkSeconds,
    }).toEqual(expected);
    if (expected.talk !== null) expect(f.talkTimeMeetsTarget).toBe(expected.talk <= 180);
  });
});

describe(`call service goals in SQL (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let log: CallLog;
  let n = 0;

  /** A call offered at `offered` (UTC) that is answered or abandoned after `waitMs`, talking `talkMs`. */
  async function call(
    queue: string,
    offered: string,
    waitMs: number,
    end: 'ANSWERED' | 'ABANDONED' | 'WAITING',
    talkMs = 120_000,
  ): Promise<void> {
    const id = `c${++n}`;
    const base: Omit<CallEventInput, 'event' | 'at'> = {
      callId: id,
      queue,
      from: '+46701234567',
      to: '+46920453000',
      agentId: null,
      ivrPersonalNumber: null,
    };
    const t0 = Date.parse(offered);
    await log.record({ ...base, event: 'OFFERED', at: new Date(t0) });
    if (end === 'WAITING') return;
    if (end === 'ABANDONED') {
      await log.record({ ...base, event: 'ABANDONED', at: new Date(t0 + waitMs) });
      return;
    }
    await log.record({ ...base, event: 'ANSWERED', at: new Date(t0 + waitMs), agentId: 'agent-1' });
    await log.record({ ...base, event: 'ENDED', at: new Date(t0 + waitMs + talkMs) });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, CORE_ENTITIES);
    log = new CallLog(dataSource);
    // Switchboard, 24 November: the 15 s threshold to the millisecond, short abandons at 5 s.
    await call('vaxel', '2026-11-24T08:00:00Z', 15_000, 'ANSWERED'); // exactly 15 s: within
    await call('vaxel', '2026-11-24T08:01:00Z', 15_001, 'ANSWERED'); // just over
    await call('vaxel', '2026-11-24T08:02:00Z', 3_000, 'ANSWERED');
    await call('vaxel', '2026-11-24T08:03:00Z', 5_000, 'ABANDONED'); // exactly 5 s: short, not counted
    await call('vaxel', '2026-11-24T08:04:00Z', 5_001, 'ABANDONED'); // counted
    await call('vaxel', '2026-11-24T08:05:00Z', 0, 'WAITING');
    // Customer service: 300 s exactly is within, 301 s is not.
    await call('kundtjanst', '2026-11-24T09:00:00Z', 300_000, 'ANSWERED', 240_000);
    await call('kundtjanst', '2026-11-24T09:10:00Z', 301_000, 'ANSWERED', 120_000);
    // Over midnight: offered 23:59:50 on the 24th (CET), answered on the 25th: the 24th's call.
    await call('vaxel', '2026-11-24T22:59:50Z', 14_000, 'ANSWERED');
    // Summer time begins 29 March 2026 at 02:00: offered 01:59:50 CET, answered 03:00:05 CEST is 15 s.
    await call('vaxel', '2026-03-29T00:59:50Z', 15_000, 'ANSWERED');
    // The hour 02:00–03:00 on 25 October 2026 happens twice; both calls are that day's.
    await call('vaxel', '2026-10-25T00:30:00Z', 10_000, 'ANSWERED');
    await call('vaxel', '2026-10-25T01:30:00Z', 10_000, 'ANSWERED');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const pick = (f: QueueCallFigures) => ({
    queue: f.queueKey,
    period: f.period,
    offered: f.offered,
    answered: f.answered,
    within: f.answeredWithin.share,
    abandoned: f.abandoned,
    short: f.shortAbandoned,
    waiting: f.waiting,
    talk: f.averageTalkSeconds,
  });

  it('counts 24 November per queue: thresholds to the millisecond, short abandons left out, the call over midnight in', async () => {
    const figures = await callStatistics(dataSource, '2026-11-24', '2026-11-24', SETTINGS);
    expect(figures.map(pick)).toEqual([
      // vaxel: answered 15.000, 15.001, 3, 14 (over midnight) = 4, within 3; abandoned 1 (5.001 s), short 1
      {
        queue: 'vaxel',
        period: '2026-11-24–2026-11-24',
        offered: 5,
        answered: 4,
        within: 0.6,
        abandoned: 1,
        short: 1,
        waiting: 1,
        talk: 120,
      },
      {
        queue: 'kundtjanst',
        period: '2026-11-24–2026-11-24',
        offered: 2,
        answered: 2,
        within: 0.5,
        abandoned: 0,
        short: 0,
        waiting: 0,
        talk: 180,
      },
    ]);
  });

  it('puts the call over midnight on the day it was offered', async () => {
    const days = await callStatistics(dataSource, '2026-11-24', '2026-11-25', SETTINGS, 'DAY');
    expect(days.map((f) => [f.queueKey, f.period, f.offered])).toEqual([
      ['vaxel', '2026-11-24', 5],
      ['kundtjanst', '2026-11-24', 2],
    ]);
  });

  it('measures the wait across the change to summer time in real seconds, and counts the doubled hour once each', async () => {
    const march = await callStatistics(dataSource, '2026-03-29', '2026-03-29', SETTINGS, 'DAY');
    expect(march.map(pick)).toEqual([
      {
        queue: 'vaxel',
        period: '2026-03-29',
        offered: 1,
        answered: 1,
        within: 1,
        abandoned: 0,
        short: 0,
        waiting: 0,
        talk: 120,
      },
    ]);
    const october = await callStatistics(dataSource, '2026-10-25', '2026-10-25', SETTINGS, 'DAY');
    expect(october.map((f) => [f.period, f.offered, f.answeredWithin.share])).toEqual([['2026-10-25', 2, 1]]);
  });

  it('splits by ISO week and month, and shows a queue with no calls in the period', async () => {
    const weeks = await callStatistics(dataSource, '2026-01-01', '2026-12-31', SETTINGS, 'WEEK');
    expect(weeks.map((f) => [f.queueKey, f.period, f.offered])).toEqual([
      ['vaxel', '2026-W13', 1],
      ['vaxel', '2026-W43', 2],
      ['vaxel', '2026-W48', 5],
      ['kundtjanst', '2026-W48', 2],
    ]);
    const months = await callStatistics(dataSource, '2026-01-01', '2026-12-31', SETTINGS, 'MONTH');
    expect(months.map((f) => [f.queueKey, f.period, f.offered])).toEqual([
      ['vaxel', '2026-03', 1],
      ['vaxel', '2026-10', 2],
      ['vaxel', '2026-11', 5],
      ['kundtjanst', '2026-11', 2],
    ]);
    const quiet = await callStatistics(dataSource, '2026-03-29', '2026-03-29', SETTINGS);
    expect(quiet.map((f) => [f.queueKey, f.offered, f.answeredWithin.meetsTarget])).toEqual([
      ['vaxel', 1, true],
      ['kundtjanst', 0, false],
    ]);
  });
});

import { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { applyCaseSetup } from '../cases/case-setup';
import { createCaseChain } from '../case-chain';
import type { CaseWriter } from '../cases/case-write-rules';
import { ContactChannel } from '../cases/case-vocabulary';
import { CORE_ENTITIES } from '../index';
import { fakturorSetup } from '../testing/case-setup-fixture';
import { serviceStatistics, statisticsCsv } from './service-statistics';

describe('service statistics', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-11-20T09:00:00Z'); // Friday 20 November
  const clock = () => new Date(now);
  // Every step of every case, in any group: an admin may take them all (decideCaseWrite).
  const agent: CaseWriter = { subject: 'agent-1', role: 'admin', answerGroupKeys: [] };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(
      dataSource,
      fakturorSetup({
        categories: [
          { key: 'barnomsorgsplats', name: 'Barnomsorgsplats', slaWorkingDays: 3, confidential: false },
        ],
      }),
    );
    const cases = createCaseChain(dataSource, new SqlJobQueue(dataSource, { now: clock }), clock);
    const contact = (channel: ContactChannel, categoryKey: string, resolved: boolean) =>
      cases.registerContact(
        {
          channel,
          categoryKey,
          summary: 's',
          resolvedAtFirstLine: resolved,
          resolution: resolved ? 'svar' : undefined,
        },
        agent,
      );

    const unanswered = await contact(ContactChannel.E_SERVICE, 'fakturor', false);
    await cases.forwardCase(unanswered.id, 'ekonomi', 'x', agent);
    now = Date.parse('2026-11-23T09:00:00Z'); // Monday
    await contact(ContactChannel.PHONE, 'barnomsorgsplats', true);
    await contact(ContactChannel.PHONE, 'barnomsorgsplats', true);
    await contact(ContactChannel.EMAIL, 'fakturor', true);
    const answered = await contact(ContactChannel.PHONE, 'fakturor', false);
    await cases.forwardCase(answered.id, 'ekonomi', 'x', agent);
    now = Date.parse('2026-11-24T13:00:00Z'); // next working day
    await cases.replyToCitizen(answered.id, 'Ringde upp', agent);
    now = Date.parse('2026-12-01T09:00:00Z'); // outside the period
    await contact(ContactChannel.VISIT, 'fakturor', true);
    now = Date.parse('2026-11-26T09:00:00Z');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('computes contacts per channel, the category ranking, the goals and open/overdue per group', async () => {
    const stats = await serviceStatistics(dataSource, '2026-11-01', '2026-11-30', undefined, clock());
    expect(stats).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      contacts: 5,
      byChannel: [
        { channel: 'PHONE', count: 3 },
        { channel: 'EMAIL', count: 1 },
        { channel: 'E_SERVICE', count: 1 },
      ],
      categoryRanking: [
        { categoryKey: 'fakturor', name: 'Fakturor', count: 3, share: 0.6 },
        { categoryKey: 'barnomsorgsplats', name: 'Barnomsorgsplats', count: 2, share: 0.4 },
      ],
      resolvedAtFirstLine: { share: 0.6, target: 0.7, meetsTarget: false, basis: 5, pending: 0 },
      answeredInTime: { share: 0.5, target: 0.9, meetsTarget: false, basis: 2, pending: 0 },
      byAnswerGroup: [{ answerGroupKey: 'ekonomi', name: 'Svarsgrupp fakturor', open: 2, overdue: 1 }],
      writtenAnswers: [
        {
          channel: 'EMAIL',
          withinWorkingDays: 2,
          answeredInTime: { share: 1, target: 0.9, meetsTarget: true, basis: 1, pending: 0 },
          answeredWithinOneDay: { share: 1, basis: 1, pending: 0 },
        },
        {
          // Forwarded on the Friday and never answered: four working days on, decided late.
          channel: 'E_SERVICE',
          withinWorkingDays: 2,
          answeredInTime: { share: 0, target: 0.9, meetsTarget: false, basis: 1, pending: 0 },
          answeredWithinOneDay: { share: 0, basis: 1, pending: 0 },
        },
      ],
    });
  });

  it('counts a day at both ends of the period, in Swedish time', async () => {
    expect((await serviceStatistics(dataSource, '2026-11-23', '2026-11-23')).contacts).toBe(4);
    expect((await serviceStatistics(dataSource, '2026-11-21', '2026-11-22')).contacts).toBe(0);
  });

  it('gives the figures as CSV for spreadsheets', async () => {
    const csv = statisticsCsv(
      await serviceStatistics(dataSource, '2026-11-01', '2026-11-30', undefined, clock()),
    );
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([
        'Avsnitt;Nyckel;Namn;Antal;Andel %;Mål %;Uppfyllt',
        'Mål;resolved-at-first-line;Lösta i första linjen;5;60,0;70,0;nej',
        'Kategori;fakturor;Fakturor;3;60,0;;',
        'Svarsgrupp;ekonomi;Svarsgrupp fakturor;2;;;försenade: 1',
      ]),
    );
  });
});

/**
 * "Besvarade i tid" counts only what is decided (issue 23): answered within the goal's two
 * working days ÷ (answered + still open past them); a case still open within them, or waiting
 * for the citizen, is neither in time nor late: `pending` beside the share.
 */
describe('answered in time, counting only what is decided', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-11-02T08:00:00Z'); // Monday 2 November, 09:00 in Stockholm
  const clock = () => new Date(now);
  const at = (iso: string) => (now = Date.parse(iso));
  const admin: CaseWriter = { subject: 'admin-1', role: 'admin', answerGroupKeys: [] };
  let cases: ReturnType<typeof createCaseChain>;
  const forwarded = async () => {
    const c = await cases.registerContact(
      { channel: ContactChannel.PHONE, categoryKey: 'fakturor', summary: 's', resolvedAtFirstLine: false },
      admin,
    );
    return cases.forwardCase(c.id, 'ekonomi', 'x', admin);
  };
  const answeredInTime = async () =>
    (await serviceStatistics(dataSource, '2026-11-01', '2026-11-30', undefined, clock())).answeredInTime;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, fakturorSetup());
    cases = createCaseChain(dataSource, new SqlJobQueue(dataSource, { now: clock }), clock);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leaves open cases not yet due and parked ones out, and counts the answered late and the open late', async () => {
    const inTime = await forwarded();
    const answeredLate = await forwarded();
    const openLate = await forwarded();
    const parked = await forwarded();
    await cases.replyToCitizen(inTime.id, 'Ringde upp', admin);
    at('2026-11-03T09:00:00Z');
    await cases.parkCase(parked.id, '2026-11-30', 'Väntar på intyg', admin);
    at('2026-11-06T09:00:00Z'); // Friday: four working days after the forward
    await cases.replyToCitizen(answeredLate.id, 'Ringde upp', admin);
    at('2026-11-09T09:00:00Z'); // Monday
    const openInTime = await forwarded();
    at('2026-11-11T09:00:00Z'); // Wednesday: two working days after Monday's forward, not past them

    expect(await answeredInTime()).toEqual({
      share: 0.333, // the one in time, of the answered two and the one still open past its days
      target: 0.9,
      meetsTarget: false,
      basis: 3,
      pending: 2, // Monday's, not yet due, and the parked one
    });
    expect([inTime, answeredLate, openLate, parked, openInTime].map((c) => c.id)).toHaveLength(5);
  });

  it('moves nothing but the pending count when a new case is forwarded', async () => {
    const before = await answeredInTime();
    await forwarded();
    expect(await answeredInTime()).toEqual({ ...before, pending: before.pending + 1 });
  });

  it('decides an open case the day after its last working day, and shows it in the CSV and beside the share', async () => {
    at('2026-11-12T09:00:00Z'); // Thursday: Monday's forward is now three working days old
    const figure = await answeredInTime();
    expect(figure).toMatchObject({ basis: 4, pending: 2 });
    const csv = statisticsCsv(
      await serviceStatistics(dataSource, '2026-11-01', '2026-11-30', undefined, clock()),
    );
    expect(csv).toContain('Mål;answered-in-time;Besvarade i tid;4;25,0;90,0;nej');
    expect(csv).toContain('Mål;answered-in-time-pending;Besvarade i tid: pågående, ännu inte avgjorda;2;;;');
  });
});

/**
 * Servicemål 4 per written channel (decision 0080): a question by e-mail or e-service answered
 * within two working days of arriving, and KKiK's share within one; only decided questions count.
 */
describe('servicemål 4: written questions answered within two working days, and within one', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-12-04T09:00:00Z'); // Friday 4 December
  const clock = () => new Date(now);
  const at = (iso: string) => (now = Date.parse(iso));
  const admin: CaseWriter = { subject: 'admin-1', role: 'admin', answerGroupKeys: [] };
  let cases: ReturnType<typeof createCaseChain>;
  const mail = () =>
    cases.registerContact(
      { channel: ContactChannel.EMAIL, categoryKey: 'fakturor', summary: 's', resolvedAtFirstLine: false },
      admin,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, fakturorSetup());
    cases = createCaseChain(dataSource, new SqlJobQueue(dataSource, { now: clock }), clock);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts answered questions by their working days, open ones only once past the days, and parked ones not at all', async () => {
    const [oneDay, twoDays, threeDays, neverAnswered] = [
      await mail(),
      await mail(),
      await mail(),
      await mail(),
    ];
    at('2026-12-07T09:00:00Z'); // Monday
    await cases.replyToCitizen(oneDay.id, 'Svar', admin);
    const parked = await mail();
    await cases.forwardCase(parked.id, 'ekonomi', 'x', admin);
    await cases.parkCase(parked.id, '2026-12-20', 'Väntar', admin);
    at('2026-12-08T09:00:00Z'); // Tuesday
    await cases.replyToCitizen(twoDays.id, 'Svar', admin);
    await mail(); // open, two working days old on Thursday: pending for two days, late for one
    at('2026-12-09T09:00:00Z'); // Wednesday
    await cases.replyToCitizen(threeDays.id, 'Svar', admin);
    await mail(); // open, one working day old on Thursday: pending for both
    at('2026-12-10T09:00:00Z'); // Thursday

    const stats = await serviceStatistics(dataSource, '2026-12-01', '2026-12-31', undefined, clock());
    expect(stats.writtenAnswers).toEqual([
      {
        channel: 'EMAIL',
        withinWorkingDays: 2,
        // In time: Monday's and Tuesday's answers, of those four plus the Friday one never answered.
        answeredInTime: { share: 0.5, target: 0.9, meetsTarget: false, basis: 4, pending: 3 },
        answeredWithinOneDay: { share: 0.2, basis: 5, pending: 2 },
      },
      {
        channel: 'E_SERVICE',
        withinWorkingDays: 2,
        answeredInTime: { share: 0, target: 0.9, meetsTarget: false, basis: 0, pending: 0 },
        answeredWithinOneDay: { share: 0, basis: 0, pending: 0 },
      },
    ]);
    expect(neverAnswered.id).toBeTruthy();
    const csv = statisticsCsv(stats);
    expect(csv).toContain('Mål;answered-in-time:EMAIL;Besvarade inom 2 arbetsdagar: e-post;4;50,0;90,0;nej');
    expect(csv).toContain(
      'Mått;answered-within-one-day:EMAIL;Besvarade inom 1 arbetsdag (KKiK): e-post;5;20,0;;',
    );
    expect(csv).toContain(
      'Mål;answered-in-time:E_SERVICE;Besvarade inom 2 arbetsdagar: e-tjänst;0;0,0;90,0;',
    );
  });
});

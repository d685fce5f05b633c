import type { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import {
  applyCaseSetup,
  CORE_ENTITIES,
  ContactChannel,
  ContactReason,
  createCaseChain,
  type CaseService,
  type CaseWriter,
} from '../index';
import { CallCase, CallContact } from '../telephony/call.entities';
import { avoidableContactsReport, monthlyCoverage } from './contact-coverage';
import { rollUpStatistics } from './statistics-rollup';
import { StatisticsDaily } from './statistics-rollup.entities';

/**
 * Coverage and avoidable contacts (decision 0086) on a small fixed data set with known answers,
 * read from the cases (no roll-up yet) and from the roll-up: both must give the same figures.
 */
const ANSWERED_BY = new Map([
  ['barnomsorgsplats', 'childcare-queue'],
  ['fakturor', 'invoicing'],
]);
const agent: CaseWriter = { subject: 'agent-1', role: 'admin', answerGroupKeys: [] };
const { STATUS_QUESTION, WANTS_TO_APPLY, DOES_NOT_UNDERSTAND_LETTER, COMPLAINT } = ContactReason;

describe(`coverage and avoidable contacts per month (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let cases: CaseService;
  const clock = { now: 0 };

  async function call(callId: string, talkMs: number): Promise<void> {
    const at = new Date(clock.now);
    await dataSource.getRepository(CallContact).insert({
      callId,
      queue: 'vaxel',
      fromNumber: null,
      toNumber: '+46910735000',
      ivrPersonalNumber: null,
      agentId: 'agent-1',
      outcome: 'ANSWERED',
      offeredAt: at,
      answeredAt: at,
      endedAt: at,
      waitMs: 0,
      talkMs,
      offeredDay: '2025-12-01',
      offeredWeek: '2025-W49',
      offeredMonth: '2025-12',
      updatedAt: at,
    });
  }

  async function contact(
    at: string,
    categoryKey: string,
    contactReason: ContactReason | undefined,
    outcome: 'resolved' | 'forwarded' | 'open',
    callId?: string,
  ): Promise<void> {
    clock.now = Date.parse(at);
    const c = await cases.registerContact(
      {
        channel: ContactChannel.PHONE,
        categoryKey,
        summary: 's',
        resolvedAtFirstLine: outcome === 'resolved',
        resolution: outcome === 'resolved' ? 'svar' : undefined,
        contactReason,
      },
      agent,
    );
    if (callId)
      await dataSource
        .getRepository(CallCase)
        .insert({ callId, caseId: c.id, linkedAt: new Date(clock.now) });
    if (outcome === 'forwarded') await cases.forwardCase(c.id, 'ekonomi', 'x', agent);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    const now = () => new Date(clock.now);
    await applyCaseSetup(dataSource, {
      categories: ['barnomsorgsplats', 'fakturor', 'parkering'].map((key) => ({
        key,
        name: `Kategori ${key}`,
        slaWorkingDays: 3,
        confidential: false,
      })),
      answerGroups: [
        {
          key: 'ekonomi',
          name: 'Ekonomi',
          department: 'ekonomi',
          notificationEmail: 'ekonomi@exempelstad.se',
          manager: { subject: 'm', name: 'M', email: 'm@exempelstad.se' },
          members: [],
        },
      ],
    });
    cases = createCaseChain(dataSource, new SqlJobQueue(dataSource, { now }), now);
    // November: five status questions on childcare, one on invoices, none by phone.
    for (let i = 0; i < 5; i++)
      await contact(`2025-11-1${i}T09:00:00Z`, 'barnomsorgsplats', STATUS_QUESTION, 'resolved');
    await contact('2025-11-20T09:00:00Z', 'fakturor', STATUS_QUESTION, 'resolved');
    // December.
    clock.now = Date.parse('2025-12-02T08:00:00Z');
    await call('A', 120_000);
    await call('B', 240_000); // two cases on one call: 2 minutes each
    await call('C', 600_000);
    await call('D', 300_000);
    await contact('2025-12-02T09:00:00Z', 'barnomsorgsplats', STATUS_QUESTION, 'resolved', 'A');
    await contact('2025-12-03T09:00:00Z', 'barnomsorgsplats', STATUS_QUESTION, 'resolved', 'B');
    await contact('2025-12-03T09:05:00Z', 'barnomsorgsplats', WANTS_TO_APPLY, 'forwarded', 'B');
    // Open at the first line, not forwarded: a contact, not yet decided.
    await contact('2025-12-04T09:00:00Z', 'barnomsorgsplats', STATUS_QUESTION, 'open');
    await contact('2025-12-05T09:00:00Z', 'fakturor', DOES_NOT_UNDERSTAND_LETTER, 'resolved');
    await contact('2025-12-08T09:00:00Z', 'fakturor', STATUS_QUESTION, 'resolved', 'C');
    await contact('2025-12-09T09:00:00Z', 'fakturor', STATUS_QUESTION, 'resolved', 'D');
    await contact('2025-12-10T09:00:00Z', 'fakturor', STATUS_QUESTION, 'forwarded');
    // Parking has no department system: its status question is not avoidable here.
    await contact('2025-12-11T09:00:00Z', 'parkering', STATUS_QUESTION, 'resolved');
    await contact('2025-12-12T09:00:00Z', 'parkering', COMPLAINT, 'forwarded');
    await contact('2025-12-31T22:30:00Z', 'parkering', undefined, 'resolved'); // 23:30 in Stockholm: December
    clock.now = Date.parse('2026-01-10T10:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const expectedCoverage = {
    month: '2025-12',
    contacts: 11,
    answeredContacts: 8,
    answeredShare: 0.727,
    answered: { contacts: 8, resolved: 5, decided: 7, share: 0.714 },
    others: { contacts: 3, resolved: 2, decided: 3, share: 0.667 },
  };
  const expectedReport = {
    month: '2025-12',
    previousMonth: '2025-11',
    rows: [
      {
        answeredBy: 'invoicing',
        categoryKey: 'fakturor',
        categoryName: 'Kategori fakturor',
        contacts: 3,
        agentMinutes: 15,
        withoutCall: 1,
        previousContacts: 1,
        previousAgentMinutes: 0,
      },
      {
        answeredBy: 'childcare-queue',
        categoryKey: 'barnomsorgsplats',
        categoryName: 'Kategori barnomsorgsplats',
        contacts: 3,
        agentMinutes: 4,
        withoutCall: 1,
        previousContacts: 5,
        previousAgentMinutes: 0,
      },
    ],
    totalContacts: 6,
    totalAgentMinutes: 19,
    previousTotalContacts: 6,
    previousTotalAgentMinutes: 0,
  };

  it('counts the month from the cases before any roll-up', async () => {
    expect(await dataSource.getRepository(StatisticsDaily).count()).toBe(0);
    expect(await monthlyCoverage(dataSource, '2025-12', ANSWERED_BY)).toEqual(expectedCoverage);
    expect(await avoidableContactsReport(dataSource, '2025-12', ANSWERED_BY)).toEqual(expectedReport);
  });

  it('reads the same figures from the daily roll-up, which keeps category × reason per day', async () => {
    await rollUpStatistics(dataSource, new Date(clock.now));
    const rows = await dataSource.getRepository(StatisticsDaily).findBy({ dimension: 'CONTACT' });
    expect(rows.reduce((n, r) => n + r.contacts, 0)).toBe(17);
    // The month's cases are not read again: the report is the roll-up's.
    await dataSource.query('UPDATE service_case SET contact_reason = NULL');
    expect(await monthlyCoverage(dataSource, '2025-12', ANSWERED_BY)).toEqual(expectedCoverage);
    expect(await avoidableContactsReport(dataSource, '2025-12', ANSWERED_BY)).toEqual(expectedReport);
  });

  it('counts nothing as covered or avoidable without answeredBy, and a month without contacts as empty', async () => {
    const none = await monthlyCoverage(dataSource, '2025-12', new Map());
    expect(none.answeredContacts).toBe(0);
    expect(none.others.contacts).toBe(11);
    expect((await avoidableContactsReport(dataSource, '2025-12', new Map())).rows).toEqual([]);
    expect(await monthlyCoverage(dataSource, '2026-03', ANSWERED_BY)).toMatchObject({
      contacts: 0,
      answeredShare: null,
      answered: { share: null },
    });
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(monthlyCoverage(dataSource, '2025-13', ANSWERED_BY)).rejects.toThrow(/not a month/);
  });
});

import { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { applyCaseSetup } from '../cases/case-setup';
import { createCaseChain } from '../case-chain';
import type { CaseWriter } from '../cases/case-write-rules';
import { ContactChannel } from '../cases/case-vocabulary';
import { CORE_ENTITIES } from '../index';
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
    await applyCaseSetup(dataSource, {
      categories: [
        { key: 'barnomsorgsplats', name: 'Barnomsorgsplats', slaWorkingDays: 3, confidential: false },
        { key: 'fakturor', name: 'Fakturor', slaWorkingDays: 3, confidential: false },
      ],
      answerGroups: [
        {
          key: 'ekonomi',
          name: 'Svarsgrupp fakturor',
          department: 'Ekonomi',
          notificationEmail: 'f@exempelstad.se',
          manager: { subject: 'm', name: 'M', email: 'm@exempelstad.se' },
          members: [],
        },
      ],
    });
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
      resolvedAtFirstLine: { share: 0.6, target: 0.7, meetsTarget: false, basis: 5 },
      answeredInTime: { share: 0.5, target: 0.9, meetsTarget: false, basis: 2 },
      byAnswerGroup: [{ answerGroupKey: 'ekonomi', name: 'Svarsgrupp fakturor', open: 2, overdue: 1 }],
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

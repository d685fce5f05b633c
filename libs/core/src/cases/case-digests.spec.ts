import { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { Mailer } from '../mail/mailer';
import { fakturorSetup } from '../testing/case-setup-fixture';
import { startTestSmtpServer } from '../testing/test-smtp-server';
import { DEFAULT_SERVICE_TARGETS } from '../statistics/service-statistics';
import { CaseDigests, nextMonthlyStatistics, nextWeeklyDigest } from './case-digests';
import { applyCaseSetup } from './case-setup';
import { createCaseChain } from '../case-chain';
import type { CaseWriter } from './case-write-rules';
import { ContactChannel } from './case-vocabulary';

const firstLine: CaseWriter = { subject: 'a', role: 'agent', answerGroupKeys: [] };

describe('digest schedule', () => {
  it.each([
    ['2026-11-24T10:00:00Z', '2026-11-30T06:00:00.000Z'], // Tuesday -> next Monday 07:00 (UTC+1)
    ['2026-11-30T05:59:00Z', '2026-11-30T06:00:00.000Z'], // Monday before 07:00 -> the same morning
    ['2026-11-30T06:00:00Z', '2026-12-07T06:00:00.000Z'],
    ['2026-03-27T12:00:00Z', '2026-03-30T05:00:00.000Z'], // across the switch to summer time (UTC+2)
  ])('weekly after %s: %s', (now, next) => {
    expect(nextWeeklyDigest(new Date(now)).toISOString()).toBe(next);
  });

  it.each([
    ['2026-11-24T10:00:00Z', '2026-12-01T06:00:00.000Z'],
    ['2026-12-15T10:00:00Z', '2027-01-01T06:00:00.000Z'],
    ['2026-06-10T10:00:00Z', '2026-07-01T05:00:00.000Z'],
  ])('monthly after %s: %s', (now, next) => {
    expect(nextMonthlyStatistics(new Date(now)).toISOString()).toBe(next);
  });
});

describe('weekly overdue digest and monthly statistics, on the job queue', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let mailer: Mailer;
  let now = Date.parse('2026-11-16T09:00:00Z'); // Monday 16 November
  const clock = () => new Date(now);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(
      dataSource,
      fakturorSetup({
        group: {
          notificationEmail: 'fakturor@exempelstad.se',
          manager: { subject: 'm', name: 'Ola Chef', email: 'ola.chef@exempelstad.se' },
        },
      }),
    );
    smtp = await startTestSmtpServer();
    mailer = new Mailer({ smtpUrl: smtp.url, from: 'noreply@exempelstad.se' });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('mails each group its overdue cases on Monday morning, and schedules the next Monday', async () => {
    const queue = new SqlJobQueue(dataSource, { now: clock });
    const digests = new CaseDigests(dataSource, mailer, DEFAULT_SERVICE_TARGETS, clock);
    digests.register(queue);
    const cases = createCaseChain(dataSource, queue, clock);
    const late = await cases.registerContact(
      {
        channel: ContactChannel.PHONE,
        categoryKey: 'fakturor',
        summary: 'Hemlig detalj',
        resolvedAtFirstLine: false,
      },
      firstLine,
    );
    await cases.forwardCase(late.id, 'ekonomi', 'x', firstLine);
    await digests.schedule(queue);
    await digests.schedule(queue); // idempotent

    now = Date.parse('2026-11-23T06:00:01Z'); // the next Monday, just after 07:00 in Stockholm
    await queue.runDueJobs();
    const digest = smtp.received.find((m) => m.raw.includes('rsenade'));
    expect(digest?.to.sort()).toEqual(['fakturor@exempelstad.se', 'ola.chef@exempelstad.se']);
    expect(digest?.raw).toContain(late.reference);
    expect(digest?.raw).not.toContain('Hemlig');
    const waiting = await queue.waiting();
    expect(
      waiting.filter((j) => j.name === 'case.weekly-overdue-digest').map((j) => j.runAt.toISOString()),
    ).toEqual(['2026-11-30T06:00:00.000Z']);
  });

  it('mails the managers last month’s figures on the 1st', async () => {
    const queue = new SqlJobQueue(dataSource, { now: clock });
    new CaseDigests(dataSource, mailer, DEFAULT_SERVICE_TARGETS, clock).register(queue);
    now = Date.parse('2026-12-01T06:00:01Z');
    await queue.runDueJobs();
    const report = smtp.received.find(
      (m) =>
        m.raw.includes('2026-11') && m.to.includes('ola.chef@exempelstad.se') && m.raw.includes('Kontakter'),
    );
    expect(report).toBeDefined();
    expect(report!.raw).toContain('Kontakter: 1');
  });
});

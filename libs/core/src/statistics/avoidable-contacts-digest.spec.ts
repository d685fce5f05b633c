import type { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import type { MailMessage } from '../mail/mailer';
import { fakturorSetup } from '../testing/case-setup-fixture';
import { applyCaseSetup } from '../cases/case-setup';
import { createCaseChain } from '../case-chain';
import { ContactChannel } from '../cases/case-vocabulary';
import { ContactReason } from '../cases/contact-reason';
import {
  AVOIDABLE_CONTACTS_JOB,
  AvoidableContactsDigest,
  firstWorkingDayOfMonth,
  nextAvoidableContactsMail,
} from './avoidable-contacts-digest';

describe('the avoidable-contacts mail’s day', () => {
  it.each([
    ['2026-12-15', '2026-12-01'], // a Tuesday
    ['2027-01-20', '2027-01-04'], // nyårsdagen a Friday, then the weekend
    ['2026-08-10', '2026-08-03'], // the 1st a Saturday
    ['2026-11-30', '2026-11-02'], // the 1st a Sunday
  ])('in the month of %s: %s', (date, first) => {
    expect(firstWorkingDayOfMonth(date)).toBe(first);
  });

  it.each([
    ['2026-11-24T10:00:00Z', '2026-12-01T06:00:00.000Z'],
    ['2026-12-20T10:00:00Z', '2027-01-04T06:00:00.000Z'],
    ['2027-01-04T05:59:00Z', '2027-01-04T06:00:00.000Z'],
    ['2027-01-04T06:00:00Z', '2027-02-01T06:00:00.000Z'],
    ['2026-07-15T10:00:00Z', '2026-08-03T05:00:00.000Z'], // summer time
  ])('next after %s: %s', (now, next) => {
    expect(nextAvoidableContactsMail(new Date(now)).toISOString()).toBe(next);
  });
});

describe('the avoidable-contacts mail on the job queue', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-12-10T09:00:00Z');
  const clock = () => new Date(now);
  const sent: MailMessage[] = [];
  const mailer = { send: async (m: MailMessage) => void sent.push(m) };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(
      dataSource,
      fakturorSetup({
        group: { manager: { subject: 'm', name: 'Ola Chef', email: 'ola.chef@exempelstad.se' } },
      }),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('mails the managers December’s report once, on the first working day of January', async () => {
    const queue = new SqlJobQueue(dataSource, { now: clock });
    const digest = new AvoidableContactsDigest(
      dataSource,
      mailer,
      new Map([['fakturor', 'invoicing']]),
      clock,
    );
    digest.register(queue);
    const cases = createCaseChain(dataSource, queue, clock);
    for (const reason of [
      ContactReason.STATUS_QUESTION,
      ContactReason.STATUS_QUESTION,
      ContactReason.COMPLAINT,
    ])
      await cases.registerContact(
        {
          channel: ContactChannel.PHONE,
          categoryKey: 'fakturor',
          summary: 'Hemlig detalj',
          resolvedAtFirstLine: true,
          resolution: 'svar',
          contactReason: reason,
        },
        { subject: 'a', role: 'agent', answerGroupKeys: [] },
      );
    now = Date.parse('2026-12-20T10:00:00Z');
    await digest.schedule(queue);
    await digest.schedule(queue); // idempotent

    now = Date.parse('2027-01-01T06:00:01Z'); // nyårsdagen: not a working day
    await queue.runDueJobs();
    expect(sent).toEqual([]);

    now = Date.parse('2027-01-04T06:00:01Z');
    await queue.runDueJobs();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(['ola.chef@exempelstad.se']);
    expect(sent[0].subject).toBe('Undvikbara kontakter 2026-12');
    expect(sent[0].text).toContain('1. Fakturor (invoicing): 2 kontakter, 0 min, varav 2 utan samtal');
    expect(sent[0].text).not.toContain('Hemlig');

    // A re-run of the same month (a retry, a second worker) sends nothing more.
    await digest.sendForLastMonth();
    expect(sent).toHaveLength(1);
    const waiting = (await queue.waiting()).filter((j) => j.name === AVOIDABLE_CONTACTS_JOB);
    expect(waiting.map((j) => j.runAt.toISOString())).toEqual(['2027-02-01T06:00:00.000Z']);
  });
});

import { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { Mailer } from '../mail/mailer';
import { startTestSmtpServer, type ReceivedMail } from '../testing/test-smtp-server';
import { CaseNotifications } from './case-notifications';
import { applyCaseSetup } from './case-setup';
import { createCaseChain } from '../case-chain';
import type { CaseService } from './case.service';
import type { CaseWriter } from './case-write-rules';
import { CaseEventType, CaseStatus, ContactChannel } from './case-vocabulary';
import { serviceStatistics } from '../statistics/service-statistics';

const agent: CaseWriter = { subject: 'agent-alva', name: 'Alva Agent', role: 'agent', answerGroupKeys: [] };
const officer: CaseWriter = {
  subject: 'officer-karin',
  name: 'Karin Lund',
  role: 'case_officer',
  answerGroupKeys: [],
};

describe(`the case chain on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} with the SQL job queue and real SMTP`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let mailer: Mailer;
  // Wednesday 1 April 2026, 10:00 in Stockholm: Easter is ahead.
  let now = Date.parse('2026-04-01T08:00:00Z');
  const clock = () => new Date(now);
  const worker = () => {
    const queue = new SqlJobQueue(dataSource, { now: clock, pollMs: 60_000 });
    new CaseNotifications(dataSource, mailer, clock).register(queue);
    createCaseChain(dataSource, queue, clock).registerWakeUps(queue);
    return queue;
  };
  let queue: SqlJobQueue;
  let cases: CaseService;
  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, {
      categories: [
        { key: 'barnomsorg', name: 'Barnomsorgsplats', slaWorkingDays: 3, confidential: false },
        { key: 'forsorjningsstod', name: 'Försörjningsstöd', slaWorkingDays: 3, confidential: true },
      ],
      answerGroups: [
        {
          key: 'forskola',
          name: 'Svarsgrupp förskola',
          department: 'Förskola',
          notificationEmail: 'forskola@exempelstad.se',
          manager: { subject: 'chef-eva', name: 'Eva Chef', email: 'eva.chef@exempelstad.se' },
          members: [{ subject: 'officer-karin', name: 'Karin Lund', email: 'karin.lund@exempelstad.se' }],
        },
      ],
    });
    smtp = await startTestSmtpServer();
    mailer = new Mailer({ smtpUrl: smtp.url, from: 'Frontdoor <noreply@exempelstad.se>' });
    queue = worker();
    cases = createCaseChain(dataSource, queue, clock);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const forwarded = async (summary: string, category = 'barnomsorg') => {
    const registered = await cases.registerContact(
      {
        channel: ContactChannel.PHONE,
        categoryKey: category,
        personalNumber: '199001012385',
        summary,
        resolvedAtFirstLine: false,
      },
      agent,
    );
    return cases.forwardCase(registered.id, 'forskola', 'Vill veta när hon får plats', agent);
  };

  it('closes a contact resolved at the first line in the same call, with its answer', async () => {
    const resolved = await cases.registerContact(
      {
        channel: ContactChannel.PHONE,
        categoryKey: 'barnomsorg',
        personalNumber: '199001012385',
        summary: 'Frågade om köplats',
        resolvedAtFirstLine: true,
        resolution: 'Plats 14 i kön',
      },
      agent,
    );
    expect(resolved).toMatchObject({
      status: CaseStatus.CLOSED,
      resolvedAtFirstLine: true,
      resolution: 'Plats 14 i kön',
    });
    expect(resolved.reference).toMatch(/^FD-2026-[2-9A-HJKMNP-Z]{6}$/);
    expect((await cases.events(resolved.id)).map((e) => e.type)).toEqual([
      CaseEventType.REGISTERED,
      CaseEventType.RESOLVED_AT_FIRST_LINE,
    ]);
  });

  it.each([
    [{ categoryKey: 'okand', resolvedAtFirstLine: false }, 'UNKNOWN_CATEGORY'],
    [{ categoryKey: 'barnomsorg', resolvedAtFirstLine: true }, 'RESOLUTION_REQUIRED'],
  ])('refuses %p with %s and writes nothing', async (input, reason) => {
    const before = await dataSource.query('SELECT COUNT(*) AS n FROM service_case');
    await expect(
      cases.registerContact({ channel: ContactChannel.EMAIL, summary: 'x', ...input }, agent),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM service_case')).toEqual(before);
  });

  it('forwards to an answer group with a due time 3 working days later (over Easter), and mails the group', async () => {
    const serviceCase = await forwarded('Undrar när hon får förskoleplats');
    expect(serviceCase.status).toBe(CaseStatus.FORWARDED);
    // 1 April + 3 working days: Thu 2, (Good Friday, Easter weekend, Easter Monday), Tue 7, Wed 8; end of day Swedish summer time.
    expect(serviceCase.dueAt!.toISOString()).toBe('2026-04-08T22:00:00.000Z');
    await queue.runDueJobs();
    const [mail] = mailsTo('forskola@exempelstad.se');
    expect(mail.raw).toContain(serviceCase.reference);
    expect(mail.raw).toContain('Undrar n');
  });

  it('never puts a confidential case’s summary in a mail', async () => {
    smtp.received.length = 0;
    await forwarded('Hemlig uppgift om ekonomin', 'forsorjningsstod');
    await queue.runDueJobs();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].raw).not.toContain('Hemlig');
    expect(smtp.received[0].raw).toContain('Sekretess');
  });

  it('alarms the officer and the manager when the case is still open at its due time, once', async () => {
    const serviceCase = await forwarded('Väntar på besked');
    await cases.assignCase(serviceCase.id, undefined, officer);
    await queue.runDueJobs();
    smtp.received.length = 0;

    now = serviceCase.dueAt!.getTime() - 60_000;
    await queue.runDueJobs();
    expect(smtp.received).toEqual([]);

    now = serviceCase.dueAt!.getTime() + 1000;
    await queue.runDueJobs();
    await queue.runDueJobs();
    const alarms = smtp.received.filter((m) => m.raw.includes(serviceCase.reference));
    expect(alarms).toHaveLength(1);
    expect(alarms[0].to.sort()).toEqual(['eva.chef@exempelstad.se', 'karin.lund@exempelstad.se']);
    expect((await cases.events(serviceCase.id)).map((e) => e.type)).toContain(CaseEventType.SLA_ALARM);
  });

  it('sends no alarm for a case closed before its due time', async () => {
    const serviceCase = await forwarded('Löses snabbt');
    await cases.replyToCitizen(serviceCase.id, 'Ringde upp och förklarade kön', officer);
    await cases.closeCase(serviceCase.id, 'Besvarat per telefon', officer);
    smtp.received.length = 0;
    now = serviceCase.dueAt!.getTime() + 1000;
    await queue.runDueJobs();
    expect(smtp.received.filter((m) => m.raw.includes(serviceCase.reference))).toEqual([]);
  });

  it('fires an alarm pending when the process stopped, after a restart, and only once with two workers', async () => {
    const serviceCase = await forwarded('Över en omstart');
    await queue.runDueJobs();
    await queue.stop();
    smtp.received.length = 0;

    const [first, second] = [worker(), worker()];
    now = serviceCase.dueAt!.getTime() + 5000;
    await Promise.all([first.runDueJobs(), second.runDueJobs()]);
    expect(smtp.received.filter((m) => m.raw.includes(serviceCase.reference))).toHaveLength(1);
    queue = first;
    cases = createCaseChain(dataSource, queue, clock);
  });

  it.each([
    ['closing a closed case', async (id: string) => cases.closeCase(id, 'igen', agent), 'CASE_CLOSED'],
    [
      'forwarding a closed case',
      async (id: string) => cases.forwardCase(id, 'forskola', 'igen', agent),
      'CASE_CLOSED',
    ],
    [
      'forwarding to an unknown group',
      async (id: string) => cases.forwardCase(id, 'okand', 'x', agent),
      'UNKNOWN_ANSWER_GROUP',
    ],
  ])('refuses %s', async (_label, act, reason) => {
    const closed = await cases.registerContact(
      {
        channel: ContactChannel.VISIT,
        categoryKey: 'barnomsorg',
        summary: 'x',
        resolvedAtFirstLine: true,
        resolution: 'klart',
      },
      agent,
    );
    await expect(act(closed.id)).rejects.toMatchObject({ reason });
  });

  it('reopens a closed forwarded case with a new due time and alarm', async () => {
    const serviceCase = await forwarded('Återkommer');
    await cases.closeCase(serviceCase.id, 'Besvarat', officer);
    now += 86_400_000;
    const reopened = await cases.reopenCase(serviceCase.id, 'Medborgaren ringde igen', officer);
    expect(reopened.status).toBe(CaseStatus.FORWARDED);
    expect(reopened.dueAt!.getTime()).toBeGreaterThan(serviceCase.dueAt!.getTime());
    await expect(cases.reopenCase(serviceCase.id, 'igen', officer)).rejects.toMatchObject({
      reason: 'CASE_NOT_CLOSED',
    });
  });

  describe('text for the citizen (issue 23): staff text in message, citizen text only when written for them', () => {
    it('keeps the reason as staff text and the citizenText apart; without it the event has no citizen text', async () => {
      now = Date.parse('2026-06-01T08:00:00Z');
      const serviceCase = await forwarded('Undrar över plats');
      await cases.parkCase(
        serviceCase.id,
        '2026-06-20',
        'Internt: kolla med rektorn',
        officer,
        undefined,
        '  Skicka intyget.  ',
      );
      await cases.resumeCase(serviceCase.id, 'Intyget kom', officer);
      await cases.closeCase(serviceCase.id, 'Internt: beviljad', officer, undefined, 'Du har fått en plats.');
      const events = await cases.events(serviceCase.id);
      expect(events.map((e) => [e.type, e.citizenMessage])).toEqual([
        [CaseEventType.REGISTERED, null],
        [CaseEventType.FORWARDED, null],
        [CaseEventType.PARKED, 'Skicka intyget.'],
        [CaseEventType.RESUMED, null],
        [CaseEventType.CLOSED, 'Du har fått en plats.'],
      ]);
      expect(events.find((e) => e.type === CaseEventType.PARKED)!.message).toContain(
        'Internt: kolla med rektorn',
      );
    });

    it('refuses a too long citizenText before anything is written', async () => {
      now = Date.parse('2026-06-01T08:00:00Z');
      const serviceCase = await forwarded('Lång text');
      const before = await cases.events(serviceCase.id);
      await expect(
        cases.parkCase(serviceCase.id, '2026-06-20', 'Väntar', officer, undefined, 'x'.repeat(4001)),
      ).rejects.toMatchObject({ field: 'citizenText', message: expect.stringContaining('at most 4000') });
      await expect(
        cases.closeCase(serviceCase.id, 'Klart', officer, undefined, 'a\u0000b'),
      ).rejects.toMatchObject({ field: 'citizenText' });
      expect(await cases.events(serviceCase.id)).toHaveLength(before.length);
      expect((await cases.get(serviceCase.id)).status).toBe(CaseStatus.FORWARDED);
    });
  });

  describe('a case waiting for the citizen (väntar på komplettering)', () => {
    const typesOf = async (id: string) => (await cases.events(id)).map((e) => e.type);

    it('stops the SLA clock, calls off the alarm, wakes up by itself on its date with an event and resumes with the days that were left', async () => {
      // Monday 4 May 2026, 10:00 in Stockholm. Due: Thursday 7 May (3 working days).
      now = Date.parse('2026-05-04T08:00:00Z');
      const serviceCase = await forwarded('Saknar intyg från arbetsgivaren');
      expect(serviceCase.dueAt!.toISOString()).toBe('2026-05-07T22:00:00.000Z');
      await queue.runDueJobs();
      smtp.received.length = 0;

      // Tuesday: the officer asks for the certificate; wake-up Tuesday 19 May.
      now = Date.parse('2026-05-05T09:00:00Z');
      const parked = await cases.parkCase(serviceCase.id, '2026-05-19', 'Väntar på intyg', officer);
      expect(parked).toMatchObject({ status: CaseStatus.WAITING_FOR_CUSTOMER, dueAt: null, slaDaysLeft: 2 });
      const parkedEvent = (await cases.events(serviceCase.id)).at(-1)!;
      expect(parkedEvent).toMatchObject({ type: CaseEventType.PARKED, actorName: 'Karin Lund' });
      expect(parkedEvent.message).toBe('Väntar på invånaren till tisdag 19 maj 2026: Väntar på intyg');

      // Past the old due time: no alarm, still waiting (Kristi himmelsfärd, 14 May, is on the way).
      now = Date.parse('2026-05-18T20:00:00Z');
      await queue.runDueJobs();
      expect(smtp.received.filter((m) => m.raw.includes(serviceCase.reference))).toEqual([]);
      expect((await cases.get(serviceCase.id)).status).toBe(CaseStatus.WAITING_FOR_CUSTOMER);

      // The wake-up date begins (00:00 Stockholm = 22:00 UTC the day before): back with the group.
      now = Date.parse('2026-05-18T22:00:01Z');
      await queue.runDueJobs();
      const woken = await cases.get(serviceCase.id);
      expect(woken.status).toBe(CaseStatus.FORWARDED);
      // The two working days that were left, from 19 May: 20 and 21 May.
      expect(woken.dueAt!.toISOString()).toBe('2026-05-21T22:00:00.000Z');
      // Waited 5 to 19 May: 9 working days after the day it was parked (14 May is a holiday).
      expect(woken.slaPausedWorkingDays).toBe(9);
      const resumed = (await cases.events(serviceCase.id)).at(-1)!;
      expect(resumed).toMatchObject({ type: CaseEventType.RESUMED, actorName: 'Frontdoor' });
      expect(resumed.message).toBe('Väntedatumet tisdag 19 maj 2026 har kommit.');

      // Run again (at-least-once): no second wake-up.
      await queue.runDueJobs();
      expect((await typesOf(serviceCase.id)).filter((t) => t === CaseEventType.RESUMED)).toHaveLength(1);

      // The group answers on 20 May: 11 working days after forwarding, 9 of them waiting for the
      // citizen, so within the 2-working-day feedback goal.
      now = Date.parse('2026-05-20T08:00:00Z');
      await cases.replyToCitizen(serviceCase.id, 'Intyget har kommit, beslut i veckan.', officer);
      const stats = await serviceStatistics(dataSource, '2026-05-04', '2026-05-04', undefined, clock());
      expect(stats.answeredInTime).toMatchObject({ basis: 1, share: 1 });

      // And its alarm is scheduled again, for the new due time.
      now = woken.dueAt!.getTime() + 1000;
      await queue.runDueJobs();
      expect((await typesOf(serviceCase.id)).filter((t) => t === CaseEventType.SLA_ALARM)).toHaveLength(1);
    });

    it('resumes at once when the citizen answers, and the wake-up job then does nothing', async () => {
      now = Date.parse('2026-06-01T08:00:00Z'); // Monday
      const serviceCase = await forwarded('Ska skicka in handlingar');
      await cases.parkCase(serviceCase.id, '2026-06-10', 'Väntar på handlingar', officer);
      now = Date.parse('2026-06-03T08:00:00Z');
      const resumed = await cases.resumeCase(serviceCase.id, 'Handlingarna har kommit', officer);
      expect(resumed.status).toBe(CaseStatus.FORWARDED);
      now = Date.parse('2026-06-10T08:00:00Z');
      await queue.runDueJobs();
      expect((await typesOf(serviceCase.id)).filter((t) => t === CaseEventType.RESUMED)).toHaveLength(1);
    });

    it.each([
      ['a wake-up date that is not ahead', '2026-06-01', 'WAKE_DATE_NOT_AHEAD'],
      ['a wake-up date more than a year ahead', '2027-06-03', 'WAKE_DATE_TOO_FAR'],
      ['a wake-up date far in the future', '9999-12-31', 'WAKE_DATE_TOO_FAR'],
      ['a case already waiting', '2026-07-01', 'NOT_FORWARDED'],
    ])('refuses %s', async (_label, wakeOn, reason) => {
      now = Date.parse('2026-06-01T08:00:00Z');
      const serviceCase = await forwarded('x');
      if (reason === 'NOT_FORWARDED') await cases.parkCase(serviceCase.id, '2026-06-20', 'först', officer);
      await expect(cases.parkCase(serviceCase.id, wakeOn, 'y', officer)).rejects.toMatchObject({ reason });
    });
  });
});

import type { DataSource } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import { dovecotBinary, startTestDovecot } from '@frontdoor/core/testing';
import {
  applyCaseSetup,
  EmailMessage,
  HubMetrics,
  PluginJobRuns,
  PluginJobScheduler,
  ServiceCase,
} from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openDataSource, type TestDatabase } from '@frontdoor/persistence';
import { hubDataSourceOptions } from './hub-data-source';
import { HubJobs } from './hub-jobs';
import { LoggingMailer } from './hub-mailer';
import { retentionDataSourceOptions } from './retention-source';

/** Records what the hub asks of a queue; runs nothing. */
function recordingQueue() {
  const calls: string[] = [];
  const processed: string[] = [];
  const added: { name: string; runAt?: Date }[] = [];
  const queue = {
    process: (name: string) => void (processed.push(name), calls.push(`process ${name}`)),
    start: async () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
    add: async (name: string, _payload: unknown, options?: { runAt?: Date }) => {
      added.push({ name, runAt: options?.runAt });
      calls.push(`add ${name}`);
      return name;
    },
    schedule: async (id: string) => void calls.push(`schedule ${id}`),
    unschedule: async () => undefined,
  } as unknown as JobQueue;
  return { queue, calls, processed, added };
}

// The database of this file: SQLite, or one of its own on PostgreSQL with DATABASE_URL (the
// entities' column types follow DATABASE_URL, so the hub's options must point at the same kind).
let database: TestDatabase;
const config = {
  env: {
    DATABASE_MIGRATE: true,
    CITIZEN_PAGE_URL: 'http://127.0.0.1:4000/mina-arenden/',
    EMAIL_INBOUND: 'off',
  },
  serviceTargets: { firstLineResolutionShare: 0.7, answerWithinWorkingDays: 2, answeredInTimeShare: 0.9 },
  retention: {},
  messaging: { attemptsBeforeFallback: 3 },
} as unknown as HubConfig;

let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(config.env, database.env);
  dataSource = await openDataSource(hubDataSourceOptions(config, []));
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function hubJobs(queue: JobQueue, now = () => new Date()) {
  return new HubJobs({
    config,
    dataSource,
    queue,
    mailer: new LoggingMailer(),
    now,
    pluginJobs: new PluginJobScheduler([], new HubMetrics(), new PluginJobRuns(dataSource)),
  });
}

describe('HubJobs', () => {
  it('registers every job of the hub before the queue starts, then queues the recurring ones', async () => {
    const { queue, calls, processed } = recordingQueue();
    await hubJobs(queue).start();
    expect(processed.sort()).toEqual([
      'case.monthly-statistics',
      'case.notify-answer-group',
      'case.notify-citizen',
      'case.sla-alarm',
      'case.survey-invite',
      'case.wake-up',
      'case.weekly-overdue-digest',
      'citizen-message.sms-status',
      'email.send',
      'notices.spike-check',
      'plugin.job',
      'retention.nightly',
      'statistics.avoidable-contacts',
      'statistics.rollup',
    ]);
    const started = calls.indexOf('start');
    expect(calls.slice(0, started).every((call) => call.startsWith('process '))).toBe(true);
    expect(calls.slice(started + 1)).toEqual([
      'add case.weekly-overdue-digest',
      'add case.monthly-statistics',
      'add notices.spike-check',
      'add statistics.avoidable-contacts',
      'add retention.nightly',
      'schedule statistics.rollup',
    ]);
  });

  it('schedules by the clock it is given, not the wall clock', async () => {
    const { queue, added } = recordingQueue();
    await hubJobs(queue, () => new Date('2030-03-04T12:00:00Z')).start();
    // The next Monday 07:00 and the next 02:00 after the given clock's Monday noon.
    expect(added.find((a) => a.name === 'case.weekly-overdue-digest')!.runAt).toEqual(
      new Date('2030-03-11T06:00:00Z'),
    );
    expect(added.find((a) => a.name === 'retention.nightly')!.runAt).toEqual(
      new Date('2030-03-05T01:00:00Z'),
    );
    // The first working day of April 2030 (the 1st is a Monday), 07:00 in Stockholm.
    expect(added.find((a) => a.name === 'statistics.avoidable-contacts')!.runAt).toEqual(
      new Date('2030-04-01T05:00:00Z'),
    );
  });

  it('stops the queue even when it never started it (it holds a connection for adding jobs)', async () => {
    const { queue, calls } = recordingQueue();
    await hubJobs(queue).stop();
    expect(calls).toEqual(['stop']);
  });
});

describe('HubJobs with EMAIL_INBOUND', () => {
  beforeAll(() =>
    applyCaseSetup(dataSource, {
      categories: [{ key: 'allmant', name: 'Allmänt', slaWorkingDays: 2, confidential: false }],
      answerGroups: [],
    }),
  );

  it('smtp: takes mail to the contact address where jobs run, and stops taking it when stopped', async () => {
    const { queue } = recordingQueue();
    const jobs = new HubJobs({
      config: {
        ...config,
        env: {
          ...config.env,
          EMAIL_INBOUND: 'smtp',
          EMAIL_INBOUND_ADDRESSES: ['kundtjanst@exempelstad.se'],
          EMAIL_INBOUND_CATEGORY: 'allmant',
          EMAIL_INBOUND_SMTP_HOST: '127.0.0.1',
          EMAIL_INBOUND_SMTP_PORT: 0,
          EMAIL_INBOUND_MAX_BYTES: 1024 * 1024,
          EMAIL_INBOUND_MAX_ATTACHMENT_BYTES: 1024 * 1024,
          EMAIL_INBOUND_ACKS_PER_HOUR: 5,
          MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
        },
      },
      dataSource,
      queue,
      mailer: new LoggingMailer(),
      now: () => new Date(),
      pluginJobs: new PluginJobScheduler([], new HubMetrics(), new PluginJobRuns(dataSource)),
    });
    await jobs.start();
    const client = createTransport({ host: '127.0.0.1', port: jobs.inboundMail.port, ignoreTLS: true });
    try {
      await client.sendMail({
        from: 'anna@example.org',
        to: 'kundtjanst@exempelstad.se',
        subject: 'Hej',
        text: 'En fråga',
        messageId: '<hub-jobs@example.org>',
      });
      const [stored] = await dataSource
        .getRepository(EmailMessage)
        .findBy({ messageId: '<hub-jobs@example.org>' });
      const serviceCase = await dataSource.getRepository(ServiceCase).findOneByOrFail({ id: stored.caseId! });
      expect(serviceCase).toMatchObject({ channel: 'EMAIL', contactEmail: 'anna@example.org' });
    } finally {
      client.close();
      await jobs.stop();
    }
    const refused = createTransport({ host: '127.0.0.1', port: jobs.inboundMail.port, ignoreTLS: true });
    await expect(
      refused.sendMail({ from: 'a@example.org', to: 'kundtjanst@exempelstad.se', text: 'x' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) });
  });

  (dovecotBinary() ? it : it.skip)(
    'with EMAIL_INBOUND=imap polls the mailbox instead (a real Dovecot)',
    async () => {
      const dovecot = await startTestDovecot();
      const { queue } = recordingQueue();
      const jobs = new HubJobs({
        config: {
          ...config,
          env: {
            ...config.env,
            EMAIL_INBOUND: 'imap',
            EMAIL_INBOUND_IMAP_URL: `imap://${dovecot.user}:${dovecot.password}@127.0.0.1:${dovecot.port}`,
            EMAIL_INBOUND_IMAP_MAILBOX: 'INBOX',
            EMAIL_INBOUND_IMAP_POLL_MS: 1000,
            EMAIL_INBOUND_ADDRESSES: ['kundtjanst@exempelstad.se'],
            EMAIL_INBOUND_CATEGORY: 'allmant',
            EMAIL_INBOUND_MAX_ATTACHMENT_BYTES: 1024 * 1024,
            EMAIL_INBOUND_ACKS_PER_HOUR: 5,
            MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
          },
        },
        dataSource,
        queue,
        mailer: new LoggingMailer(),
        now: () => new Date(),
        pluginJobs: new PluginJobScheduler([], new HubMetrics(), new PluginJobRuns(dataSource)),
      });
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        auth: { user: dovecot.user, pass: dovecot.password },
        logger: false,
      });
      try {
        await client.connect();
        await client.append(
          'INBOX',
          'From: bo@example.org\r\nTo: kundtjanst@exempelstad.se\r\nSubject: Via IMAP\r\nMessage-ID: <hub-imap@example.org>\r\n\r\nHej\r\n',
        );
        await client.logout();
        await jobs.start();
        const messages = dataSource.getRepository(EmailMessage);
        for (let i = 0; i < 100 && !(await messages.existsBy({ messageId: '<hub-imap@example.org>' })); i++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        const stored = await messages.findOneByOrFail({ messageId: '<hub-imap@example.org>' });
        expect(stored).toMatchObject({ disposition: 'NEW_CASE', fromAddress: 'bo@example.org' });
      } finally {
        await jobs.stop();
        await dovecot.close();
      }
    },
  );

  it('refuses to start without the category new mail gets', async () => {
    const { queue } = recordingQueue();
    const jobs = new HubJobs({
      config: { ...config, env: { ...config.env, EMAIL_INBOUND: 'smtp' } },
      dataSource,
      queue,
      mailer: new LoggingMailer(),
      now: () => new Date(),
      pluginJobs: new PluginJobScheduler([], new HubMetrics(), new PluginJobRuns(dataSource)),
    });
    await expect(jobs.start()).rejects.toThrow('EMAIL_INBOUND_CATEGORY');
    await jobs.stop();
  });
});

describe('retentionDataSourceOptions', () => {
  it('connects as the retention role with one connection and never migrates', () => {
    expect(retentionDataSourceOptions('postgres://retention@db/frontdoor', [])).toMatchObject({
      type: 'postgres',
      url: 'postgres://retention@db/frontdoor',
      migrationsRun: false,
      poolSize: 1,
    });
  });
});

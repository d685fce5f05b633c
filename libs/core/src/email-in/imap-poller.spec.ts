import { ImapFlow } from 'imapflow';
import type { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { applyCaseSetup } from '../cases/case-setup';
import { createCaseChain } from '../case-chain';
import { ServiceCase } from '../cases/case.entities';
import { dovecotBinary, startTestDovecot, type TestDovecot } from '../testing/test-dovecot';
import { EmailIntake } from './email-intake';
import { EmailMessage } from './email-message.entities';
import { ImapPoller, type ImapSettings } from './imap-poller';

const CONTACT = 'kundtjanst@exempelstad.se';
const installed = dovecotBinary() !== null;
if (!installed)
  // Only a missing binary skips (CI installs it: .ci/run); a Dovecot that fails to start fails the test.
  console.warn('imap-poller.spec: SKIPPED, dovecot is not installed (apt-get install -y dovecot-imapd)');

(installed ? describe : describe.skip)('IMAP polling against a real Dovecot', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dovecot: TestDovecot;
  let intake: EmailIntake;
  let settings: ImapSettings;
  const now = Date.parse('2026-12-04T09:00:00Z');
  const clock = () => new Date(now);

  const mailbox = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  };
  const deliver = (raw: string) => mailbox((client) => client.append('INBOX', raw));
  const mail = (id: string, from: string, extra = '') =>
    `Return-Path: <${from}>\r\nFrom: ${from}\r\nTo: ${CONTACT}\r\nSubject: Fråga ${id}\r\nMessage-ID: <${id}@example.org>\r\n${extra}Content-Type: text/plain; charset=utf-8\r\n\r\nHej, en fråga (${id}).\r\n`;
  const unread = () =>
    mailbox(async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        return ((await client.search({ seen: false })) || []).length;
      } finally {
        lock.release();
      }
    });
  const countIn = (path: string) =>
    mailbox(async (client) => (await client.status(path, { messages: true })).messages);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, {
      categories: [{ key: 'epost', name: 'E-post', slaWorkingDays: 2, confidential: false }],
      answerGroups: [],
    });
    const cases = createCaseChain(
      dataSource,
      new SqlJobQueue(dataSource, { now: clock, pollMs: 60_000 }),
      clock,
    );
    intake = new EmailIntake(
      dataSource,
      cases,
      {
        addresses: [CONTACT],
        categoryKey: 'epost',
        maxAttachmentBytes: 1024 * 1024,
        acknowledgementsPerSenderPerHour: 5,
        hubFrom: 'Frontdoor <noreply@exempelstad.se>',
      },
      clock,
    );
    dovecot = await startTestDovecot();
    settings = {
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.user,
      password: dovecot.password,
      mailbox: 'INBOX',
      doneMailbox: 'Frontdoor',
      pollMs: 60_000,
      contactAddress: CONTACT,
    };
  }, 30_000);
  afterAll(async () => {
    await dovecot?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('takes the unread mail through the intake and moves it to the done mailbox', async () => {
    await deliver(mail('imap-1', 'anna@example.org'));
    await deliver(mail('imap-2', 'robot@example.org', 'Auto-Submitted: auto-replied\r\n'));
    const poller = new ImapPoller(intake, settings);
    expect(await poller.poll()).toBe(2);
    const stored = await dataSource
      .getRepository(EmailMessage)
      .findOneByOrFail({ messageId: '<imap-1@example.org>' });
    expect(await dataSource.getRepository(ServiceCase).findOneByOrFail({ id: stored.caseId! })).toMatchObject(
      {
        channel: 'EMAIL',
        contactEmail: 'anna@example.org',
      },
    );
    expect(
      await dataSource.getRepository(EmailMessage).findOneByOrFail({ messageId: '<imap-2@example.org>' }),
    ).toMatchObject({ disposition: 'AUTO_REPLY', caseId: null });
    expect(await unread()).toBe(0);
    expect(await countIn('Frontdoor')).toBe(2);
    expect(await poller.poll()).toBe(0);
  });

  it('takes a bounce by its Return-Path <> as a bounce, and the same mail twice as one case', async () => {
    await deliver(mail('imap-3', 'bo@example.org'));
    await deliver(mail('imap-3', 'bo@example.org'));
    await deliver(
      'Return-Path: <>\r\nFrom: MAILER-DAEMON@example.org\r\nSubject: Undeliverable\r\nMessage-ID: <imap-bounce@example.org>\r\n\r\nDid not arrive.\r\n',
    );
    const poller = new ImapPoller(intake, { ...settings, doneMailbox: null });
    expect(await poller.poll()).toBe(3);
    expect(await dataSource.getRepository(ServiceCase).countBy({ contactEmail: 'bo@example.org' })).toBe(1);
    expect(
      await dataSource
        .getRepository(EmailMessage)
        .findOneByOrFail({ messageId: '<imap-bounce@example.org>' }),
    ).toMatchObject({ disposition: 'BOUNCE' });
    // Without a done mailbox they are marked read, and stay in the inbox.
    expect(await unread()).toBe(0);
  });

  it('leaves a mail the intake could not store unread, and takes it on the next poll', async () => {
    await deliver(mail('imap-4', 'cecilia@example.org'));
    const failing = new ImapPoller({ receive: () => Promise.reject(new Error('database down')) }, settings);
    expect(await failing.poll()).toBe(0);
    expect(await unread()).toBe(1);
    expect(await new ImapPoller(intake, settings).poll()).toBe(1);
    expect(await dataSource.getRepository(EmailMessage).countBy({ messageId: '<imap-4@example.org>' })).toBe(
      1,
    );
  });

  it('fails the poll when the mailbox refuses the login', async () => {
    await expect(new ImapPoller(intake, { ...settings, password: 'fel' }).poll()).rejects.toThrow();
  });
});

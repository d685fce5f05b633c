import { createServer, type Server } from 'node:http';
import { simpleParser } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, In } from 'typeorm';
import { JOB_ENTITIES, JobRecord, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { applyCaseSetup } from '../cases/case-setup';
import { createCaseChain } from '../case-chain';
import type { CaseService } from '../cases/case.service';
import { CaseEvent, ServiceCase } from '../cases/case.entities';
import { CaseEventType, CaseStatus, ContactChannel } from '../cases/case-vocabulary';
import type { CaseWriter } from '../cases/case-write-rules';
import { Mailer } from '../mail/mailer';
import { Party } from '../people/party.entity';
import { startTestSmtpServer } from '../testing/test-smtp-server';
import { EmailAnswers } from './email-answers';
import { EmailIntake, type EmailIntakeSettings } from './email-intake';
import { EmailAttachment, EmailMessage } from './email-message.entities';
import { EmailSending } from './email-sending';
import { InboundSmtpListener } from './inbound-smtp-listener';

const CONTACT = 'kundtjanst@exempelstad.se';
const agent: CaseWriter = { subject: 'agent-alva', name: 'Alva Agent', role: 'agent', answerGroupKeys: [] };
const officer: CaseWriter = {
  subject: 'officer-karin',
  name: 'Karin',
  role: 'case_officer',
  answerGroupKeys: [],
};
const settings: EmailIntakeSettings = {
  addresses: [CONTACT],
  categoryKey: 'epost',
  maxAttachmentBytes: 64 * 1024,
  acknowledgementsPerSenderPerHour: 3,
  hubFrom: 'Frontdoor <noreply@exempelstad.se>',
};

describe(`e-mail in over real SMTP on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let relay: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let mailer: Mailer;
  let queue: SqlJobQueue;
  let cases: CaseService;
  let intake: EmailIntake;
  let listener: InboundSmtpListener;
  let client: Transporter;
  let port: number;
  // Friday 4 December 2026, 10:00 in Stockholm: two working days ahead is Tuesday 8 December.
  const now = Date.parse('2026-12-04T09:00:00Z');
  const clock = () => new Date(now);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, {
      categories: [{ key: 'epost', name: 'E-post', slaWorkingDays: 2, confidential: false }],
      answerGroups: [],
    });
    relay = await startTestSmtpServer();
    mailer = new Mailer({ smtpUrl: relay.url, from: settings.hubFrom });
    queue = new SqlJobQueue(dataSource, { now: clock, pollMs: 60_000 });
    new EmailSending(dataSource, mailer, clock).register(queue);
    cases = createCaseChain(dataSource, queue, clock);
    intake = new EmailIntake(dataSource, cases, settings, clock);
    listener = new InboundSmtpListener(intake, {
      host: '127.0.0.1',
      port: 0,
      maxBytes: 512 * 1024,
      recipients: [CONTACT],
    });
    port = await listener.start();
    client = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    client?.close();
    await listener?.stop();
    mailer?.close();
    await relay?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const caseOf = async (messageId: string) => {
    const stored = await dataSource.getRepository(EmailMessage).findOneByOrFail({ messageId });
    return dataSource.getRepository(ServiceCase).findOneByOrFail({ id: stored.caseId! });
  };
  const sentTo = async (address: string) =>
    Promise.all(relay.received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));

  it('makes a new mail an EMAIL case with the sender, the personal number and the text, and acknowledges it once', async () => {
    await client.sendMail({
      from: 'Anna Andersson <anna@example.org>',
      to: CONTACT,
      subject: 'Fråga om bygglov',
      text: 'Hej! Mitt personnummer är 19900101-2385. När får jag besked?',
      messageId: '<first@example.org>',
    });
    const serviceCase = await caseOf('<first@example.org>');
    expect(serviceCase).toMatchObject({
      channel: ContactChannel.EMAIL,
      status: CaseStatus.OPEN,
      contactEmail: 'anna@example.org',
    });
    const party = await dataSource.getRepository(Party).findOneByOrFail({ id: serviceCase.partyId! });
    expect(party.personalNumber).toBe('199001012385');
    // Lists show the summary: the number is masked there, kept whole in the mail on the case.
    expect(serviceCase.summary).toContain('19900101-****');
    expect(serviceCase.summary).not.toContain('2385');

    await queue.runDueJobs();
    await queue.runDueJobs();
    const [acknowledgement, ...more] = await sentTo('anna@example.org');
    expect(more).toHaveLength(0);
    expect(acknowledgement.subject).toBe(`Vi har tagit emot ditt meddelande [${serviceCase.reference}]`);
    expect(acknowledgement.from?.value[0].address).toBe(CONTACT);
    expect(acknowledgement.text).toContain('Vi svarar senast tisdag 8 december 2026.');
    expect(acknowledgement.inReplyTo).toBe('<first@example.org>');
    expect(acknowledgement.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('takes a re-delivered mail, and the same mail sent twice at once, as one case', async () => {
    const mail = {
      from: 'bo@example.org',
      to: CONTACT,
      subject: 'Soptunna',
      text: 'Tömdes inte.',
      messageId: '<twice@example.org>',
    };
    await Promise.all([client.sendMail(mail), client.sendMail(mail)]);
    await client.sendMail(mail);
    expect(await dataSource.getRepository(EmailMessage).countBy({ messageId: '<twice@example.org>' })).toBe(
      1,
    );
    expect(await dataSource.getRepository(ServiceCase).countBy({ contactEmail: 'bo@example.org' })).toBe(1);
  });

  it('turns HTML into text without fetching anything it links to', async () => {
    let fetched = 0;
    const images: Server = createServer((_req, res) => {
      fetched++;
      res.end();
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    const address = images.address();
    const imagePort = typeof address === 'object' && address ? address.port : 0;
    try {
      await client.sendMail({
        from: 'cecilia@example.org',
        to: CONTACT,
        subject: 'Gatlykta',
        html: `<p>Lyktan på <b>Storgatan</b> är trasig.</p><img src="http://127.0.0.1:${imagePort}/spy.png"><script>alert(1)</script>`,
        messageId: '<html@example.org>',
      });
      const stored = await dataSource
        .getRepository(EmailMessage)
        .findOneByOrFail({ messageId: '<html@example.org>' });
      expect(stored.text).toContain('Lyktan på Storgatan är trasig.');
      expect(stored.text).not.toContain('<b>');
      expect(fetched).toBe(0);
    } finally {
      await new Promise((resolve) => images.close(resolve));
    }
  });

  it('stores attachments by the type their bytes show, and refuses executables and oversized ones with the reason', async () => {
    await client.sendMail({
      from: 'david@example.org',
      to: CONTACT,
      subject: 'Bilagor',
      text: 'Se bilagor.',
      messageId: '<files@example.org>',
      attachments: [
        { filename: 'kvitto.txt', content: Buffer.from('%PDF-1.7\n…') },
        { filename: 'faktura.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
        {
          filename: 'stor.png',
          content: Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.alloc(70 * 1024),
          ]),
        },
      ],
    });
    const stored = await dataSource
      .getRepository(EmailMessage)
      .findOneByOrFail({ messageId: '<files@example.org>' });
    const files = await dataSource
      .getRepository(EmailAttachment)
      .find({ where: { emailId: stored.id }, order: { filename: 'ASC' } });
    expect(
      files.map((f) => [f.filename, f.contentType, f.refusedBecause, f.content ? 'kept' : 'not kept']),
    ).toEqual([
      ['faktura.pdf', 'application/x-msdownload', 'EXECUTABLE', 'not kept'],
      ['kvitto.txt', 'application/pdf', null, 'kept'],
      ['stor.png', 'image/png', 'TOO_LARGE', 'not kept'],
    ]);
  });

  it('refuses a mail over the size limit (552) and another recipient at RCPT (550), storing nothing', async () => {
    const before = await dataSource.getRepository(EmailMessage).count();
    await expect(
      client.sendMail({ from: 'e@example.org', to: CONTACT, subject: 'Stor', text: 'x'.repeat(600 * 1024) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    await expect(
      client.sendMail({ from: 'e@example.org', to: 'vd@exempelstad.se', subject: 'Fel', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await dataSource.getRepository(EmailMessage).count()).toBe(before);
  });

  it('takes a mail with broken headers and no text as a case saying so', async () => {
    await client.sendMail({
      envelope: { from: 'f@example.org', to: [CONTACT] },
      raw: 'Message-ID: <broken@example.org>\r\nContent-Type: multipart/mixed; boundary=\r\nSubject: =?bad?Q?x\r\n\r\n',
    });
    const serviceCase = await caseOf('<broken@example.org>');
    expect(serviceCase.summary).toMatch(/x|Inget textinnehåll/);
  });

  it.each([
    ['an auto-reply', { 'Auto-Submitted': 'auto-replied' }, 'AUTO_REPLY'],
    ['an out-of-office', { 'X-Autoreply': 'yes' }, 'AUTO_REPLY'],
    ['a list mail', { Precedence: 'bulk' }, 'AUTO_REPLY'],
  ])('records %s, makes no case and sends nothing', async (_name, headers, kind) => {
    const messageId = `<${kind}-${Object.keys(headers)[0]}@example.org>`;
    await queue.runDueJobs();
    relay.received.length = 0;
    await client.sendMail({
      from: 'g@example.org',
      to: CONTACT,
      subject: 'Frånvaro',
      text: 'Borta',
      headers,
      messageId,
    });
    const stored = await dataSource.getRepository(EmailMessage).findOneByOrFail({ messageId });
    expect(stored).toMatchObject({ disposition: kind, caseId: null, notAnsweredBecause: kind });
    await queue.runDueJobs();
    expect(relay.received).toHaveLength(0);
  });

  it('records a bounce (null sender, delivery report) and our own mail come back (a loop), answering neither', async () => {
    await queue.runDueJobs();
    relay.received.length = 0;
    await client.sendMail({
      envelope: { from: '', to: [CONTACT] },
      raw: 'From: MAILER-DAEMON@example.org\r\nMessage-ID: <bounce@example.org>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nUndeliverable\r\n--b--\r\n',
    });
    await client.sendMail({
      from: CONTACT,
      to: CONTACT,
      subject: 'Eko',
      text: 'eko',
      messageId: '<loop@example.org>',
    });
    const rows = await dataSource
      .getRepository(EmailMessage)
      .findBy({ messageId: In(['<bounce@example.org>', '<loop@example.org>']) });
    expect(rows.map((r) => [r.messageId, r.disposition, r.caseId]).sort()).toEqual([
      ['<bounce@example.org>', 'BOUNCE', null],
      ['<loop@example.org>', 'LOOP', null],
    ]);
    await queue.runDueJobs();
    expect(relay.received).toHaveLength(0);
  });

  it('stops acknowledging a sender past the hourly limit, still taking their mail', async () => {
    for (let i = 0; i < 4; i++)
      await client.sendMail({
        from: 'h@example.org',
        to: CONTACT,
        subject: `Fråga ${i}`,
        text: 'x',
        messageId: `<rate-${i}@example.org>`,
      });
    const rows = await dataSource
      .getRepository(EmailMessage)
      .find({ where: { fromAddress: 'h@example.org' }, order: { messageId: 'ASC' } });
    expect(rows.map((r) => [r.disposition, r.notAnsweredBecause])).toEqual([
      ['NEW_CASE', null],
      ['NEW_CASE', null],
      ['NEW_CASE', null],
      ['NEW_CASE', 'RATE_LIMIT'],
    ]);
    relay.received.length = 0;
    await queue.runDueJobs();
    expect(await sentTo('h@example.org')).toHaveLength(3);
  });

  it('threads a reply onto its case (headers or the reference in the subject) and reopens it when closed', async () => {
    await client.sendMail({
      from: 'ida@example.org',
      to: CONTACT,
      subject: 'Parkering',
      text: 'Fråga',
      messageId: '<ida-1@example.org>',
    });
    const serviceCase = await caseOf('<ida-1@example.org>');
    await queue.runDueJobs();
    const [acknowledgement] = await sentTo('ida@example.org');
    await cases.closeCase(serviceCase.id, 'Besvarad i telefon', agent);

    await client.sendMail({
      from: 'ida@example.org',
      to: CONTACT,
      subject: 'Re: Vi har tagit emot ditt meddelande',
      text: 'En sak till.',
      messageId: '<ida-2@example.org>',
      inReplyTo: acknowledgement.messageId,
      references: [acknowledgement.messageId!],
    });
    const reopened = await cases.get(serviceCase.id);
    expect(reopened.status).toBe(CaseStatus.OPEN);
    const events = await dataSource
      .getRepository(CaseEvent)
      .find({ where: { caseId: serviceCase.id }, order: { at: 'ASC' } });
    expect(events.slice(-2).map((e) => [e.type, e.actorSubject])).toEqual([
      [CaseEventType.REOPENED, 'frontdoor'],
      [CaseEventType.EMAIL_RECEIVED, 'e-post:ida@example.org'],
    ]);
    expect(events.at(-1)?.citizenMessage).toBe('En sak till.');

    await client.sendMail({
      from: 'ida@example.org',
      to: CONTACT,
      subject: `Angående ${serviceCase.reference}`,
      text: 'Och en till.',
      messageId: '<ida-3@example.org>',
    });
    expect((await caseOf('<ida-3@example.org>')).id).toBe(serviceCase.id);
    // A stranger who names the reference gets a case of their own.
    await client.sendMail({
      from: 'mallory@example.org',
      to: CONTACT,
      subject: `Angående ${serviceCase.reference}`,
      text: 'Låt mig in',
      messageId: '<mallory@example.org>',
    });
    expect((await caseOf('<mallory@example.org>')).id).not.toBe(serviceCase.id);
    // No acknowledgement of a reply.
    relay.received.length = 0;
    await queue.runDueJobs();
    expect(await sentTo('ida@example.org')).toHaveLength(0);
  });

  it('answers by e-mail from the case: from the contact address, the reference in the subject, threaded, once, and no separate notice', async () => {
    await client.sendMail({
      from: 'jan@example.org',
      to: CONTACT,
      subject: 'Hundskatt',
      text: 'Finns det?',
      messageId: '<jan-1@example.org>',
    });
    const serviceCase = await caseOf('<jan-1@example.org>');
    await queue.runDueJobs();
    relay.received.length = 0;
    const answers = new EmailAnswers(dataSource, cases, CONTACT, clock);
    await expect(answers.answer(serviceCase.id, 'Nej.', officer)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(answers.answer(serviceCase.id, '   ', agent)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const answered = await answers.answer(serviceCase.id, 'Nej, det finns ingen hundskatt.', agent);
    expect(answered.firstReplyAt).not.toBeNull();
    // A case change with a mail address queues the citizen's notice; an answer sent to them needs none.
    const notices = await dataSource.getRepository(JobRecord).findBy({ name: 'case.notify-citizen' });
    expect(notices.filter((job) => job.payload.includes(serviceCase.id))).toHaveLength(0);
    await queue.runDueJobs();
    await queue.runDueJobs();
    const [answer, ...more] = await sentTo('jan@example.org');
    expect(more).toHaveLength(0);
    expect(answer.subject).toBe(`Re: Hundskatt [${serviceCase.reference}]`);
    expect(answer.from?.value[0].address).toBe(CONTACT);
    expect(answer.inReplyTo).toBe('<jan-1@example.org>');
    expect(answer.text).toContain('Nej, det finns ingen hundskatt.');
    const thread = await answers.thread(serviceCase.id);
    expect(thread.map((m) => [m.direction, m.disposition])).toEqual([
      ['IN', 'NEW_CASE'],
      ['OUT', 'ACKNOWLEDGEMENT'],
      ['OUT', 'ANSWER'],
    ]);
  });

  it('answers 451 when the database cannot store the mail, so the sender retries; the retry is taken', async () => {
    const broken = new DataSource({ ...dataSource.options } as never);
    const failing = new InboundSmtpListener(new EmailIntake(broken, cases, settings, clock), {
      host: '127.0.0.1',
      port: 0,
      maxBytes: 512 * 1024,
      recipients: [CONTACT],
    });
    const failingPort = await failing.start();
    const failingClient = createTransport({
      host: '127.0.0.1',
      port: failingPort,
      secure: false,
      ignoreTLS: true,
    });
    const mail = {
      from: 'kim@example.org',
      to: CONTACT,
      subject: 'Nere',
      text: 'x',
      messageId: '<down@example.org>',
    };
    try {
      await expect(failingClient.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      failingClient.close();
      await failing.stop();
    }
    expect(await dataSource.getRepository(EmailMessage).countBy({ messageId: '<down@example.org>' })).toBe(0);
    await client.sendMail(mail);
    expect(await dataSource.getRepository(EmailMessage).countBy({ messageId: '<down@example.org>' })).toBe(1);
  });
});

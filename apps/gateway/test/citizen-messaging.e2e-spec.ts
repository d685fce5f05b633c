import {
  ChannelMessenger,
  CitizenNotifications,
  SmsMessenger,
  type CitizenNoticePayload,
} from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import {
  DEMO_CASE_SETUP,
  sandboxMessaging,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385';
const BERTIL = '196408233234';
const OLGA = '190001019801';
const PAGE = 'https://www.exempelstad.se/mina-arenden/';

interface Sms {
  to: string;
  text: string;
}
interface Delivered {
  recipientId: string;
  subject: string;
  content: string;
}
interface MessageInfo {
  key: string;
  notice: string;
  channel: string | null;
  status: string;
  fallbackUsed: boolean;
  letterNeeded: boolean;
  letterSentAt: string | null;
  lastError: string | null;
}

describe('citizen notices by e-mail, SMS or the digital mailbox, with fallback and delivery status', () => {
  let hub: TestHub;
  let sandbox: SandboxHandle;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  const tokens: Record<string, string> = {};

  const gql = async <T>(query: string, token: string) => {
    const { data, errors } = await hub.graphql<T>(query, {}, { token });
    expect(errors).toBeUndefined();
    return data!;
  };
  const citizen = async (personalNumber: string, name: string) =>
    (tokens[personalNumber] ??= await hub.token('citizen', personalNumber, name));
  const prefer = (token: string, args: string) =>
    hub.graphql<{
      setNotificationPreference: { channel: string; email: string | null; phone: string | null };
    }>(`mutation { setNotificationPreference(${args}) { channel email phone } }`, {}, { token });
  const ask = async (token: string, category: string, question: string, contact: string) =>
    (
      await gql<{ askQuestion: { caseId: string; reference: string } }>(
        `mutation { askQuestion(input: { categoryKey: "${category}", question: "${question}", contact: ${contact} }) { caseId reference } }`,
        token,
      )
    ).askQuestion;
  const reply = (caseId: string, officer: string, text: string) =>
    gql(`mutation { replyToCitizen(caseId: "${caseId}", text: "${text}") { id } }`, officer);
  const messagesOf = async (caseId: string, officer: string) =>
    (
      await gql<{ case: { citizenMessages: MessageInfo[] } }>(
        `{ case(id: "${caseId}") { citizenMessages { key notice channel status fallbackUsed letterNeeded letterSentAt lastError } } }`,
        officer,
      )
    ).case.citizenMessages;
  /** Polls the case until its notice is no longer queued (or has the status asked for; bounded), and returns it. */
  const settled = async (caseId: string, officer: string, status?: string) => {
    const until = Date.now() + 20_000;
    for (;;) {
      const [message] = await messagesOf(caseId, officer);
      if (message && (status ? message.status === status : message.status !== 'QUEUED')) return message;
      if (Date.now() > until) throw new Error(`notice still queued: ${JSON.stringify(message)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const smsInbox = async () => (await (await fetch(`${sandbox.url}/sms/admin/inbox`)).json()) as Sms[];
  const mailboxInbox = async () =>
    (await (await fetch(`${sandbox.url}/mailbox/admin/inbox`)).json()) as Delivered[];
  const sandboxAdmin = async (path: string, method: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(204);
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    sandbox = await startSandbox();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      messaging: sandboxMessaging(sandbox),
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>', CITIZEN_PAGE_URL: PAGE },
    });
    tokens.sara = await hub.token('case_officer', 'officer-sara', 'Sara Berg');
    tokens.karin = await hub.token('case_officer', 'officer-karin', 'Karin Lund');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
    await smtp?.close();
  });

  it('texts a citizen who chose SMS: the reference and the link, never the case’s content', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    const { data, errors } = await prefer(anna, 'channel: SMS, phone: "070-123 45 67"');
    expect(errors).toBeUndefined();
    expect(data!.setNotificationPreference).toEqual({ channel: 'SMS', email: null, phone: '+46701234567' });
    const asked = await ask(
      anna,
      'forsorjningsstod',
      'Jag har skulder hos Kronofogden och min hyra är obetald',
      '{ email: "anna@example.se" }',
    );
    await reply(asked.caseId, tokens.sara, 'Ditt bistånd på 4000 kronor är beviljat');
    // Sent, then the operator's delivery report (read from the provider) says delivered.
    expect(await settled(asked.caseId, tokens.sara, 'DELIVERED')).toMatchObject({
      notice: 'ANSWERED',
      channel: 'SMS',
      status: 'DELIVERED',
      fallbackUsed: false,
      letterNeeded: false,
    });
    const texts = (await smsInbox()).filter((s) => s.text.includes(asked.reference));
    expect(texts).toHaveLength(1);
    expect(texts[0].to).toBe('+46701234567');
    expect(texts[0].text).toContain(PAGE);
    for (const secret of ['Kronofogden', 'hyra', '4000', 'bistånd', 'Försörjningsstöd'])
      expect(texts[0].text).not.toContain(secret);
    expect(
      smtp.received.filter((m) => m.raw.includes(asked.reference) && m.to.includes('anna@example.se')),
    ).toEqual([]);
  });

  it('puts the notice in the digital mailbox of a citizen who chose it (looked up by personal number)', async () => {
    const bertil = await citizen(BERTIL, 'Bertil Berg');
    expect((await prefer(bertil, 'channel: MAILBOX')).errors).toBeUndefined();
    const asked = await ask(bertil, 'barnomsorgsplats', 'Fråga om kön', '{ email: "bertil@example.se" }');
    await reply(asked.caseId, tokens.karin, 'Svar om kön');
    expect(await settled(asked.caseId, tokens.karin)).toMatchObject({
      channel: 'MAILBOX',
      status: 'DELIVERED',
    });
    const letters = (await mailboxInbox()).filter((m) => m.content.includes(asked.reference));
    expect(letters).toEqual([
      expect.objectContaining({ recipientId: BERTIL, subject: 'Du har fått svar från kommunen' }),
    ]);
    expect(letters[0].content).not.toContain('Svar om kön');
  });

  it('keeps the notice queued while the mailbox is down, then after the limit falls back to e-mail, once', async () => {
    const bertil = await citizen(BERTIL, 'Bertil Berg');
    await sandbox.setFault({ system: 'mailbox', mode: 'down' });
    const asked = await ask(bertil, 'barnomsorgsplats', 'Fråga två', '{ email: "bertil@example.se" }');
    await reply(asked.caseId, tokens.karin, 'Svar två');
    const message = await settled(asked.caseId, tokens.karin);
    expect(message).toMatchObject({ channel: 'EMAIL', status: 'SENT', fallbackUsed: true });
    const mails = smtp.received.filter(
      (m) => m.to.includes('bertil@example.se') && m.raw.includes(asked.reference),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).not.toContain('Svar två');
    expect((await mailboxInbox()).filter((m) => m.content.includes(asked.reference))).toEqual([]);
  });

  it('goes on with the next channel when the operator reports a text undelivered', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    expect((await prefer(anna, 'channel: SMS, phone: "070-555 02 02"')).errors).toBeUndefined();
    await sandboxAdmin('/sms/admin/undeliverable-numbers', 'POST', { number: '+46705550202' });
    const asked = await ask(anna, 'barnomsorgsplats', 'Fråga sju', '{ email: "anna@example.se" }');
    await reply(asked.caseId, tokens.karin, 'Svar sju');
    expect(await settled(asked.caseId, tokens.karin, 'DELIVERED')).toMatchObject({
      channel: 'MAILBOX',
      fallbackUsed: true,
      lastError: expect.stringMatching(/could not deliver the text/),
    });
    expect((await smsInbox()).filter((s) => s.text.includes(asked.reference))).toHaveLength(1);
    expect((await mailboxInbox()).filter((m) => m.content.includes(asked.reference))).toHaveLength(1);
    expect((await prefer(anna, 'channel: SMS, phone: "070-123 45 67"')).errors).toBeUndefined();
  });

  it('falls back from an SMS provider answering garbage to the digital mailbox', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    await sandbox.setFault({ system: 'sms', mode: 'garbage' });
    const asked = await ask(anna, 'barnomsorgsplats', 'Fråga tre', '{ email: "anna@example.se" }');
    await reply(asked.caseId, tokens.karin, 'Svar tre');
    expect(await settled(asked.caseId, tokens.karin)).toMatchObject({
      channel: 'MAILBOX',
      status: 'DELIVERED',
      fallbackUsed: true,
    });
    expect((await smsInbox()).filter((s) => s.text.includes(asked.reference))).toEqual([]);
  });

  it('lists a letter as needed when no channel reaches the citizen, until staff mark it sent', async () => {
    const olga = await citizen(OLGA, 'Olga Olsson');
    await sandboxAdmin('/sms/admin/rejected-numbers', 'POST', { number: '+46731234567' });
    expect((await prefer(olga, 'channel: SMS, phone: "073-123 45 67"')).errors).toBeUndefined();
    const asked = await ask(olga, 'barnomsorgsplats', 'Fråga fyra', '{ phone: "073-123 45 67" }');
    await reply(asked.caseId, tokens.karin, 'Svar fyra');
    const message = await settled(asked.caseId, tokens.karin);
    expect(message).toMatchObject({ status: 'FAILED', letterNeeded: true, letterSentAt: null });
    // The number refused, then the mailbox lookup found none: the last reason is kept.
    expect(message.lastError).toMatch(/no digital mailbox/);
    expect((await smsInbox()).filter((s) => s.text.includes(asked.reference))).toEqual([]);

    const letters = async (token: string) =>
      (
        await gql<{ lettersNeeded: { reference: string; message: { key: string } }[] }>(
          '{ lettersNeeded { caseId reference message { key notice } } }',
          token,
        )
      ).lettersNeeded.map((l) => l.reference);
    expect(await letters(tokens.karin)).toContain(asked.reference);
    const asCitizen = await hub.graphql('{ lettersNeeded { reference } }', {}, { token: olga });
    expect(asCitizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const marked = await gql<{ markLetterSent: { letterSentAt: string | null } }>(
      `mutation { markLetterSent(key: "${message.key}") { letterSentAt } }`,
      tokens.karin,
    );
    expect(marked.markLetterSent.letterSentAt).not.toBeNull();
    expect(await letters(tokens.karin)).not.toContain(asked.reference);
  });

  it('refuses a preference with a number that cannot get texts, or a contact with NONE', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    for (const args of [
      'channel: SMS, phone: "08-123 456 78"',
      'channel: SMS, phone: "12"',
      'channel: SMS, phone: "<script>"',
      'channel: NONE, phone: "070-123 45 67"',
    ]) {
      const { errors } = await prefer(anna, args);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const saved = await gql<{ me: { notificationPreference: { channel: string; phone: string | null } } }>(
      '{ me { notificationPreference { channel phone } } }',
      anna,
    );
    expect(saved.me.notificationPreference).toEqual({ channel: 'SMS', phone: '+46701234567' });
  });

  it('sends each notice once: a job delivered again, or run by two workers at once, texts once', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    expect((await prefer(anna, 'channel: SMS, phone: "070-123 45 67"')).errors).toBeUndefined();
    const asked = await ask(anna, 'barnomsorgsplats', 'Fråga fem', '{ email: "anna@example.se" }');
    await reply(asked.caseId, tokens.karin, 'Svar fem');
    const sent = await settled(asked.caseId, tokens.karin, 'DELIVERED');
    expect(sent).toMatchObject({ channel: 'SMS', status: 'DELIVERED' });

    // Two more workers of the same hub: their own messenger, the hub's database.
    const settings = sandboxMessaging(sandbox);
    const worker = () =>
      new CitizenNotifications(
        hub.dataSource,
        new ChannelMessenger({ sms: new SmsMessenger({ ...settings.sms, baseUrl: `${sandbox.url}/sms/` }) }),
        PAGE,
        { available: (channel) => channel === 'sms', attemptsBeforeFallback: 2 },
      );
    const payload: CitizenNoticePayload = { caseId: asked.caseId, notice: 'ANSWERED' };
    // The queue delivers the finished job again: nothing more goes out.
    await worker().notify(payload, sent.key);
    // A notice run by two workers at once: one sends, the other backs off or finds it sent.
    const key = `case.notify-citizen:${asked.caseId}:ANSWERED:twice`;
    const runs = await Promise.allSettled([worker().notify(payload, key), worker().notify(payload, key)]);
    expect(runs.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const run of runs)
      if (run.status === 'rejected') expect(String(run.reason)).toMatch(/being sent by another worker/);
    await worker().notify(payload, key);
    expect((await smsInbox()).filter((s) => s.text.includes(asked.reference))).toHaveLength(2);
    expect((await messagesOf(asked.caseId, tokens.karin)).map((m) => m.channel)).toEqual(['SMS', 'SMS']);
  });

  it('shows a citizen no delivery details on their own case', async () => {
    const anna = await citizen(ANNA, 'Anna Andersson');
    const asked = await ask(anna, 'barnomsorgsplats', 'Fråga sex', '{ email: "anna@example.se" }');
    const mine = await gql<{ case: { citizenMessages: unknown } }>(
      `{ case(id: "${asked.caseId}") { citizenMessages { status } } }`,
      tokens.karin,
    );
    expect(mine.case.citizenMessages).toEqual([]);
    const asCitizen = await hub.graphql<{ me: { person: { cases: { citizenMessages: unknown }[] } } }>(
      '{ me { person { cases { citizenMessages { status } } } } }',
      {},
      { token: anna },
    );
    expect(asCitizen.errors).toBeUndefined();
    for (const own of asCitizen.data!.me.person.cases) expect(own.citizenMessages).toBeNull();
  });
});

import { ServiceCase } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

const ANNA = '199001012385';
const BERTIL = '196408233234';
const QUESTION = 'När får jag besked om förskoleplatsen för Tolvan?';

interface Receipt {
  reference: string;
  caseId: string;
  categoryName: string;
  answerGroupName: string;
  answerByText: string;
}

describe('asking a question on the web: an E_SERVICE case to the category’s answer group, and the citizen’s notifications', () => {
  let hub: TestHub;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let anna: string;
  let officer: string;

  const ask = async (input: string, token = anna) =>
    hub.graphql<{ askQuestion: Receipt }>(
      `mutation { askQuestion(input: ${input}) { reference caseId categoryName answerGroupName answerByText } }`,
      {},
      { token },
    );
  const askOk = async (email = 'anna@example.se') => {
    const { data, errors } = await ask(
      `{ categoryKey: "barnomsorgsplats", question: "${QUESTION}", contact: { email: "${email}" } }`,
    );
    expect(errors).toBeUndefined();
    return data!.askQuestion;
  };
  const officerDoes = async (mutation: string, caseId: string) => {
    const { errors } = await hub.graphql(mutation, { id: caseId }, { token: officer });
    expect(errors).toBeUndefined();
  };
  const waitForMail = async (predicate: (m: { to: string[]; raw: string }) => boolean) => {
    const until = Date.now() + 8000;
    while (!smtp.received.some(predicate)) {
      if (Date.now() > until) throw new Error('no such mail arrived');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return smtp.received.filter(predicate);
  };
  const myCases = async (token = anna) => {
    const { data, errors } = await hub.graphql<{
      me: {
        person: {
          cases: {
            reference: string;
            channel: string;
            status: string;
            events: { type: string; message: string | null; actorName: string | null }[];
          }[];
        };
      };
    }>(
      '{ me { person { cases { reference channel status events { type message actorName } } } } }',
      {},
      { token },
    );
    expect(errors).toBeUndefined();
    return data!.me.person.cases;
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
        CITIZEN_PAGE_URL: 'https://www.exempelstad.se/mina-arenden/',
      },
    });
    anna = await hub.token('citizen', ANNA, 'Anna Andersson');
    officer = await hub.token('case_officer', 'officer-karin', 'Karin Lund');
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  it('offers the public categories with their answer group', async () => {
    const { data, errors } = await hub.graphql<{
      questionCategories: { key: string; answerGroupName: string }[];
    }>('{ questionCategories { key name description answerGroupName slaWorkingDays } }', {}, { token: anna });
    expect(errors).toBeUndefined();
    expect(data!.questionCategories.find((c) => c.key === 'barnomsorgsplats')).toMatchObject({
      answerGroupName: 'Svarsgrupp förskola',
    });
  });

  it('makes the question an E_SERVICE case of the citizen, forwarded to the group, with a receipt', async () => {
    const receipt = await askOk();
    expect(receipt).toMatchObject({
      reference: expect.stringMatching(/^FD-\d{4}-/),
      categoryName: 'Barnomsorgsplats',
      answerGroupName: 'Svarsgrupp förskola',
      answerByText: expect.stringMatching(/^senast /),
    });
    const stored = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ id: receipt.caseId });
    expect(stored).toMatchObject({
      channel: 'E_SERVICE',
      status: 'FORWARDED',
      contactEmail: 'anna@example.se',
      registeredBy: ANNA,
    });
    await waitForMail((m) => m.to.includes('forskola@exempelstad.se') && m.raw.includes(receipt.reference));
    const mine = (await myCases()).find((c) => c.reference === receipt.reference)!;
    expect(mine).toMatchObject({ channel: 'E_SERVICE', status: 'FORWARDED' });
    expect(mine.events.map((e) => e.type)).toEqual(['REGISTERED', 'FORWARDED']);
  });

  it('shows the answer in the citizen’s timeline and mails that an answer waits, without any case text', async () => {
    const receipt = await askOk();
    await officerDoes(
      `mutation($id: ID!) { addCaseNote(caseId: $id, text: "Internt: kolla kön") { id } }`,
      receipt.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Besked kommer vecka 50.") { id } }`,
      receipt.caseId,
    );
    const [mail] = await waitForMail(
      (m) =>
        m.to.includes('anna@example.se') &&
        m.raw.includes(receipt.reference) &&
        m.raw.includes('Det finns ett svar'),
    );
    expect(mail.raw).toContain('https://www.exempelstad.se/mina-arenden/');
    for (const secret of ['Besked kommer', 'Tolvan', 'förskoleplatsen', 'Internt'])
      expect(mail.raw).not.toContain(secret);

    const mine = (await myCases()).find((c) => c.reference === receipt.reference)!;
    expect(mine.events.map((e) => e.type)).toEqual(['REGISTERED', 'FORWARDED', 'REPLIED']);
    expect(mine.events.at(-1)).toMatchObject({ message: 'Besked kommer vecka 50.', actorName: null });
  });

  it('tells the citizen when the case waits for them and when it is closed', async () => {
    const receipt = await askOk();
    const wakeOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await officerDoes(
      `mutation($id: ID!) { parkCase(caseId: $id, wakeOn: "${wakeOn}", reason: "Skicka intyget") { id } }`,
      receipt.caseId,
    );
    await waitForMail((m) => m.raw.includes(receipt.reference) && m.raw.includes('se vad:'));
    await officerDoes(
      `mutation($id: ID!) { resumeCase(caseId: $id, reason: "Intyget kom") { id } }`,
      receipt.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Klart") { id } }`,
      receipt.caseId,
    );
    const [closed] = await waitForMail(
      (m) => m.raw.includes(receipt.reference) && m.raw.includes('hur det slutade'),
    );
    expect(closed.raw).not.toContain('Skicka intyget');
    expect(closed.raw).not.toContain('Klart');
  });

  it('honours the citizen’s own preference: NONE sends nothing, EMAIL with an address goes there', async () => {
    const set = async (token: string, args: string) => {
      const { data, errors } = await hub.graphql<{
        setNotificationPreference: { channel: string; email: string | null };
      }>(`mutation { setNotificationPreference(${args}) { channel email } }`, {}, { token });
      expect(errors).toBeUndefined();
      return data!.setNotificationPreference;
    };
    const bertil = await hub.token('citizen', BERTIL, 'Bertil Berg');
    expect(await set(bertil, 'channel: NONE')).toEqual({ channel: 'NONE', email: null });
    const read = await hub.graphql<{ me: { notificationPreference: { channel: string } } }>(
      '{ me { notificationPreference { channel email } } }',
      {},
      { token: bertil },
    );
    expect(read.data!.me.notificationPreference.channel).toBe('NONE');
    const quiet = await ask(
      '{ categoryKey: "barnomsorgsplats", question: "Fråga", contact: { email: "bertil@example.se" } }',
      bertil,
    );
    expect(quiet.errors).toBeUndefined();

    expect(await set(anna, 'channel: EMAIL, email: "Anna.Privat@Example.se"')).toEqual({
      channel: 'EMAIL',
      email: 'anna.privat@example.se',
    });
    const loud = await askOk('anna@example.se');
    // Bertil's reply is queued first; Anna's mail arriving after it shows the queue has passed his.
    await officerDoes(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Svar till Bertil") { id } }`,
      quiet.data!.askQuestion.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Svar till Anna") { id } }`,
      loud.caseId,
    );
    await waitForMail((m) => m.to.includes('anna.privat@example.se') && m.raw.includes(loud.reference));
    expect(
      smtp.received.filter(
        (m) =>
          m.to.includes('anna@example.se') &&
          m.raw.includes(loud.reference) &&
          m.raw.includes('Det finns ett svar'),
      ),
    ).toEqual([]);
    expect(
      smtp.received.filter((m) => m.to.includes('bertil@example.se') && m.raw.includes('Det finns ett svar')),
    ).toEqual([]);

    const bad = await hub.graphql(
      'mutation { setNotificationPreference(channel: EMAIL, email: "inte-en-adress") { channel } }',
      {},
      { token: anna },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await set(anna, 'channel: EMAIL');
  });

  it('refuses bad input with a clear error and creates nothing', async () => {
    const count = () => hub.dataSource.getRepository(ServiceCase).count();
    const before = await count();
    const cases: [string, RegExp][] = [
      [
        '{ categoryKey: "pizza", question: "Hej", contact: { email: "a@b.se" } }',
        /not a category you can ask in/,
      ],
      ['{ categoryKey: "avfall", question: "   ", contact: { email: "a@b.se" } }', /write your question/],
      ['{ categoryKey: "avfall", question: "Hej", contact: {} }', /give an e-mail or a phone number/],
      ['{ categoryKey: "avfall", question: "Hej", contact: { phone: "12" } }', /not a Swedish phone number/],
      [
        `{ categoryKey: "avfall", question: "${'x'.repeat(4001)}", contact: { email: "a@b.se" } }`,
        /at most 4000/,
      ],
    ];
    for (const [input, message] of cases) {
      const { errors } = await ask(input);
      expect(errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await count()).toBe(before);
  });

  it('is the citizen’s own: staff cannot ask as a citizen, and another citizen’s data is refused', async () => {
    const receipt = await askOk();
    const agent = await hub.token('agent', 'agent-anna');
    const asAgent = await ask(
      '{ categoryKey: "avfall", question: "Hej", contact: { email: "a@b.se" } }',
      agent,
    );
    expect(asAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const bertil = await hub.token('citizen', BERTIL, 'Bertil Berg');
    expect((await myCases(bertil)).map((c) => c.reference)).not.toContain(receipt.reference);
    const other = await hub.graphql(
      `{ person(personalNumber: "${ANNA}") { cases { reference } } }`,
      {},
      { token: bertil },
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byId = await hub.graphql(`{ case(id: "${receipt.caseId}") { reference } }`, {}, { token: bertil });
    expect(byId.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

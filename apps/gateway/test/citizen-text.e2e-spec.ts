import { CaseEvent, ServiceCase } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

const ANNA = '199001012385';
const QUESTION = 'När får jag besked om förskoleplatsen?';

interface CitizenEvent {
  type: string;
  message: string | null;
  citizenHeadline: string | null;
  citizenMessage: string | null;
  actorName: string | null;
}

/**
 * Issue 23: every case text is staff text unless the officer wrote it for the citizen
 * (citizenText), or the citizen wrote it (their own question). The citizen's timeline shows
 * a fixed Swedish line per event and only that text; so do the mails and Open311.
 */
describe('case texts the citizen sees are written for the citizen', () => {
  let hub: TestHub;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let anna: string;
  let officer: string;

  const waitForMail = async (predicate: (m: { to: string[]; raw: string }) => boolean) => {
    const until = Date.now() + 8000;
    while (!smtp.received.some(predicate)) {
      if (Date.now() > until) throw new Error('no such mail arrived');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return smtp.received.filter(predicate);
  };
  const askQuestion = async () => {
    const { data, errors } = await hub.graphql<{ askQuestion: { reference: string; caseId: string } }>(
      `mutation { askQuestion(input: { categoryKey: "barnomsorgsplats", question: "${QUESTION}", contact: { email: "anna@example.se" } }) { reference caseId } }`,
      {},
      { token: anna },
    );
    expect(errors).toBeUndefined();
    return data!.askQuestion;
  };
  const officerDoes = async (mutation: string, caseId: string) => {
    const { errors } = await hub.graphql(mutation, { id: caseId }, { token: officer });
    expect(errors).toBeUndefined();
  };
  const annasTimeline = async (reference: string) => {
    const { data, errors } = await hub.graphql<{
      me: {
        person: {
          cases: { reference: string; summary: string; resolution: string | null; events: CitizenEvent[] }[];
        };
      };
    }>(
      '{ me { person { cases { reference summary resolution events { type message citizenHeadline citizenMessage actorName } } } } }',
      {},
      { token: anna },
    );
    expect(errors).toBeUndefined();
    return data!.me.person.cases.find((c) => c.reference === reference)!;
  };
  const wakeOn = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

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

  it('a park, resume and close without citizenText never reach the citizen: fixed lines only, in the timeline and the mails', async () => {
    const asked = await askQuestion();
    await officerDoes(
      `mutation($id: ID!) { parkCase(caseId: $id, wakeOn: "${wakeOn()}", reason: "Internt: pappan har ringt och bråkat") { id } }`,
      asked.caseId,
    );
    const waiting = await annasTimeline(asked.reference);
    expect(waiting.events.at(-1)).toMatchObject({
      type: 'PARKED',
      message: null,
      citizenMessage: null,
      citizenHeadline: expect.stringMatching(/^Vi behöver mer från dig\. Vi väntar på ditt svar till /),
    });
    await waitForMail((m) => m.raw.includes(asked.reference) && m.raw.includes('se vad:'));
    await officerDoes(
      `mutation($id: ID!) { resumeCase(caseId: $id, reason: "Internt: intyget kom via fax") { id } }`,
      asked.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Internt: plats erbjuden, se Procapita") { id } }`,
      asked.caseId,
    );
    await waitForMail((m) => m.raw.includes(asked.reference) && m.raw.includes('hur det slutade'));

    const mine = await annasTimeline(asked.reference);
    expect(mine.events.map((e) => [e.type, e.citizenHeadline, e.message])).toEqual([
      ['REGISTERED', 'Vi har tagit emot din fråga.', QUESTION],
      ['FORWARDED', 'Ditt ärende har skickats till Svarsgrupp förskola.', null],
      ['PARKED', 'Vi behöver mer från dig.', null],
      ['RESUMED', 'Vi arbetar med ditt ärende igen.', null],
      ['CLOSED', 'Ärendet är avslutat.', null],
    ]);
    expect(mine.resolution).toBeNull();
    const seen =
      JSON.stringify(mine) +
      smtp.received
        .filter((m) => m.to.includes('anna@example.se'))
        .map((m) => m.raw)
        .join('\n');
    for (const staffText of ['Internt', 'pappan', 'fax', 'Procapita', 'Inkommen via', 'Karin'])
      expect(seen).not.toContain(staffText);
  });

  it('citizenText reaches the citizen under the fixed line; staff see both texts and what the citizen sees', async () => {
    const asked = await askQuestion();
    await officerDoes(
      `mutation($id: ID!) { parkCase(caseId: $id, wakeOn: "${wakeOn()}", reason: "Internt: kolla inkomsten", citizenText: "  Skicka ditt senaste lönebesked.  ") { id } }`,
      asked.caseId,
    );
    const mine = await annasTimeline(asked.reference);
    expect(mine.events.at(-1)).toMatchObject({
      type: 'PARKED',
      message: 'Skicka ditt senaste lönebesked.',
      citizenMessage: 'Skicka ditt senaste lönebesked.',
      actorName: null,
    });
    expect(JSON.stringify(mine)).not.toContain('kolla inkomsten');

    const staff = await hub.graphql<{ case: { events: (CitizenEvent & { internal: boolean })[] } }>(
      'query($id: ID!) { case(id: $id) { events { type message citizenHeadline citizenMessage actorName internal } } }',
      { id: asked.caseId },
      { token: officer },
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.case.events.at(-1)).toMatchObject({
      type: 'PARKED',
      message: expect.stringContaining('Internt: kolla inkomsten'),
      citizenMessage: 'Skicka ditt senaste lönebesked.',
      citizenHeadline: expect.stringMatching(/^Vi behöver mer från dig/),
      actorName: 'Karin Lund',
    });

    await officerDoes(
      `mutation($id: ID!) { resumeCase(caseId: $id, reason: "Lönebeskedet kom", citizenText: "Tack, vi har fått lönebeskedet.") { id } }`,
      asked.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Beviljad", citizenText: "Du har fått en plats från 1 mars.") { id } }`,
      asked.caseId,
    );
    await officerDoes(
      `mutation($id: ID!) { reopenCase(caseId: $id, reason: "Fel datum", citizenText: "Vi rättar startdatumet.") { id } }`,
      asked.caseId,
    );
    const after = await annasTimeline(asked.reference);
    expect(after.events.slice(-3).map((e) => [e.type, e.citizenHeadline, e.message])).toEqual([
      ['RESUMED', 'Vi arbetar med ditt ärende igen.', 'Tack, vi har fått lönebeskedet.'],
      ['CLOSED', 'Ärendet är avslutat.', 'Du har fått en plats från 1 mars.'],
      ['REOPENED', 'Ärendet har öppnats igen.', 'Vi rättar startdatumet.'],
    ]);
    for (const staffText of ['Lönebeskedet kom', 'Beviljad', 'Fel datum'])
      expect(JSON.stringify(after)).not.toContain(staffText);
    // The mail says where to read, never the text itself (a mailbox may be shared).
    const [closedMail] = await waitForMail(
      (m) => m.raw.includes(asked.reference) && m.raw.includes('hur det slutade'),
    );
    expect(closedMail.raw).not.toContain('1 mars');
  });

  it('the reply ("Svar till invånaren") is written for the citizen: shown as written', async () => {
    const asked = await askQuestion();
    await officerDoes(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Besked kommer vecka 50.") { id } }`,
      asked.caseId,
    );
    expect((await annasTimeline(asked.reference)).events.at(-1)).toMatchObject({
      type: 'REPLIED',
      citizenHeadline: 'Du fick svar.',
      message: 'Besked kommer vecka 50.',
    });
  });

  it('a staff-registered case shows the citizen neither the summary nor the first line’s message', async () => {
    const agent = await hub.token('agent', 'agent-anna', 'Anna Agent');
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Anna ringde och var arg om kön", resolvedAtFirstLine: false }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(registered.errors).toBeUndefined();
    const { id, reference } = registered.data!.registerContact;
    const forwarded = await hub.graphql(
      `mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "forskola", message: "Ring henne, hon är upprörd") { id } }`,
      { id },
      { token: agent },
    );
    expect(forwarded.errors).toBeUndefined();
    const mine = await annasTimeline(reference);
    expect(mine.summary).toBe('Barnomsorgsplats');
    expect(mine.events.map((e) => [e.type, e.citizenHeadline, e.message])).toEqual([
      ['REGISTERED', 'Vi har tagit emot ditt ärende.', null],
      ['FORWARDED', 'Ditt ärende har skickats till Svarsgrupp förskola.', null],
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/arg om kön|upprörd/);
  });

  it('a too long citizenText is a clear BAD_USER_INPUT naming it, and nothing is written', async () => {
    const asked = await askQuestion();
    const before = await hub.dataSource.getRepository(CaseEvent).countBy({ caseId: asked.caseId });
    const { errors } = await hub.graphql(
      `mutation($id: ID!, $text: String) { parkCase(caseId: $id, wakeOn: "${wakeOn()}", reason: "Väntar", citizenText: $text) { id } }`,
      { id: asked.caseId, text: 'x'.repeat(4001) },
      { token: officer },
    );
    expect(errors?.[0]).toMatchObject({
      message: expect.stringMatching(/citizenText.*at most 4000 characters/),
      extensions: { code: 'BAD_USER_INPUT', field: 'citizenText' },
    });
    const stored = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ id: asked.caseId });
    expect(stored.status).toBe('FORWARDED');
    expect(await hub.dataSource.getRepository(CaseEvent).countBy({ caseId: asked.caseId })).toBe(before);
  });

  it('the console’s preview comes from the same table: citizenHeadline for a type, null for an internal one', async () => {
    const date = wakeOn();
    const { data, errors } = await hub.graphql<{ parked: string; note: string | null; forwarded: string }>(
      `{ parked: citizenHeadline(type: PARKED, wakeOn: "${date}") note: citizenHeadline(type: NOTE_ADDED) forwarded: citizenHeadline(type: FORWARDED, answerGroupKey: "forskola") }`,
      {},
      { token: officer },
    );
    expect(errors).toBeUndefined();
    expect(data!.parked).toMatch(
      /^Vi behöver mer från dig\. Vi väntar på ditt svar till \S+ \d+ \S+ \d{4}\.$/,
    );
    expect(data!.note).toBeNull();
    expect(data!.forwarded).toBe('Ditt ärende har skickats till Svarsgrupp förskola.');
    // The same line a citizen then reads for the same date.
    const asked = await askQuestion();
    await officerDoes(
      `mutation($id: ID!) { parkCase(caseId: $id, wakeOn: "${date}", reason: "x") { id } }`,
      asked.caseId,
    );
    expect((await annasTimeline(asked.reference)).events.at(-1)!.citizenHeadline).toBe(data!.parked);
    const refused = await hub.graphql('{ citizenHeadline(type: PARKED) }', {}, { token: anna });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

import { AuditRecord, Party } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

interface CaseView {
  id: string;
  reference: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  events: { type: string; actorName: string | null; message: string | null; internal: boolean }[];
}

const CASE_FIELDS =
  'id reference status dueAt overdue resolvedAtFirstLine answerGroup { key } category { key confidential } events { type actorName message internal }';

describe('cases over GraphQL: the chain from first line to answer group, alarms and the citizen’s view', () => {
  let hub: TestHub;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let agent: string;
  let officer: string;
  let outsider: string;

  const register = async (input: string, token = agent) => {
    const { data, errors } = await hub.graphql<{ registerContact: CaseView }>(
      `mutation { registerContact(input: ${input}) { ${CASE_FIELDS} } }`,
      {},
      { token },
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.registerContact;
  };
  const forward = async (id: string, group = 'forskola') => {
    const { data, errors } = await hub.graphql<{ forwardCase: CaseView }>(
      `mutation($id: ID!, $group: String!) { forwardCase(caseId: $id, answerGroupKey: $group, message: "Ring upp om köplats") { ${CASE_FIELDS} } }`,
      { id, group },
      { token: agent },
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.forwardCase;
  };
  const waitForMail = async (predicate: (raw: string) => boolean) => {
    const until = Date.now() + 5000;
    while (!smtp.received.some((m) => predicate(m.raw))) {
      if (Date.now() > until) throw new Error('no such mail arrived');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return smtp.received.filter((m) => predicate(m.raw));
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>' },
    });
    agent = await hub.token('agent', 'agent-alva');
    officer = await hub.token('case_officer', 'officer-karin');
    outsider = await hub.token('case_officer', 'officer-sara');
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  it('closes a phone contact resolved at the first line in one call', async () => {
    const resolved = await register(
      '{ channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "19900101-2385", summary: "Var i kön?", resolvedAtFirstLine: true, resolution: "Plats 14 i kön" }',
    );
    expect(resolved).toMatchObject({ status: 'CLOSED', resolvedAtFirstLine: true, answerGroup: null });
    expect(resolved.events.map((e) => e.type)).toEqual(['REGISTERED', 'RESOLVED_AT_FIRST_LINE']);
  });

  it('forwards a contact to the answer group, which is mailed, and shows it in the group’s queue', async () => {
    const registered = await register(
      '{ channel: E_SERVICE, categoryKey: "barnomsorgsplats", personalNumber: "199001012385", summary: "Undrar när erbjudandet kommer" }',
    );
    const forwarded = await forward(registered.id);
    expect(forwarded).toMatchObject({ status: 'FORWARDED', overdue: false });
    expect(forwarded.dueAt).not.toBeNull();
    await waitForMail((raw) => raw.includes(forwarded.reference) && raw.includes('Nytt'));

    const { data } = await hub.graphql<{
      cases: { totalCount: number; edges: { node: { reference: string } }[] };
    }>(
      '{ cases(filter: { answerGroupKey: "forskola", status: FORWARDED }) { totalCount edges { node { reference } } } }',
      {},
      { token: officer },
    );
    expect(data!.cases.edges.map((e) => e.node.reference)).toContain(forwarded.reference);
  });

  it('alarms the group and its manager when a forwarded case is still open at its due time, with an event', async () => {
    const registered = await register(
      '{ channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "196408233234", summary: "Ingen har ringt tillbaka" }',
    );
    const forwarded = await forward(registered.id);
    // The development clock (absent in production) stands in for three working days.
    const advanced = await fetch(`${hub.url}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hours: 24 * 8 }),
    });
    expect(advanced.status).toBe(200);
    const [alarm] = await waitForMail((raw) => raw.includes(forwarded.reference) && raw.includes('rsenat'));
    expect(alarm.to.sort()).toEqual(['eva.chef@exempelstad.se', 'forskola@exempelstad.se']);
    // The mail goes first, then the event is written (a lost mail must not leave an alarm
    // recorded as sent): wait for the event, bounded, rather than race it.
    const read = () =>
      hub.graphql<{ case: CaseView }>(
        `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
        { id: forwarded.id },
        { token: officer },
      );
    let { data } = await read();
    for (let i = 0; i < 50 && !data!.case.events.some((e) => e.type === 'SLA_ALARM'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      ({ data } = await read());
    }
    expect(data!.case.overdue).toBe(true);
    expect(data!.case.events.map((e) => e.type)).toContain('SLA_ALARM');
    // One way to say the deadline: the API's date and text, the same text in the mail and the event.
    const { data: due } = await hub.graphql<{
      case: { dueDate: string; dueText: string; dueRemainingText: string };
    }>(
      `query($id: ID!) { case(id: $id) { dueDate dueText dueRemainingText } }`,
      { id: forwarded.id },
      { token: officer },
    );
    expect(due!.case.dueText).toMatch(/^senast (måndag|tisdag|onsdag|torsdag|fredag) \d{1,2} \p{L}+ \d{4}$/u);
    expect(due!.case.dueRemainingText).toMatch(/arbetsdag(ar)? försenat$/);
    expect(due!.case.dueDate).toBe(
      new Date(Date.parse(forwarded.dueAt!) - 1).toLocaleDateString('sv-SE', {
        timeZone: 'Europe/Stockholm',
      }),
    );
    // The weekday may be quoted-printable in the raw mail (måndag); day, month and year are ASCII.
    expect(alarm.raw.replace(/=\r?\n/g, '')).toContain(due!.case.dueText.split(' ').slice(2).join(' '));
    const alarmEvent = data!.case.events.find((e) => e.type === 'SLA_ALARM')!;
    expect(alarmEvent.message).toBe(`Inte avslutat ${due!.case.dueText}.`);
  });

  it('keeps confidential cases out of other groups’ lists and lookups', async () => {
    const secret = await register(
      '{ channel: PHONE, categoryKey: "forsorjningsstod", personalNumber: "200002292399", summary: "Fråga om utbetalning" }',
    );
    await forward(secret.id, 'socialtjanst');
    const list = async (token: string) =>
      (
        await hub.graphql<{ cases: { edges: { node: { reference: string } }[] } }>(
          '{ cases(first: 100) { edges { node { reference } } } }',
          {},
          { token },
        )
      ).data!.cases.edges.map((e) => e.node.reference);
    expect(await list(outsider)).toContain(secret.reference);
    expect(await list(officer)).not.toContain(secret.reference);
    const { errors } = await hub.graphql(
      `query($id: ID!) { case(id: $id) { reference } }`,
      { id: secret.id },
      { token: officer },
    );
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nor is its summary in the group's mail.
    const mails = await waitForMail((raw) => raw.includes(secret.reference));
    expect(mails.every((m) => !m.raw.includes('utbetalning'))).toBe(true);
  });

  it('shows the citizen their own cases like parcel tracking: no internal notes, no officer names', async () => {
    const registered = await register(
      '{ channel: EMAIL, categoryKey: "fakturor", personalNumber: "191401682396", summary: "Fel belopp på fakturan" }',
    );
    await forward(registered.id);
    await hub.graphql(
      `mutation($id: ID!) { addCaseNote(caseId: $id, text: "Intern: kolla med ekonomi") { id } }`,
      { id: registered.id },
      { token: officer },
    );
    await hub.graphql(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Vi har rättat beloppet") { id } }`,
      { id: registered.id },
      { token: officer },
    );
    await hub.graphql(
      `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Faktura krediterad") { id } }`,
      { id: registered.id },
      { token: officer },
    );

    const citizen = await hub.token('citizen', '191401682396');
    const { data, errors } = await hub.graphql<{
      person: { cases: { reference: string; events: CaseView['events'] }[] };
    }>(
      '{ person(personalNumber: "191401682396") { cases { reference events { type actorName message internal } } } }',
      {},
      { token: citizen },
    );
    expect(errors).toBeUndefined();
    const [own] = data!.person.cases;
    expect(own.reference).toBe(registered.reference);
    expect(own.events.map((e) => e.type)).toEqual(['REGISTERED', 'FORWARDED', 'REPLIED', 'CLOSED']);
    expect(own.events.every((e) => e.actorName === null && !e.internal)).toBe(true);
    expect(JSON.stringify(own.events)).not.toContain('Intern');
  });

  it.each([
    [
      'closing a closed case',
      'mutation($id: ID!) { closeCase(caseId: $id, resolution: "igen") { id } }',
      'CASE_CLOSED',
    ],
    [
      'forwarding to an unknown group',
      'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "okand", message: "x") { id } }',
      'UNKNOWN_ANSWER_GROUP',
    ],
  ])('refuses %s with a typed error', async (_label, mutation, reason) => {
    const closed = await register(
      '{ channel: VISIT, categoryKey: "avfall", summary: "Sophämtning", resolvedAtFirstLine: true, resolution: "Tisdagar" }',
    );
    const { errors } = await hub.graphql(mutation, { id: closed.id }, { token: agent });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('pages through cases with a cursor', async () => {
    const first = await hub.graphql<{
      cases: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      '{ cases(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      {},
      { token: agent },
    );
    const page1 = first.data!.cases;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await hub.graphql<{ cases: { edges: { node: { id: string } }[] } }>(
      'query($after: String) { cases(first: 2, after: $after) { edges { node { id } } } }',
      { after: page1.pageInfo.endCursor },
      { token: agent },
    );
    const ids = second.data!.cases.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(2);
    expect(ids.some((id) => page1.edges.some((e) => e.node.id === id))).toBe(false);
    const { errors } = await hub.graphql('{ cases(after: "garbage") { totalCount } }', {}, { token: agent });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows admins the jobs that failed after all their tries, and nobody else', async () => {
    const admin = await hub.token('admin', 'admin-1');
    const { data, errors } = await hub.graphql<{ failedJobs: unknown[] }>(
      '{ failedJobs { id name attempts error } }',
      {},
      { token: admin },
    );
    expect(errors).toBeUndefined();
    expect(data!.failedJobs).toEqual([]);
    expect(
      (await hub.graphql('{ failedJobs { id } }', {}, { token: agent })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('audits case reads that concern a person, and refuses citizens the staff operations', async () => {
    const party = await hub.dataSource
      .getRepository(Party)
      .findOneByOrFail({ personalNumber: '199001012385' });
    const rows = await hub.dataSource.getRepository(AuditRecord).findBy({ partyId: party.id });
    expect(rows.some((r) => r.plugins.includes('cases'))).toBe(true);
    const citizen = await hub.token('citizen', '199001012385');
    const { errors } = await hub.graphql('{ cases { totalCount } }', {}, { token: citizen });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('puts the development clock back to real time (POST /dev/clock/reset), so a demo jump does not stay in force', async () => {
    const forward = await fetch(`${hub.url}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hours: 48 }),
    });
    expect(Date.parse(((await forward.json()) as { now: string }).now) - Date.now()).toBeGreaterThan(
      47 * 3600_000,
    );
    const reset = await fetch(`${hub.url}/dev/clock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(Math.abs(Date.parse(((await reset.json()) as { now: string }).now) - Date.now())).toBeLessThan(
      5_000,
    );
  });
});

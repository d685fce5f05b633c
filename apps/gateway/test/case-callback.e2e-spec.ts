import { AuditRecord, Party, ServiceCase } from '@frontdoor/core';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * The handover (steg 4 i ärendekedjan): the first line takes the callback details, the
 * answer group sees whom to call and how, and nobody else does. Anna Andersson is an
 * ordinary person; Cecilia Carlsson (200002292399) has protected identity.
 */
const ANNA = '199001012385';
const CECILIA = '200002292399';
const BERTIL = '196408233234';

const CASE_FIELDS = `id reference status version assigneeName
  person { personalNumber name protectedIdentity }
  contact { phone phoneText email preferred }
  events { type actorName message }`;

interface CaseView {
  id: string;
  reference: string;
  status: string;
  version: number;
  assigneeName: string | null;
  person: { personalNumber: string; name: string | null; protectedIdentity: boolean } | null;
  contact: { phone: string | null; phoneText: string | null; email: string | null; preferred: string } | null;
  events: { type: string; actorName: string | null; message: string | null }[];
}

describe('callback details and the citizen on the case', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let agent: string;
  let officer: string;
  let outsider: string;
  let cleared: string;

  const gql = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
    const { data, errors } = await hub.graphql<T>(query, variables, { token });
    return { data: data as T | undefined, errors: errors as { extensions: Record<string, unknown> }[] };
  };
  const register = async (personalNumber: string, contact: Record<string, unknown>) => {
    const { data, errors } = await gql<{ registerContact: CaseView }>(
      `mutation($input: RegisterContactInput!) { registerContact(input: $input) { ${CASE_FIELDS} } }`,
      {
        input: {
          channel: 'PHONE',
          categoryKey: 'barnomsorgsplats',
          personalNumber,
          summary: 'Byta förskola',
          contact,
        },
      },
      agent,
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.registerContact;
  };
  const forward = async (id: string, group: string) => {
    const { data, errors } = await gql<{ forwardCase: CaseView }>(
      `mutation($id: ID!, $group: String!) { forwardCase(caseId: $id, answerGroupKey: $group, message: "Ring upp vårdnadshavaren") { ${CASE_FIELDS} } }`,
      { id, group },
      agent,
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.forwardCase;
  };
  const read = async (id: string, token: string) => {
    const { data, errors } = await gql<{ case: CaseView }>(
      `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
      { id },
      token,
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.case;
  };
  const auditFor = async (personalNumber: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber });
    return hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id } });
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: allPluginsWithRegister(sandbox),
      cases: DEMO_CASE_SETUP,
      access: { protectedIdentity: { clearedAnswerGroups: ['socialtjanst'] } },
    });
    agent = await hub.token('agent', 'agent-alva', 'Alva Agent');
    officer = await hub.token('case_officer', 'officer-karin', 'Karin Lund');
    outsider = await hub.token('case_officer', 'officer-nina', 'Nina Ek');
    cleared = await hub.token('case_officer', 'officer-sara', 'Sara Berg');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('stores a Swedish number in E.164 and shows it as Swedes write it', async () => {
    const registered = await register(ANNA, { phone: '070 123 45 67', email: 'Anna@Exempel.se' });
    expect(registered.contact).toEqual({
      phone: '+46701234567',
      phoneText: '070-123 45 67',
      email: 'anna@exempel.se',
      preferred: 'PHONE',
    });
    const row = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ id: registered.id });
    expect(row).toMatchObject({ contactPhone: '+46701234567', contactEmail: 'anna@exempel.se', version: 1 });
  });

  it.each([
    [{ phone: '12345' }, 'input.contact.phone'],
    [{ phone: '+47 912 34 567' }, 'input.contact.phone'],
    [{ email: 'anna.exempel.se' }, 'input.contact.email'],
    [{ email: 'anna@exempel.se', preferred: 'PHONE' }, 'input.contact.preferred'],
  ])('refuses %j, naming %s, and writes nothing', async (contact, field) => {
    const before = await hub.dataSource.getRepository(ServiceCase).count();
    const { errors } = await gql(
      `mutation($input: RegisterContactInput!) { registerContact(input: $input) { id } }`,
      {
        input: {
          channel: 'PHONE',
          categoryKey: 'barnomsorgsplats',
          personalNumber: ANNA,
          summary: 'x',
          contact,
        },
      },
      agent,
    );
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await hub.dataSource.getRepository(ServiceCase).count()).toBe(before);
  });

  it('shows the answer group whom to call back; a case officer of another group sees neither', async () => {
    const registered = await register(ANNA, { phone: '0701234567', preferred: 'PHONE' });
    await forward(registered.id, 'forskola');

    const seen = await read(registered.id, officer);
    expect(seen.person).toEqual({ personalNumber: ANNA, name: 'Anna Andersson', protectedIdentity: false });
    expect(seen.contact).toMatchObject({ phone: '+46701234567', phoneText: '070-123 45 67' });

    const other = await read(registered.id, outsider);
    expect(other.reference).toBe(registered.reference);
    expect(other.person).toBeNull();
    expect(other.contact).toBeNull();
    expect(JSON.stringify(other)).not.toContain('0701234567');
    expect(JSON.stringify(other)).not.toContain(ANNA);
  });

  it('audits every read of the callback details, with the case as purpose', async () => {
    const registered = await register(BERTIL, { email: 'bertil@exempel.se' });
    const before = (await auditFor(BERTIL)).length;
    await read(registered.id, agent);
    const rows = await auditFor(BERTIL);
    expect(rows.length).toBe(before + 1);
    const last = rows.find(
      (r) => r.fieldGroups.includes('callbackContact') && r.actorSubject === 'agent-alva',
    );
    expect(last).toMatchObject({ purpose: registered.reference });
    expect(last!.fieldGroups).toEqual(expect.arrayContaining(['callbackContact', 'casePerson']));
    expect(last!.plugins).toContain('population-register');
  });

  it('blanks a protected person’s callback details unless the reader is cleared', async () => {
    const registered = await register(CECILIA, { phone: '08-123 456 78', email: 'c@exempel.se' });
    expect(registered.person).toMatchObject({ protectedIdentity: true });
    expect(registered.contact).toEqual({
      phone: 'Skyddad uppgift',
      phoneText: 'Skyddad uppgift',
      email: 'Skyddad uppgift',
      preferred: 'PHONE',
    });
    await forward(registered.id, 'socialtjanst');
    const forCleared = await read(registered.id, cleared);
    expect(forCleared.contact).toMatchObject({ phone: '+46812345678', phoneText: '08-123 456 78' });
  });

  it('prefills from the person’s previous contact, blanked alike for a protected person', async () => {
    const query = `query($pn: String!) { previousContact(personalNumber: $pn) { phoneText email preferred fromReference } }`;
    const latest = await register(ANNA, {
      phone: '031-12 34 56',
      email: 'anna@exempel.se',
      preferred: 'EMAIL',
    });
    const { data } = await gql<{ previousContact: Record<string, string> }>(
      query,
      { pn: '19900101-2385' },
      agent,
    );
    expect(data!.previousContact).toEqual({
      phoneText: '031-12 34 56',
      email: 'anna@exempel.se',
      preferred: 'EMAIL',
      fromReference: latest.reference,
    });
    const protectedOne = await gql<{ previousContact: Record<string, string> }>(
      query,
      { pn: CECILIA },
      agent,
    );
    expect(protectedOne.data!.previousContact.phoneText).toBe('Skyddad uppgift');
    const nobody = await gql<{ previousContact: null }>(query, { pn: '189001019802' }, agent);
    expect(nobody.data!.previousContact).toBeNull();
  });

  it('names the officer who takes the case, never by login id', async () => {
    const registered = await register(ANNA, { phone: '0701234567' });
    await forward(registered.id, 'forskola');
    const { data } = await gql<{ assignCase: CaseView }>(
      `mutation($id: ID!) { assignCase(caseId: $id) { ${CASE_FIELDS} } }`,
      { id: registered.id },
      officer,
    );
    expect(data!.assignCase.assigneeName).toBe('Karin Lund');
    const assigned = data!.assignCase.events.find((e) => e.type === 'ASSIGNED')!;
    expect(assigned).toMatchObject({ actorName: 'Karin Lund', message: 'Karin Lund' });
    expect(JSON.stringify(data!.assignCase.events)).not.toContain('officer-karin');
  });

  it('gives the second of two officers writing from the same version a CONFLICT, and keeps the first', async () => {
    const registered = await register(ANNA, { phone: '0701234567' });
    const forwarded = await forward(registered.id, 'forskola');
    const note = (text: string) =>
      gql<{ addCaseNote: CaseView }>(
        `mutation($id: ID!, $text: String!, $version: Int) { addCaseNote(caseId: $id, text: $text, version: $version) { version } }`,
        { id: registered.id, text, version: forwarded.version },
        officer,
      );
    const first = await note('Ringt, inget svar');
    expect(first.data!.addCaseNote.version).toBe(forwarded.version + 1);
    const second = await note('Pratat med vårdnadshavaren');
    expect(second.errors[0].extensions.code).toBe('CONFLICT');
    const events = (await read(registered.id, officer)).events.map((e) => e.message);
    expect(events).toContain('Ringt, inget svar');
    expect(events).not.toContain('Pratat med vårdnadshavaren');
  });

  it('lets two writers race on one version: exactly one wins', async () => {
    const registered = await register(ANNA, { phone: '0701234567' });
    const forwarded = await forward(registered.id, 'forskola');
    const close = (resolution: string) =>
      gql<{ closeCase: CaseView }>(
        `mutation($id: ID!, $r: String!, $version: Int) { closeCase(caseId: $id, resolution: $r, version: $version) { version } }`,
        { id: registered.id, r: resolution, version: forwarded.version },
        officer,
      );
    const results = await Promise.all([close('Svar A'), close('Svar B')]);
    const codes = results.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes[0]).not.toBe(codes[1]);
    expect(codes).toContain('OK');
  });

  it('parks a case while waiting for the citizen, and it wakes up by itself on its date (development clock), with an event', async () => {
    const registered = await register(ANNA, { phone: '0701234567' });
    await forward(registered.id, 'forskola');
    const wakeOn = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Stockholm',
    });
    const fields = 'status wakeDate dueAt dueText events { type actorName message }';
    const { data, errors } = await gql<{ parkCase: Record<string, unknown> }>(
      `mutation($id: ID!, $wakeOn: Date!) { parkCase(caseId: $id, wakeOn: $wakeOn, reason: "Väntar på intyg") { ${fields} } }`,
      { id: registered.id, wakeOn },
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data!.parkCase).toMatchObject({ status: 'WAITING_FOR_CUSTOMER', wakeDate: wakeOn, dueAt: null });
    // Someone outside the group may not park it.
    const outside = await gql(
      `mutation($id: ID!, $wakeOn: Date!) { parkCase(caseId: $id, wakeOn: $wakeOn, reason: "x") { id } }`,
      { id: registered.id, wakeOn },
      outsider,
    );
    expect(outside.errors[0].extensions.code).toBe('FORBIDDEN');

    await fetch(`${hub.url}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hours: 24 * 4 }),
    });
    const until = Date.now() + 10_000;
    let woken: { status: string; events: { type: string; actorName: string | null }[] };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      woken = (
        await gql<{ case: typeof woken }>(
          `query($id: ID!) { case(id: $id) { status events { type actorName } } }`,
          { id: registered.id },
          officer,
        )
      ).data!.case;
    } while (woken.status !== 'FORWARDED' && Date.now() < until);
    expect(woken.status).toBe('FORWARDED');
    expect(woken.events.at(-1)).toEqual({ type: 'RESUMED', actorName: 'Frontdoor' });
    await fetch(`${hub.url}/dev/clock/reset`, { method: 'POST' });
  });
});

import { randomUUID } from 'node:crypto';
import { AuditRecord } from '@frontdoor/core';
import {
  childcarePluginOnly,
  DEMO_CASE_SETUP,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

interface Group {
  day: string;
  readerKind: string;
  reader: string;
  things: string[];
  reads: number;
  purposes: string[];
}
interface Page {
  me: { accessLog: { groups: Group[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}

const PAGE = `query ($first: Int, $after: String) {
  me { accessLog(first: $first, after: $after) {
    groups { day readerKind reader things reads purposes }
    pageInfo { hasNextPage endCursor }
  } }
}`;

const ANNA = '199001012385';
const OTHER = '196408233234';

/**
 * `me { accessLog }`: the citizen's access history grouped by Stockholm day and kind of reader, in
 * plain Swedish, their own reads left out, paged by keyset (issue 23).
 */
describe('me { accessLog }: who read my data, by day and kind, paged', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let citizen: string;
  let caseReference: string;
  let annaParty: string;

  const row = (partyId: string, at: string, role: string, more: Partial<AuditRecord> = {}) => ({
    id: randomUUID(),
    occurredAt: new Date(at),
    actorSubject: role === 'citizen' ? ANNA : `${role}-someone`,
    actorRole: role,
    partyId,
    plugins: [] as string[],
    fieldGroups: [] as string[],
    purpose: null as string | null,
    requestId: randomUUID(),
    ...more,
  });

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox), cases: DEMO_CASE_SETUP });
    citizen = await hub.token('citizen', ANNA);
    const other = await hub.token('citizen', OTHER);
    const agent = await hub.token('agent', 'agent-alva');
    // The citizens' parties come into being as they sign in (and their own reads are logged).
    await hub.graphql('{ me { person { personalNumber } } }', {}, { token: citizen });
    await hub.graphql('{ me { person { personalNumber } } }', {}, { token: other });
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Erbjudandet", resolvedAtFirstLine: true, resolution: "Svara senast 5 december" }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(registered.errors).toBeUndefined();
    caseReference = registered.data!.registerContact.reference;
    // A real read with the open case as its purpose: today, by staff.
    const read = await hub.graphql(
      `{ person(personalNumber: "${ANNA}", purpose: "${registered.data!.registerContact.id}") { statuses { reference } } }`,
      {},
      { token: agent },
    );
    expect(read.errors).toBeUndefined();
    const audit = hub.dataSource.getRepository(AuditRecord);
    const parties = await audit
      .createQueryBuilder('a')
      .select(['a.actorSubject', 'a.partyId'])
      .where("a.actor_role = 'citizen'")
      .getMany();
    annaParty = parties.find((p) => p.actorSubject === ANNA)!.partyId;
    const otherParty = parties.find((p) => p.actorSubject === OTHER)!.partyId;
    // Ten earlier days, each read by staff and by a system: twenty groups.
    const rows = [];
    for (let d = 10; d <= 19; d++) {
      rows.push(
        row(annaParty, `2026-11-${d}T09:00:00Z`, 'agent', {
          plugins: ['childcare-queue'],
          fieldGroups: ['statuses'],
          purpose: 'Misstänkt fusk, kolla med chefen',
        }),
        row(annaParty, `2026-11-${d}T10:00:00Z`, 'case_officer', { fieldGroups: ['callbackContact'] }),
        row(annaParty, `2026-11-${d}T11:00:00Z`, 'service', {
          fieldGroups: ['cases'],
          purpose: 'Mina ärenden',
        }),
      );
    }
    rows.push(
      // 23:30 UTC on the 20th is half past midnight on the 21st in Stockholm.
      row(annaParty, '2026-11-20T23:30:00Z', 'agent', {
        plugins: ['mystery-system'],
        fieldGroups: ['secretInternalField'],
      }),
      // A day with only the citizen's own reads: not shown at all.
      row(annaParty, '2026-11-05T12:00:00Z', 'citizen', {
        fieldGroups: ['statuses'],
        purpose: 'egen uppgift',
      }),
      // Another citizen's reads, on days Anna has reads too and on a day she has none.
      row(otherParty, '2026-11-12T09:30:00Z', 'agent', {
        plugins: ['building-permits'],
        purpose: 'Grannens bygglov',
      }),
      row(otherParty, '2026-11-03T09:30:00Z', 'admin', { fieldGroups: ['populationRecord'] }),
    );
    await audit.insert(rows);
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  async function page(first: number, after?: string | null) {
    const { data, errors } = await hub.graphql<Page>(PAGE, { first, after }, { token: citizen });
    expect(errors).toBeUndefined();
    return data!.me.accessLog;
  }

  async function everything(first: number) {
    const groups: Group[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const next = await page(first, after);
      groups.push(...next.groups);
      if (!next.pageInfo.hasNextPage) return { groups, pages: pages + 1 };
      expect(next.pageInfo.endCursor).toEqual(expect.any(String));
      after = next.pageInfo.endCursor;
    }
    throw new Error('the access log never ended');
  }

  it('pages through every group once, newest day first, whatever the page size', async () => {
    const all = await everything(50);
    const keys = all.groups.map((g) => `${g.day} ${g.readerKind}`);
    const today = keys[0]!.slice(0, 10);
    expect(keys).toEqual([
      `${today} STAFF`,
      '2026-11-21 STAFF',
      ...[19, 18, 17, 16, 15, 14, 13, 12, 11, 10].flatMap((d) => [
        `2026-11-${d} STAFF`,
        `2026-11-${d} SYSTEM`,
      ]),
    ]);
    for (const size of [1, 3, 7]) {
      const paged = await everything(size);
      expect(paged.groups.map((g) => `${g.day} ${g.readerKind}`)).toEqual(keys);
      expect(paged.pages).toBe(Math.ceil(keys.length / size));
    }
  });

  it('counts the reads of a day and kind together, in plain Swedish', async () => {
    const { groups } = await everything(50);
    const staff = groups.find((g) => g.day === '2026-11-15' && g.readerKind === 'STAFF')!;
    expect(staff).toEqual({
      day: '2026-11-15',
      readerKind: 'STAFF',
      reader: 'Handläggare och kundtjänst',
      things: ['Förskola', 'dina kontaktuppgifter', 'dina ärenden hos förvaltningarna'],
      reads: 2,
      purposes: ['en kontakt med kommunen'],
    });
    const system = groups.find((g) => g.day === '2026-11-15' && g.readerKind === 'SYSTEM')!;
    expect(system).toMatchObject({ reader: 'Systemet', things: ['dina ärenden hos kommunen'], reads: 1 });
    expect(system.purposes).toEqual(['Mina ärenden (den nationella tjänsten)']);
    // Today's read named the open case: the citizen sees its reference.
    expect(groups[0]!.purposes).toContain(`ditt ärende ${caseReference}`);
    expect(groups[0]!.things).toContain('Förskola');
    // Unknown names become the generic text, never the raw id.
    expect(groups.find((g) => g.day === '2026-11-21')!.things).toEqual([
      'en av kommunens förvaltningar',
      'andra uppgifter om dig',
    ]);
  });

  it('leaves out the citizen’s own reads, other citizens’ reads and internal names', async () => {
    const { groups } = await everything(50);
    expect(groups.map((g) => g.day)).not.toContain('2026-11-05');
    expect(groups.map((g) => g.day)).not.toContain('2026-11-03');
    expect(groups.every((g) => g.readerKind !== 'REPRESENTATIVE')).toBe(true);
    const text = JSON.stringify(groups);
    for (const hidden of [
      'childcare-queue',
      'building-permits',
      'Bygglov',
      'Grannens',
      'mystery-system',
      'secretInternalField',
      'callbackContact',
      'populationRecord',
      'folkbokföringsuppgifter',
      'Misstänkt',
      'agent-alva',
      'egen uppgift',
    ])
      expect(text).not.toContain(hidden);
    // The 12th: Anna's own reads only (staff and system), not the neighbour's.
    expect(groups.find((g) => g.day === '2026-11-12' && g.readerKind === 'STAFF')!.reads).toBe(2);
  });

  it('refuses a cursor it never gave out and a page size out of bounds, with a clear error', async () => {
    for (const after of [
      'nonsense',
      Buffer.from('2026-11-15|NOBODY').toString('base64url'),
      'MjAyNi0xMS0xNQ',
    ]) {
      const { data, errors } = await hub.graphql(PAGE, { first: 5, after }, { token: citizen });
      expect(data).toBeNull();
      expect(errors?.[0]).toMatchObject({
        message: 'after: not a cursor from this access log.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    for (const first of [0, 51]) {
      const { errors } = await hub.graphql(PAGE, { first }, { token: citizen });
      expect(errors?.[0]).toMatchObject({
        message: 'first: between 1 and 50.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('keeps the old accessHistory field answering, marked deprecated', async () => {
    const { data, errors } = await hub.graphql<{ me: { accessHistory: unknown[] } }>(
      '{ me { accessHistory { role } } }',
      {},
      { token: citizen },
    );
    expect(errors).toBeUndefined();
    expect(data!.me.accessHistory.length).toBeGreaterThan(0);
  });
});

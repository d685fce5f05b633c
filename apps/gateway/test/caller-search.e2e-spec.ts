import { AuditRecord, Party } from '@frontdoor/core';
import { namesakes } from '@frontdoor/dept-sandbox';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Finding the caller without a personal number: by the case reference they quote, and by
 * name and address in the population register (SPAR-like). Confidential cases follow the
 * case rules (another group's is "no hit", exactly like an unknown reference); protected
 * identities are never listed; a register that does not answer is an error, never "no hit".
 */
const ANNA = '199001012385';
const BERTIL = '196408233234';
const CECILIA = '200002292399';

const SEARCH = `query ($name: String, $address: String, $postalCode: String, $birthYear: String) {
  personSearch(name: $name, address: $address, postalCode: $postalCode, birthYear: $birthYear) {
    tooMany total people { personalNumber givenName surname birthYear address { street postalCode city } }
  }
}`;
interface SearchAnswer {
  personSearch: {
    tooMany: boolean;
    total: number;
    people: { personalNumber: string; givenName: string; surname: string; birthYear: number }[];
  } | null;
}
const BY_REFERENCE = `query ($reference: String!) {
  caseByReference(reference: $reference) { id reference status person { personalNumber } }
}`;
interface ReferenceAnswer {
  caseByReference: { id: string; reference: string; person: { personalNumber: string } | null } | null;
}

describe('caller search: by case reference and by name and address', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let agent: string;

  beforeAll(async () => {
    // 25 namesakes: more than the register lists at once.
    sandbox = await startSandbox({ extraRegisterRecords: namesakes('Lindqvist', 25) });
    hub = await startHub({
      sandbox,
      plugins: allPluginsWithRegister(sandbox, { cache: { ttlMs: 0, staleIfErrorMs: 0 } }),
      cases: DEMO_CASE_SETUP,
      access: { protectedIdentity: { clearedAnswerGroups: ['socialtjanst'] } },
    });
    agent = await hub.token('agent', 'agent-alva');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const register = async (input: string) => {
    const { data, errors } = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: ${input}) { id reference } }`,
      {},
      { token: agent },
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.registerContact;
  };
  const byReference = (reference: string, token: string) =>
    hub.graphql<ReferenceAnswer>(BY_REFERENCE, { reference }, { token });
  const search = (variables: Record<string, string>, token = agent) =>
    hub.graphql<SearchAnswer>(SEARCH, variables, { token });
  const auditRows = async (personalNumber: string, actorSubject: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber });
    return hub.dataSource.getRepository(AuditRecord).findBy({ partyId: party.id, actorSubject });
  };

  describe('by case reference', () => {
    it('finds the case and its person, however the reference is typed, and audits the read', async () => {
      const own = await register(
        `{ channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Fråga om kön" }`,
      );
      const reader = await hub.token('agent', 'agent-ref-reader');
      for (const typed of [own.reference, ` ${own.reference.toLowerCase()} `]) {
        const { data, errors } = await byReference(typed, reader);
        expect(errors).toBeUndefined();
        expect(data!.caseByReference).toMatchObject({ id: own.id, reference: own.reference });
        expect(data!.caseByReference!.person).toEqual({ personalNumber: ANNA });
      }
      const rows = await auditRows(ANNA, 'agent-ref-reader');
      expect(rows.some((r) => r.fieldGroups.includes('caseByReference'))).toBe(true);
    });

    it('answers another group’s confidential case exactly like an unknown reference; its group and its registrar find it', async () => {
      const secret = await register(
        `{ channel: PHONE, categoryKey: "forsorjningsstod", personalNumber: "${BERTIL}", summary: "Fråga om utbetalning" }`,
      );
      const forwarded = await hub.graphql(
        'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "socialtjanst", message: "Ring upp") { id } }',
        { id: secret.id },
        { token: agent },
      );
      expect(forwarded.errors).toBeUndefined();
      const otherGroup = await hub.token('case_officer', 'officer-karin');
      const otherAgent = await hub.token('agent', 'agent-bo');
      const unknown = await byReference('FD-2026-ZZZZZZ', otherGroup);
      expect(unknown).toMatchObject({ status: 200, data: { caseByReference: null }, errors: undefined });
      for (const token of [otherGroup, otherAgent]) {
        const hidden = await byReference(secret.reference, token);
        expect({ status: hidden.status, data: hidden.data, errors: hidden.errors }).toEqual({
          status: unknown.status,
          data: unknown.data,
          errors: unknown.errors,
        });
      }
      for (const token of [await hub.token('case_officer', 'officer-sara'), agent]) {
        const { data } = await byReference(secret.reference, token);
        expect(data!.caseByReference?.id).toBe(secret.id);
      }
      // Nothing was read about Bertil by those who were told "no hit".
      expect(await auditRows(BERTIL, 'officer-karin')).toEqual([]);
    });

    it('refuses what is not a reference with a clear error, and a citizen altogether', async () => {
      const bad = await byReference('FD-2026-0O1IL', agent);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].message).toMatch(/FD-2026-4F7K2Q/);
      const citizen = await byReference('FD-2026-ZZZZZZ', await hub.token('citizen', ANNA));
      expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('by name and address', () => {
    it('lists the people by name, with birth year and address, and audits each one listed', async () => {
      const token = await hub.token('agent', 'agent-searcher');
      const { data, errors } = await search({ name: 'anna andersson' }, token);
      expect(errors).toBeUndefined();
      expect(data!.personSearch).toEqual({
        tooMany: false,
        total: 1,
        people: [
          {
            personalNumber: ANNA,
            givenName: 'Anna',
            surname: 'Andersson',
            birthYear: 1990,
            address: { street: 'Storgatan 12', postalCode: '123 45', city: 'Exempelstad' },
          },
        ],
      });
      const rows = await auditRows(ANNA, 'agent-searcher');
      expect(rows.map((r) => [r.plugins, r.fieldGroups])).toEqual([
        [['population-register'], ['personSearch']],
      ]);
    });

    it('never lists a protected person, by name or by address, not even to a cleared reader', async () => {
      const cleared = await hub.token('case_officer', 'officer-sara');
      const nobody = await search({ name: 'Zyxwvu' });
      expect(nobody).toMatchObject({ data: { personSearch: null }, errors: undefined });
      for (const token of [agent, cleared]) {
        for (const variables of [
          { name: 'Cecilia' } as Record<string, string>,
          { name: 'Carlsson' },
          { address: 'Björkvägen 7' },
          { name: 'Carlsson', postalCode: '123 50' },
        ]) {
          const answer = await search(variables, token);
          // Exactly what a name nobody has gets: not even a count says someone is there.
          expect({ data: answer.data, errors: answer.errors }).toEqual({
            data: nobody.data,
            errors: undefined,
          });
          expect(JSON.stringify(answer)).not.toContain(CECILIA);
        }
      }
    });

    it('says "too many" instead of a long list, and lists them once the search is narrowed', async () => {
      const wide = await search({ name: 'Lindqvist' });
      expect(wide.data!.personSearch).toEqual({ tooMany: true, total: 25, people: [] });
      const narrowed = await search({ name: 'Lindqvist', address: 'Namnlösa gatan 2' });
      // Namnlösa gatan 2 and 20–25 (the street begins so).
      expect(narrowed.data!.personSearch!.tooMany).toBe(false);
      expect(narrowed.data!.personSearch!.people).toHaveLength(7);
    });

    it.each([
      [{ name: 'A' }, 'name'],
      [{}, 'name'],
      [{ name: 'Andersson', birthYear: '90' }, 'birthYear'],
      [{ name: 'Andersson', postalCode: '1234' }, 'postalCode'],
    ])('refuses %p with a clear error naming %s', async (variables, field) => {
      const { data, errors } = await search(variables);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toContain(field);
      expect(data?.personSearch ?? null).toBeNull();
    });

    it('is for staff only', async () => {
      const { errors } = await search({ name: 'Andersson' }, await hub.token('citizen', ANNA));
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('a register that does not answer is an error, never an empty list', async () => {
      await sandbox.setFault({ system: 'register', mode: 'error' });
      const { data, errors } = await search({ name: 'Anna Andersson' });
      expect(errors?.length).toBeGreaterThan(0);
      expect(errors![0].extensions?.code).not.toBe('BAD_USER_INPUT');
      expect(data?.personSearch ?? null).toBeNull();
    });
  });
});

import { Field, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { StatusState, definePlugin, PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import { AuditRecord, Party, PowerOfAttorney, stockholmDate } from '@frontdoor/core';
import * as buildingPermits from '@frontdoor/plugin-building-permits';
import * as childcareQueue from '@frontdoor/plugin-childcare-queue';
import * as invoicing from '@frontdoor/plugin-invoicing';
import * as populationRegister from '@frontdoor/plugin-population-register';
import * as wasteCollection from '@frontdoor/plugin-waste-collection';
import { childInCustody, type RegisterRecord } from '@frontdoor/dept-sandbox';
import { PluginHost } from '@frontdoor/gateway';
import {
  TestClock,
  allPluginsWithRegister,
  dayAfter,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Issue 24, item 3: guardians (custody from the population register) and ombud (powers of
 * attorney registered by staff) read a person's matters on their behalf, decided on every read,
 * every refusal audited, and the person's own access log naming who read for them.
 */
const ANNA = '199001012385'; // guardian of Tilde
const TILDE = '202402292383'; // minor, Anna's child
const BERTIL = '196408233234'; // ombud for Olga (in the tests); guardian of the made-up children below
const CECILIA = '200002292399'; // protected, guardian of Cleo
const CLEO = '202106109818'; // minor, protected
const OLGA = '190001019801'; // principal: permit decided, waste customer

const INCOME_SUPPORT = 'Ekonomiskt bistånd';

@ObjectType({ description: 'Test fixture: an income-support matter.' })
class IncomeSupportFixture {
  @Field() paymentDate!: string;
}

/** A department under secrecy (OSL 26:1) with a matter for everyone, read from the sandbox's demo people. */
const incomeSupportPlugin = definePlugin({
  id: 'income-support-demo',
  department: INCOME_SUPPORT,
  version: '0.0.1',
  sdk: '^4.1',
  secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
  config: z.object({}),
  connection: { healthPath: 'demo/people' },
  person: {
    fetch: ({ http }) => http.getJson('demo/people'),
    answer: z.array(z.object({ personalNumber: z.string() }).loose()),
    statuses: (_answer, _today, reader) => [
      {
        kind: 'income-support-application',
        reference: 'EB-2026-12',
        title: 'Ansökan om försörjningsstöd',
        state: StatusState.IN_PROGRESS,
        label: reader?.kind === 'representative' ? 'Utreds (till ombud)' : 'Utreds',
      },
    ],
    detail: {
      field: 'incomeSupportFixture',
      description: 'Test fixture.',
      type: () => IncomeSupportFixture,
      map: () => ({ paymentDate: '2026-12-23' }),
      mandate: 1,
    },
    whereabouts: [],
    placeIds: [],
  },
});

const MODULES: Record<string, unknown> = {
  '@frontdoor/plugin-building-permits': buildingPermits,
  '@frontdoor/plugin-childcare-queue': childcareQueue,
  '@frontdoor/plugin-invoicing': invoicing,
  '@frontdoor/plugin-population-register': populationRegister,
  '@frontdoor/plugin-waste-collection': wasteCollection,
  '@frontdoor/plugin-income-support-demo': { plugin: incomeSupportPlugin },
};

const BERTIL_RECORD: RegisterRecord = {
  personalNumber: BERTIL,
  givenName: 'Bertil',
  surname: 'Berg',
  address: { careOf: null, street: 'Ekvägen 3', postalCode: '123 47', city: 'Exempelstad' },
  municipality: 'Exempelstad',
  confidentialityMarking: false,
  protectedRegistration: false,
  deceased: false,
};

const TODAY = stockholmDate(new Date());
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;
// Bertil's two made-up children: one turns 18 today (no longer a minor), one tomorrow (still one).
const [ADULT_TODAY_RECORD] = childInCustody(yearsBefore(TODAY, 18), 'Vuxen', [BERTIL_RECORD], 1);
const [MINOR_UNTIL_TOMORROW_RECORD, BERTIL_WITH_CHILDREN] = childInCustody(
  yearsBefore(dayAfter(TODAY), 18),
  'Snart',
  [{ ...BERTIL_RECORD, relations: [{ type: 'B', personalNumber: ADULT_TODAY_RECORD.personalNumber }] }],
  2,
);
const ADULT_TODAY = ADULT_TODAY_RECORD.personalNumber;
const MINOR_UNTIL_TOMORROW = MINOR_UNTIL_TOMORROW_RECORD.personalNumber;

const READ = `query ($pn: String!) { person(personalNumber: $pn) {
  personalNumber protectedIdentity
  statuses { source reference label }
  sources { plugin state reason }
} }`;

interface ReadAnswer {
  person: {
    personalNumber: string;
    protectedIdentity: boolean;
    statuses: { source: string; reference: string; label: string | null }[];
    sources: { plugin: string; state: string; reason: string | null }[];
  } | null;
}

const POWER_FIELDS =
  'id principalPersonalNumber agentPersonalNumber departments allOpenDepartments validFrom validTo state registeredBy revokedBy';

describe('representatives: guardians and ombud read on the person’s behalf (issue 24, item 3)', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<
    'anna' | 'bertil' | 'cecilia' | 'tilde' | 'olga' | 'agent' | 'admin' | 'officer',
    string
  >;

  beforeAll(async () => {
    sandbox = await startSandbox({
      extraRegisterRecords: [ADULT_TODAY_RECORD, MINOR_UNTIL_TOMORROW_RECORD, BERTIL_WITH_CHILDREN],
    });
    hub = await startHub({
      sandbox,
      // No cache on the register: a register that is down is seen at once (and custody is read anew).
      plugins: {
        ...allPluginsWithRegister(sandbox, { cache: { ttlMs: 0, staleIfErrorMs: 0 } }),
        'income-support-demo': { connection: { baseUrl: sandbox.url, auth: { scheme: 'none' } } },
      },
      loadModule: (specifier) => MODULES[specifier],
    });
    // The waste answers come from its import: wait for it rather than race the first read.
    await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');
    tokens = {
      anna: await hub.token('citizen', ANNA, 'Anna Andersson'),
      bertil: await hub.token('citizen', BERTIL, 'Bertil Berg'),
      cecilia: await hub.token('citizen', CECILIA, 'Cecilia Carlsson'),
      tilde: await hub.token('citizen', TILDE, 'Tilde Andersson'),
      olga: await hub.token('citizen', OLGA, 'Olga Olsson'),
      agent: await hub.token('agent', 'agent-karin'),
      admin: await hub.token('admin', 'admin-adam'),
      officer: await hub.token('case_officer', 'officer-olle'),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const read = (token: string, pn: string) => hub.graphql<ReadAnswer>(READ, { pn }, { token });
  const refusalOf = async (token: string, pn: string) => {
    const response = await read(token, pn);
    expect(response.data?.person ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    return {
      code: response.errors![0].extensions?.code,
      reason: response.errors![0].extensions?.reason,
      message: response.errors![0].message,
    };
  };
  const registerPower = async (input: Record<string, unknown>, token = tokens.agent) =>
    hub.graphql<{ registerPowerOfAttorney: Record<string, unknown> & { id: string } }>(
      `mutation ($input: RegisterPowerOfAttorneyInput!) { registerPowerOfAttorney(input: $input) { ${POWER_FIELDS} } }`,
      { input },
      { token },
    );
  const auditRowsOf = async (pn: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: pn });
    return hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id }, order: { occurredAt: 'ASC' } });
  };
  const stateOf = (answer: ReadAnswer, plugin: string) =>
    answer.person!.sources.find((s) => s.plugin === plugin)!;

  describe('a guardian', () => {
    it('reads a minor child’s matters in every open department, as a representative, and not a secrecy department', async () => {
      const response = await read(tokens.anna, TILDE);
      expect(response.errors).toBeUndefined();
      const answer = response.data!;
      expect(answer.person!.personalNumber).toBe(TILDE);
      for (const plugin of [
        'population-register',
        'childcare-queue',
        'invoicing',
        'waste-collection',
        'building-permits',
      ])
        expect(stateOf(answer, plugin).state).toBe('OK');
      expect(stateOf(answer, 'income-support-demo')).toEqual({
        plugin: 'income-support-demo',
        state: 'WITHHELD',
        reason: expect.stringMatching(/omfattas av sekretess.*OSL 12:3/),
      });
      expect(answer.person!.statuses.map((s) => s.source)).not.toContain('income-support-demo');
      const record = await hub.graphql<{ person: { populationRecord: { givenName: string } } }>(
        `{ person(personalNumber: "${TILDE}") { populationRecord { givenName } } }`,
        {},
        { token: tokens.anna },
      );
      expect(record.errors).toBeUndefined();
      expect(record.data!.person.populationRecord.givenName).toBe('Tilde');
    });

    it('records "on behalf of" in the audit, and the child’s own access log names the guardian', async () => {
      await read(tokens.anna, TILDE);
      const rows = await auditRowsOf(TILDE);
      const onBehalf = rows.filter((r) => r.representation === 'guardian' && r.refusal === null);
      expect(onBehalf.length).toBeGreaterThan(0);
      expect(onBehalf[0]).toMatchObject({
        actorRole: 'citizen',
        actorSubject: ANNA,
        representativePn: ANNA,
        representativeName: 'Anna Andersson',
      });
      // The secrecy department she was refused is a refusal row of its own, with the reason.
      expect(
        rows.some((r) => r.refusal?.includes('OSL 12:3') && r.fieldGroups.includes('income-support-demo')),
      ).toBe(true);

      const log = await hub.graphql<{
        me: { accessLog: { groups: { readerKind: string; reader: string; purposes: string[] }[] } };
      }>(
        '{ me { accessLog(first: 10) { groups { readerKind reader purposes } } } }',
        {},
        { token: tokens.tilde },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data!.me.accessLog.groups).toContainEqual({
        readerKind: 'REPRESENTATIVE',
        reader: 'Anna Andersson (vårdnadshavare)',
        purposes: ['läste för din räkning'],
      });
    });

    it('of a child who turns 18 today is refused; of one who turns 18 tomorrow is not', async () => {
      // Custody ends on the 18th birthday: what is left is a power of attorney, and there is none.
      expect(await refusalOf(tokens.bertil, ADULT_TODAY)).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NO_POWER',
        message: expect.stringMatching(/inte vårdnadshavare för ett barn under 18 år/),
      });
      const minor = await read(tokens.bertil, MINOR_UNTIL_TOMORROW);
      expect(minor.errors).toBeUndefined();
      expect(stateOf(minor.data!, 'population-register').state).toBe('OK');
    });

    it('is refused for a child who is not theirs (NOT_GUARDIAN), and the refusal is audited', async () => {
      expect(await refusalOf(tokens.bertil, TILDE)).toEqual({
        code: 'FORBIDDEN',
        reason: 'NOT_GUARDIAN',
        message: 'Du är inte vårdnadshavare för barnet enligt folkbokföringen.',
      });
      const rows = await auditRowsOf(TILDE);
      expect(rows).toContainEqual(
        expect.objectContaining({
          actorSubject: BERTIL,
          refusal: 'Du är inte vårdnadshavare för barnet enligt folkbokföringen.',
          plugins: [],
        }),
      );
    });

    it('is refused when the population register is down: custody cannot be confirmed (fail closed)', async () => {
      await sandbox.setFault({ system: 'register', mode: 'error' });
      expect(await refusalOf(tokens.anna, TILDE)).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'REGISTER_UNAVAILABLE',
        message: expect.stringMatching(/Folkbokföringen svarar inte/),
      });
      // And the list of children is an error, never "no children".
      const children = await hub.graphql(
        '{ me { childrenInCustody { personalNumber } } }',
        {},
        { token: tokens.anna },
      );
      expect(children.errors?.[0].extensions?.code).toBe('SOURCE_UNAVAILABLE');
    });

    it('of a protected child sees what an uncleared reader sees: whereabouts blanked', async () => {
      const response = await hub.graphql<{
        person: { protectedIdentity: boolean; populationRecord: { address: { street: string } } };
      }>(
        `{ person(personalNumber: "${CLEO}") { protectedIdentity populationRecord { address { street } } } }`,
        {},
        { token: tokens.cecilia },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.person).toEqual({
        protectedIdentity: true,
        populationRecord: { address: { street: PROTECTED_TEXT } },
      });
      expect(JSON.stringify(response.data)).not.toContain('Björkvägen');
    });

    it('is offered the minors in their custody on their own page, and no hub cases of the child', async () => {
      const me = await hub.graphql<{
        me: { childrenInCustody: { personalNumber: string; birthDate: string }[] };
      }>('{ me { childrenInCustody { personalNumber birthDate } } }', {}, { token: tokens.bertil });
      expect(me.errors).toBeUndefined();
      // The child who turned 18 today is no longer listed.
      expect(me.data!.me.childrenInCustody.map((c) => c.personalNumber)).toEqual([MINOR_UNTIL_TOMORROW]);
      const cases = await hub.graphql(
        `{ person(personalNumber: "${TILDE}") { cases { reference } } }`,
        {},
        { token: tokens.anna },
      );
      expect(cases.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('an ombud with a power of attorney', () => {
    let bygglov: string;

    beforeAll(async () => {
      const registered = await registerPower({
        principalPersonalNumber: OLGA,
        agentPersonalNumber: '19640823-3234',
        departments: ['Bygglov'],
        validFrom: TODAY,
        validTo: dayAfter(dayAfter(TODAY)),
      });
      expect(registered.errors).toBeUndefined();
      bygglov = registered.data!.registerPowerOfAttorney.id;
      expect(registered.data!.registerPowerOfAttorney).toMatchObject({
        principalPersonalNumber: OLGA,
        agentPersonalNumber: BERTIL,
        departments: ['Bygglov'],
        allOpenDepartments: false,
        state: 'ACTIVE',
        registeredBy: 'agent-karin',
      });
    });

    it('reads the departments in scope; the others are WITHHELD with the reason and audited as refusals', async () => {
      const response = await read(tokens.bertil, OLGA);
      expect(response.errors).toBeUndefined();
      expect(stateOf(response.data!, 'building-permits').state).toBe('OK');
      expect(response.data!.person!.statuses.map((s) => s.source)).toEqual(['building-permits']);
      expect(stateOf(response.data!, 'waste-collection')).toEqual({
        plugin: 'waste-collection',
        state: 'WITHHELD',
        reason: 'Fullmakten omfattar inte Avfall och återvinning.',
      });
      const detail = await hub.graphql(
        `{ person(personalNumber: "${OLGA}") { wasteCollection { properties { address } } } }`,
        {},
        { token: tokens.bertil },
      );
      expect(detail.errors?.[0]).toMatchObject({
        message: 'Fullmakten omfattar inte Avfall och återvinning.',
        extensions: { code: 'FORBIDDEN' },
      });
      const rows = await auditRowsOf(OLGA);
      expect(rows).toContainEqual(
        expect.objectContaining({
          representation: `power:${bygglov}`,
          representativePn: BERTIL,
          refusal: null,
        }),
      );
      expect(
        rows.some(
          (r) => r.refusal?.includes('omfattar inte Avfall') && r.fieldGroups.includes('waste-collection'),
        ),
      ).toBe(true);
    });

    it('is refused a power that is not yet valid, and one that has expired, saying which', async () => {
      const future = await registerPower({
        principalPersonalNumber: ANNA,
        agentPersonalNumber: BERTIL,
        allOpenDepartments: true,
        validFrom: dayAfter(TODAY),
      });
      expect(future.errors).toBeUndefined();
      expect(future.data!.registerPowerOfAttorney.state).toBe('NOT_YET_VALID');
      expect(await refusalOf(tokens.bertil, ANNA)).toEqual({
        code: 'FORBIDDEN',
        reason: 'POWER_NOT_YET_VALID',
        message: `Fullmakten gäller först från ${dayAfter(TODAY)}.`,
      });

      // A power that held and has ended (staff cannot register one already ended: put in as time would leave it).
      await hub.dataSource.getRepository(PowerOfAttorney).insert({
        id: randomUUID(),
        principalPersonalNumber: CECILIA,
        agentPersonalNumber: BERTIL,
        departments: ['*'],
        validFrom: '2025-01-01',
        validTo: dayBefore(TODAY),
        registeredBy: 'agent-karin',
        registeredAt: new Date('2025-01-01T09:00:00Z'),
        revokedBy: null,
        revokedAt: null,
      });
      expect(await refusalOf(tokens.bertil, CECILIA)).toEqual({
        code: 'FORBIDDEN',
        reason: 'POWER_EXPIRED',
        message: `Fullmakten gick ut ${dayBefore(TODAY)}.`,
      });
    });

    it('is refused once the power is revoked, at once (read on every request), and the revocation is recorded', async () => {
      const power = await registerPower({
        principalPersonalNumber: OLGA,
        agentPersonalNumber: ANNA,
        departments: ['Avfall och återvinning'],
        validFrom: TODAY,
      });
      const id = power.data!.registerPowerOfAttorney.id;
      expect((await read(tokens.anna, OLGA)).errors).toBeUndefined();
      const revoked = await hub.graphql<{ revokePowerOfAttorney: { state: string; revokedBy: string } }>(
        `mutation { revokePowerOfAttorney(id: "${id}") { state revokedBy } }`,
        {},
        { token: tokens.admin },
      );
      expect(revoked.data!.revokePowerOfAttorney).toEqual({ state: 'REVOKED', revokedBy: 'admin-adam' });
      expect(await refusalOf(tokens.anna, OLGA)).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'POWER_REVOKED',
      });
      const again = await hub.graphql(
        `mutation { revokePowerOfAttorney(id: "${id}") { state } }`,
        {},
        { token: tokens.admin },
      );
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('reaches a secrecy department only when the power names it, and not for a protected principal', async () => {
      const all = await registerPower({
        principalPersonalNumber: OLGA,
        agentPersonalNumber: CECILIA,
        allOpenDepartments: true,
        validFrom: TODAY,
      });
      expect(all.errors).toBeUndefined();
      const open = await read(tokens.cecilia, OLGA);
      expect(stateOf(open.data!, 'waste-collection').state).toBe('OK');
      expect(stateOf(open.data!, 'income-support-demo')).toMatchObject({
        state: 'WITHHELD',
        reason: expect.stringMatching(/måste anges uttryckligen/),
      });

      const named = await registerPower({
        principalPersonalNumber: OLGA,
        agentPersonalNumber: CECILIA,
        departments: [INCOME_SUPPORT],
        validFrom: TODAY,
      });
      expect(named.errors).toBeUndefined();
      const secret = await read(tokens.cecilia, OLGA);
      expect(secret.errors).toBeUndefined();
      expect(stateOf(secret.data!, 'income-support-demo').state).toBe('OK');
      // Worded for a representative by the plugin that was told who reads.
      expect(secret.data!.person!.statuses).toContainEqual({
        source: 'income-support-demo',
        reference: 'EB-2026-12',
        label: 'Utreds (till ombud)',
      });

      // Cecilia is protected: her ombud gets what an uncleared reader gets, the secret matter withheld.
      await registerPower({
        principalPersonalNumber: CECILIA,
        agentPersonalNumber: ANNA,
        departments: [INCOME_SUPPORT, 'Folkbokföring'],
        validFrom: TODAY,
      });
      const protectedRead = await read(tokens.anna, CECILIA);
      expect(protectedRead.errors).toBeUndefined();
      expect(protectedRead.data!.person!.protectedIdentity).toBe(true);
      expect(stateOf(protectedRead.data!, 'income-support-demo')).toMatchObject({
        state: 'WITHHELD',
        reason: expect.stringMatching(/^Skyddad uppgift/),
      });
    });

    it('keeps reading the power’s departments with the register down, the person then treated as protected', async () => {
      await sandbox.setFault({ system: 'register', mode: 'error' });
      const response = await read(tokens.bertil, OLGA);
      expect(stateOf(response.data!, 'building-permits').state).toBe('OK');
      expect(response.data!.person!.protectedIdentity).toBe(true);
    });
  });

  describe('registering powers', () => {
    it.each([
      [
        'the same person twice',
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: OLGA,
          departments: ['Bygglov'],
          validFrom: TODAY,
        },
        /samma person/,
      ],
      [
        'an unknown department',
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: ANNA,
          departments: ['Månlandning'],
          validFrom: TODAY,
        },
        /Okänd förvaltning: Månlandning/,
      ],
      [
        'no department',
        { principalPersonalNumber: OLGA, agentPersonalNumber: ANNA, validFrom: TODAY },
        /minst en förvaltning/,
      ],
      [
        'an end before the start',
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: ANNA,
          departments: ['Bygglov'],
          validFrom: TODAY,
          validTo: dayBefore(TODAY),
        },
        /slutar .* innan den börjar/,
      ],
      [
        'an end already past',
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: ANNA,
          departments: ['Bygglov'],
          validFrom: '2025-01-01',
          validTo: '2025-06-30',
        },
        /redan gått ut/,
      ],
      [
        'a date that is no date',
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: ANNA,
          departments: ['Bygglov'],
          validFrom: '2026-02-30',
        },
        /validFrom/,
      ],
      [
        'a personal number that is none',
        {
          principalPersonalNumber: '19900101-0000',
          agentPersonalNumber: ANNA,
          departments: ['Bygglov'],
          validFrom: TODAY,
        },
        /not a valid personal identity number/,
      ],
    ])('refuses %s with the reason', async (_what, input, message) => {
      const response = await registerPower(input);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(message);
    });

    it.each(['citizen', 'case_officer'] as const)('is not for the %s role', async (role) => {
      const token = role === 'citizen' ? tokens.olga : tokens.officer;
      const response = await registerPower(
        {
          principalPersonalNumber: OLGA,
          agentPersonalNumber: ANNA,
          departments: ['Bygglov'],
          validFrom: TODAY,
        },
        token,
      );
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('shows the citizen the powers given and received (without staff names), and staff both sides, audited', async () => {
      const me = await hub.graphql<{
        me: {
          powersGiven: { agentPersonalNumber: string; registeredBy: string | null }[];
          powersReceived: unknown[];
        };
      }>(
        '{ me { powersGiven { agentPersonalNumber registeredBy } powersReceived { id } } }',
        {},
        { token: tokens.olga },
      );
      expect(me.errors).toBeUndefined();
      expect(me.data!.me.powersGiven).toContainEqual({ agentPersonalNumber: BERTIL, registeredBy: null });
      const staff = await hub.graphql<{
        person: { representatives: { personalNumber: string; kind: string }[]; represents: unknown[] };
      }>(
        `{ person(personalNumber: "${TILDE}") { representatives { personalNumber kind } represents { personalNumber } } }`,
        {},
        { token: tokens.agent },
      );
      expect(staff.errors).toBeUndefined();
      expect(staff.data!.person.representatives).toEqual([{ personalNumber: ANNA, kind: 'GUARDIAN' }]);
      expect(
        (await auditRowsOf(TILDE)).some(
          (r) => r.actorSubject === 'agent-karin' && r.fieldGroups.includes('representatives'),
        ),
      ).toBe(true);
      const citizen = await hub.graphql(
        `{ me { person { representatives { personalNumber } } } }`,
        {},
        { token: tokens.tilde },
      );
      expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  /** Reader × subject on this day: allowed (the department that must answer OK) or the refusal's code. */
  describe('the matrix', () => {
    it.each([
      ['guardian, minor child', 'anna', TILDE, 'OK'],
      ['guardian, child turning 18 tomorrow', 'bertil', MINOR_UNTIL_TOMORROW, 'OK'],
      ['guardian, child turned 18 today', 'bertil', ADULT_TODAY, 'NO_POWER'],
      ['not the guardian', 'bertil', TILDE, 'NOT_GUARDIAN'],
      ['stranger, an adult', 'tilde', ANNA, 'NO_POWER'],
      ['ombud, power in scope and date', 'bertil', OLGA, 'OK'],
      ['ombud, power not yet valid', 'bertil', ANNA, 'POWER_NOT_YET_VALID'],
      ['ombud, power expired', 'bertil', CECILIA, 'POWER_EXPIRED'],
    ] as const)('%s: the %s token reads %s → %s', async (_case, reader, subject, expected) => {
      const response = await read(tokens[reader], subject);
      if (expected === 'OK') {
        expect(response.errors).toBeUndefined();
        expect(response.data!.person!.sources.some((s) => s.state === 'OK')).toBe(true);
      } else {
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: expected });
        const rows = await auditRowsOf(subject);
        expect(rows.some((r) => r.refusal !== null && r.fieldGroups.includes('lookup'))).toBe(true);
      }
    });
  });
});

/**
 * Custody is read fresh or within the register plugin's cache ttl; a stale copy kept for a
 * register that fails (stale-if-error) confirms nothing.
 */
describe('custody from the register’s cache: within the ttl, never a stale copy', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  const clock = new TestClock();

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      clock,
      plugins: {
        'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
        'population-register': {
          cache: { ttlMs: 30_000, staleIfErrorMs: 600_000 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('lets the guardian read within the ttl with the register down, and refuses once only a stale copy is left', async () => {
    const token = await hub.token('citizen', ANNA, 'Anna Andersson');
    const first = await hub.graphql<ReadAnswer>(READ, { pn: TILDE }, { token });
    expect(first.errors).toBeUndefined();
    await sandbox.setFault({ system: 'register', mode: 'error' });
    try {
      clock.advance(10_000);
      const cached = await hub.graphql<ReadAnswer>(READ, { pn: TILDE }, { token });
      expect(cached.errors).toBeUndefined();
      clock.advance(60_000);
      const stale = await hub.graphql<ReadAnswer>(READ, { pn: TILDE }, { token });
      expect(stale.data?.person ?? null).toBeNull();
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'REGISTER_UNAVAILABLE',
      });
    } finally {
      await sandbox.clearFaults();
    }
  });
});

import { randomUUID } from 'node:crypto';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const HOME_CARE = 'Hemtjänst';
const OLGA = '190001019801'; // 100+, home care granted, visits every day
const CECILIA = '200002292399'; // protected identity, home care granted
const BERTIL = '196408233234'; // application under investigation
const SAM = '191401682396'; // application just received, not read before the fault test

type Who = 'agent' | 'officer' | 'manager' | 'adam' | 'bea' | 'olga';

const target = (role: string, department = HOME_CARE) =>
  `{ targetKind: ROLE, targetKey: "${role}", department: "${department}" }`;

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source reference label nextStep }
  sources { plugin state reason }
} }`;
const DETAIL = `{ person(personalNumber: "${OLGA}") { homeCare {
  decisions { decisionId label services { label } }
  nextVisits { visitId window team { name phone } }
  team { name phone }
  changeRequests { requestId kindLabel summary message stateLabel }
} } }`;
const CHANGE = `mutation($key: String!, $input: HomeCareChangeInput!) {
  requestHomeCareChange(idempotencyKey: $key, input: $input) { accepted requestId label }
}`;
const PAUSE = {
  personalNumber: OLGA,
  kind: 'PAUSE_VISITS',
  pauseFrom: '2026-11-26',
  pauseTo: '2026-12-03',
  // Longer than a one-line field, on two lines: what an agent writes down for the team.
  message:
    'Olga ligger på lasarettet efter ett fall och blir kvar minst en vecka.\nDottern Karin ringer hemtjänstgruppen när Olga kommer hem, 070-123 45 67.',
};

interface Overview {
  person: {
    statuses: { source: string; reference: string; label: string; nextStep: string | null }[];
    sources: { plugin: string; state: string; reason: string | null }[];
  };
}

/**
 * Issue 24, item 4: home care (hemtjänst) is under social-services secrecy (OSL 26:1). Closed
 * to every role, `*` at level 6 included, until an admin's grant is approved by a second admin;
 * then it answers at the granted level: status at 1, the visits and team at 2, a change request at 3.
 */
describe('the home-care department (hemtjänst), a secrecy department', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<Who, string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        'home-care': { connection: sandboxConnection(sandbox, 'homecare') },
        'population-register': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
      access: {
        mandates: {
          roles: { agent: { '*': 6 }, case_officer: { '*': 6 }, manager: { '*': 6 }, admin: { '*': 6 } },
        },
        // Levels and the action are this file's subject: the caller's identification (decision 0076) is another's.
        identification: { requiredFor: { roles: [], answerGroups: [] } },
      },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-ingrid'),
      manager: await hub.token('manager', 'manager-maria'),
      adam: await hub.token('admin', 'admin-adam'),
      bea: await hub.token('admin', 'admin-bea'),
      olga: await hub.token('citizen', OLGA),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (who: Who, pn = OLGA) => {
    const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token: tokens[who] });
    expect(response.errors).toBeUndefined();
    return {
      statuses: response.data!.person.statuses.filter((s) => s.source === 'home-care'),
      source: response.data!.person.sources.find((s) => s.plugin === 'home-care')!,
    };
  };
  const changeRequests = async () =>
    (await (await fetch(`${sandbox.url}/homecare/admin/change-requests`)).json()) as {
      requestId: string;
      personalNumber: string;
    }[];
  const requestChange = (who: Who, input: Record<string, unknown>, key = randomUUID()) =>
    hub.graphql<{ requestHomeCareChange: { accepted: boolean; requestId: string | null; label: string } }>(
      CHANGE,
      { key, input },
      { token: tokens[who] },
    );
  /** One admin asks, a second approves: the four-eyes grant that alone opens a secrecy department. */
  const grant = async (role: string, level: number) => {
    const asked = await hub.graphql(
      `mutation { grantMandate(target: ${target(role)}, level: ${level}) { effective } }`,
      {},
      { token: tokens.adam },
    );
    expect(asked.errors).toBeUndefined();
    const approved = await hub.graphql(
      `mutation { approveMandateGrant(target: ${target(role)}, level: ${level}) { effective } }`,
      {},
      { token: tokens.bea },
    );
    expect(approved.data).toEqual({ approveMandateGrant: { effective: level } });
  };

  describe('before any grant', () => {
    it.each(['agent', 'officer', 'manager', 'adam'] as const)(
      'withholds it from the %s although `*` gives level 6: no status, no detail, no change request',
      async (who) => {
        expect(await overview(who)).toEqual({
          statuses: [],
          source: expect.objectContaining({ state: 'WITHHELD' }),
        });
        const detail = await hub.graphql(DETAIL, {}, { token: tokens[who] });
        expect(detail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(detail.errors?.[0].message).toMatch(/needs mandate level 2 in Hemtjänst; .* has level 0\./);
        const change = await requestChange(who, PAUSE);
        expect(change.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        // A manager may not act for a department at all; the others lack the level.
        expect(change.errors?.[0].message).toMatch(
          /needs mandate level 3 in Hemtjänst; .* has level 0\.|may not use requestHomeCareChange/,
        );
        expect(await changeRequests()).toEqual([]);
      },
    );

    it('is not opened by a grant for every department (`*`)', async () => {
      const everywhere = await hub.graphql(
        `mutation { grantMandate(target: ${target('agent', '*')}, level: 6) { effective pending { level } } }`,
        {},
        { token: tokens.adam },
      );
      expect(everywhere.data).toEqual({ grantMandate: { effective: 6, pending: null } });
      expect((await overview('agent')).source.state).toBe('WITHHELD');
      await hub.graphql(
        `mutation { revokeMandate(target: ${target('agent', '*')}) }`,
        {},
        { token: tokens.adam },
      );
    });

    it('shows Olga her own home care, worded for her, with the next visit and the team’s phone', async () => {
      const response = await hub.graphql<{
        me: { person: { statuses: { source: string; label: string; nextStep: string }[] } };
      }>('{ me { person { statuses { source label nextStep } } } }', {}, { token: tokens.olga });
      expect(response.errors).toBeUndefined();
      const mine = response.data!.me.person.statuses.filter((s) => s.source === 'home-care');
      expect(mine).toContainEqual({
        source: 'home-care',
        label: 'Du har hemtjänst',
        nextStep:
          'Besök i dag kl. 08.00–08.45, 12.00–12.30 och 19.30–20.00. Hemtjänstgruppen: Hemtjänstgrupp Lärkan, 0910-73 51 10',
      });
    });
  });

  describe('after a four-eyes grant', () => {
    beforeAll(() => grant('agent', 2));

    it('answers the agent at level 2: the status for staff, and the visits and the team', async () => {
      const { statuses, source } = await overview('agent');
      expect(source.state).toBe('OK');
      expect(statuses).toEqual([
        {
          source: 'home-care',
          reference: 'HT-2026-0412',
          label: 'Beviljad',
          nextStep: 'Gäller från 2026-05-30',
        },
        { source: 'home-care', reference: 'HT-2024-0877', label: 'Upphört', nextStep: 'Upphörde 2026-05-29' },
      ]);
      const detail = await hub.graphql<{
        person: { homeCare: { nextVisits: { visitId: string; window: string }[]; team: unknown } };
      }>(DETAIL, {}, { token: tokens.agent });
      expect(detail.errors).toBeUndefined();
      const homeCare = detail.data!.person.homeCare;
      expect(homeCare.team).toEqual({ name: 'Hemtjänstgrupp Lärkan', phone: '0910-73 51 10' });
      expect(homeCare.nextVisits[0]).toMatchObject({
        visitId: 'V-OO-20261124-0800',
        window: 'tisdag 24 november kl. 08.00–08.45',
      });
      // The others stay out: the grant named agents only.
      expect((await overview('officer')).source.state).toBe('WITHHELD');
    });

    it('tells an application under investigation as such', async () => {
      expect((await overview('agent', BERTIL)).statuses).toEqual([
        {
          source: 'home-care',
          reference: 'HT-2026-0871',
          label: 'Utreds',
          nextStep: expect.stringMatching(/^Ansökan inkom 2026-11-10; biståndshandläggaren utreder$/),
        },
      ]);
    });

    it('refuses a change request below level 3, filing nothing', async () => {
      const change = await requestChange('agent', PAUSE);
      expect(change.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(change.errors?.[0].message).toMatch(/needs mandate level 3 in Hemtjänst; .* has level 2\./);
      expect(await changeRequests()).toEqual([]);
    });

    it('withholds a protected person’s whole matter from the uncleared agent', async () => {
      expect(await overview('agent', CECILIA)).toEqual({
        statuses: [],
        source: {
          plugin: 'home-care',
          state: 'WITHHELD',
          reason: 'Skyddad uppgift: personen har skyddad identitet och förvaltningen omfattas av sekretess.',
        },
      });
    });

    it('says the system failed when it is down, never that there is no home care', async () => {
      await sandbox.setFault({ system: 'homecare', mode: 'error' });
      const response = await hub.graphql<Overview>(OVERVIEW(SAM), {}, { token: tokens.agent });
      expect(response.data!.person.statuses.filter((s) => s.source === 'home-care')).toEqual([]);
      expect(response.data!.person.sources.find((s) => s.plugin === 'home-care')!.state).toBe('FAILED');
      expect(response.errors?.some((e) => e.extensions?.plugin === 'home-care')).toBe(true);
    });
  });

  describe('at level 3', () => {
    beforeAll(() => grant('agent', 3));

    it('files a pause once however often it is retried, and the next read shows it', async () => {
      const key = randomUUID();
      const first = await requestChange('agent', PAUSE, key);
      const retry = await requestChange('agent', PAUSE, key);
      expect(first.errors).toBeUndefined();
      expect(retry.data).toEqual(first.data);
      const receipt = first.data!.requestHomeCareChange;
      expect(receipt).toEqual({
        accepted: true,
        requestId: expect.stringMatching(/^ÄND-/),
        label: `Hemtjänsten har tagit emot begäran (${receipt.requestId}): Inga besök 2026-11-26–2026-12-03`,
      });
      expect((await changeRequests()).filter((r) => r.requestId === receipt.requestId)).toHaveLength(1);

      const detail = await hub.graphql<{ person: { homeCare: { changeRequests: unknown[] } } }>(
        DETAIL,
        {},
        {
          token: tokens.agent,
        },
      );
      expect(detail.data!.person.homeCare.changeRequests).toEqual([
        {
          requestId: receipt.requestId,
          kindLabel: 'Uppehåll i besöken',
          summary: 'Inga besök 2026-11-26–2026-12-03',
          message: PAUSE.message,
          stateLabel: 'Mottagen, hemtjänstgruppen hanterar den',
        },
      ]);
    });

    it('refuses a change for a protected person to the uncleared agent, filing nothing, saying why', async () => {
      const before = (await changeRequests()).length;
      const change = await requestChange('agent', { ...PAUSE, personalNumber: CECILIA }, randomUUID());
      expect(change.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(change.errors?.[0].message).toContain('Skyddad uppgift');
      expect((await changeRequests()).length).toBe(before);
    });

    it('answers in Swedish when the system cannot take the change (a visit it does not know)', async () => {
      const change = await requestChange('agent', {
        personalNumber: OLGA,
        kind: 'CANCEL_VISIT',
        visitId: 'V-NOPE',
        message: 'Hos tandläkaren',
      });
      expect(change.data).toEqual({
        requestHomeCareChange: {
          accepted: false,
          requestId: null,
          label: 'Besöket finns inte i hemtjänstens planering. Kontrollera vilket besök det gäller.',
        },
      });
    });

    it.each([
      [{ ...PAUSE, pauseTo: '2026-11-20' }, 'input.pauseTo', 'samma dag'],
      [{ ...PAUSE, kind: 'CHANGE_VISIT_TIME', pauseFrom: null, pauseTo: null }, 'input.visitId', 'behövs'],
      [{ ...PAUSE, message: '' }, 'input.message', 'skriv ett meddelande'],
    ])('refuses bad input %#, naming the field in Swedish and filing nothing', async (input, field, text) => {
      const before = (await changeRequests()).length;
      const change = await requestChange('agent', input);
      expect(change.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(change.errors?.[0].message).toContain(text);
      expect((await changeRequests()).length).toBe(before);
    });

    it('does not let a citizen file a change on the department’s behalf', async () => {
      const change = await requestChange('olga', {
        ...PAUSE,
        pauseFrom: '2026-12-10',
        pauseTo: '2026-12-11',
      });
      expect(change.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});

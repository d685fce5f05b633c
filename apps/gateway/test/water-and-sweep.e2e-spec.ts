import { randomUUID } from 'node:crypto';
import {
  TEST_TODAY,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385'; // owns Morö 4:12: water meter M-40012, a braskamin with a remark
const OLGA = '190001019801'; // owns Sunnanå 2:7: remote-read meter, a kakelugn without remarks
const CECILIA = '200002292399'; // protected identity, owns Ersmark 1:44
const NO_CACHE = { ttlMs: 0, staleIfErrorMs: 0 };
/** The hub's and the sandbox's fixed date. */
const today = TEST_TODAY;
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** The input is checked before the hub's clock is asked: by the calendar, so tomorrow is the real one. */
const tomorrow = dayAfter(
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()),
);

type Who = 'agent' | 'reader' | 'anna';

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source reference label nextStep }
  sources { plugin state }
} }`;
const DETAIL = (pn: string) => `{ person(personalNumber: "${pn}") {
  water { subscriptions { designation street meterId lastReading { value readOn sourceLabel } nextBillingDate interruptions { areaName window } } }
  chimneySweep { properties { designation contractorPhone installations { installationId kindLabel nextVisitLabel nextVisitOn lastProtocol { resultLabel remarks { text fixBy } } } } }
} }`;
const REGISTER = `mutation($key: String!, $input: MeterReadingInput!) {
  registerMeterReading(idempotencyKey: $key, input: $input) { accepted readingId label }
}`;

interface Overview {
  person: {
    statuses: { source: string; reference: string; label: string; nextStep: string | null }[];
    sources: { plugin: string; state: string }[];
  };
}
interface Detail {
  person: {
    water: {
      subscriptions: {
        designation: string;
        street: string;
        meterId: string | null;
        lastReading: { value: number; readOn: string; sourceLabel: string } | null;
        nextBillingDate: string | null;
        interruptions: { areaName: string; window: string }[];
      }[];
    } | null;
    chimneySweep: {
      properties: {
        designation: string;
        contractorPhone: string;
        installations: { installationId: string; lastProtocol: { resultLabel: string } | null }[];
      }[];
    } | null;
  };
}
type Receipt = { registerMeterReading: { accepted: boolean; readingId: string | null; label: string } };

/**
 * Issue 26, item 1: Vatten och avlopp and Sotning och brandskyddskontroll through the hub. Not
 * secret: a protected owner's statuses show, with the property, the meter and the area blanked.
 * A meter reading is a contact the first line closes (mandate 3), booked once per idempotency
 * key; with the water system down the hub answers partially and honestly and books nothing.
 */
describe('water and sewage, and chimney sweeping, through the hub', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<Who, string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        water: { cache: NO_CACHE, connection: sandboxConnection(sandbox, 'water') },
        'chimney-sweep': { cache: NO_CACHE, connection: sandboxConnection(sandbox, 'chimney-sweep') },
        'population-register': { cache: NO_CACHE, connection: sandboxConnection(sandbox, 'register') },
      },
      access: {
        mandates: { roles: { agent: { '*': 3 }, case_officer: { '*': 1 } } },
      },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      reader: await hub.token('case_officer', 'officer-level-1'),
      anna: await hub.token('citizen', ANNA),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (who: Who, pn: string) => {
    const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token: tokens[who] });
    return {
      response,
      statuses: (plugin: string) => response.data!.person.statuses.filter((s) => s.source === plugin),
      state: (plugin: string) => response.data!.person.sources.find((s) => s.plugin === plugin)?.state,
    };
  };
  const detail = async (pn: string, who: Who = 'agent') => {
    const response = await hub.graphql<Detail>(DETAIL(pn), {}, { token: tokens[who] });
    expect(response.errors).toBeUndefined();
    return response.data!.person;
  };
  const readings = async () =>
    (await (await fetch(`${sandbox.url}/water/admin/readings`)).json()) as { readingId: string }[];
  const register = (input: Record<string, unknown>, key = randomUUID(), who: Who = 'agent') =>
    hub.graphql<Receipt>(REGISTER, { key, input }, { token: tokens[who] });

  it('gives the agent both departments’ statuses: the next billing and last reading, the protocol’s remark and next sweep', async () => {
    const { response, statuses } = await overview('agent', ANNA);
    expect(response.errors).toBeUndefined();
    expect(statuses('water')).toEqual([
      {
        source: 'water',
        reference: 'AB-70031',
        label: 'Aktivt',
        nextStep: expect.stringMatching(
          /^Nästa fakturering \d{4}-\d{2}-\d{2}; senaste mätarställning \d+ m³ \(\d{4}-\d{2}-\d{2}\); planerat avbrott i vattnet /,
        ),
      },
    ]);
    expect(statuses('chimney-sweep')).toEqual([
      {
        source: 'chimney-sweep',
        reference: 'E-1001-1',
        label: 'Anmärkning, åtgärd krävs',
        nextStep: expect.stringMatching(/^Ska åtgärdas senast .*; Sotning \d{4}-\d{2}-\d{2}$/),
      },
    ]);
  });

  it('words the statuses for the owner reading their own', async () => {
    const { statuses } = await overview('anna', ANNA);
    expect(statuses('water').map((s) => s.label)).toEqual(['Du har vatten och avlopp från kommunen']);
    expect(statuses('chimney-sweep')[0]!.label).toBe('Du behöver åtgärda en anmärkning');
    expect(statuses('chimney-sweep')[0]!.nextStep).toContain('för att byta tid, ring');
  });

  it('gives the meter, billing, interruptions and the protocol at level 2, and not at level 1', async () => {
    const person = await detail(OLGA);
    expect(person.water!.subscriptions[0]).toMatchObject({
      designation: 'Skellefteå Sunnanå 2:7',
      meterId: 'M-40207',
      lastReading: { value: 8812, sourceLabel: 'fjärravläst' },
    });
    expect(person.chimneySweep!.properties[0]!.installations[0]!.lastProtocol!.resultLabel).toBe(
      'Utan anmärkning',
    );
    const refused = await hub.graphql(DETAIL(OLGA), {}, { token: tokens.reader });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/needs mandate level 2 in (Vatten och avlopp|Sotning)/);
  });

  it('shows a protected owner’s statuses with the property, meter, area and fireplace blanked', async () => {
    const { statuses } = await overview('agent', CECILIA);
    expect(statuses('water')).toHaveLength(1);
    expect(JSON.stringify(statuses('water'))).not.toMatch(/avbrott|Ersmark/);
    const person = await detail(CECILIA);
    expect(person.water!.subscriptions[0]).toMatchObject({
      designation: 'Skyddad uppgift',
      street: 'Skyddad uppgift',
      meterId: 'Skyddad uppgift',
      interruptions: [],
    });
    expect(person.chimneySweep!.properties[0]).toMatchObject({
      designation: 'Skyddad uppgift',
      installations: [expect.objectContaining({ installationId: 'Skyddad uppgift' })],
    });
    expect(JSON.stringify(person)).not.toMatch(/Ersmark|M-40144|E-1003|P-1003/);
  });

  it('registers a meter reading once however often it is retried, and the next read shows it', async () => {
    const key = randomUUID();
    const input = { personalNumber: ANNA, meterId: 'M-40012', reading: 1300, readOn: today };
    const first = await register(input, key);
    const retry = await register(input, key);
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const receipt = first.data!.registerMeterReading;
    expect(receipt).toEqual({
      accepted: true,
      readingId: expect.stringMatching(/^AVL-/),
      label: `Mätarställningen 1300 m³ avläst ${today} är registrerad (${receipt.readingId}).`,
    });
    expect((await readings()).filter((r) => r.readingId === receipt.readingId)).toHaveLength(1);
    const person = await detail(ANNA);
    expect(person.water!.subscriptions[0]!.lastReading).toEqual({
      value: 1300,
      readOn: today,
      sourceLabel: 'avläst av kunden',
    });
  });

  it('refuses a reading lower than the last in Swedish, naming the last, and registers nothing', async () => {
    const before = (await readings()).length;
    const refused = await register({
      personalNumber: OLGA,
      meterId: 'M-40207',
      reading: 8000,
      readOn: today,
    });
    expect(refused.data!.registerMeterReading).toEqual({
      accepted: false,
      readingId: null,
      label: expect.stringContaining('mätarställningen får inte vara lägre än den senaste, 8812 m³'),
    });
    expect((await readings()).length).toBe(before);
  });

  it('refuses a reading dated after the hub’s own today, before the system is asked', async () => {
    const before = (await readings()).length;
    const refused = await register({
      personalNumber: OLGA,
      meterId: 'M-40207',
      reading: 9000,
      readOn: dayAfter(today),
    });
    expect(refused.data!.registerMeterReading).toEqual({
      accepted: false,
      readingId: null,
      label: 'readOn: avläsningsdatumet får inte ligga i framtiden',
    });
    expect((await readings()).length).toBe(before);
  });

  it('answers the system’s refusal in Swedish: a meter that is not the person’s', async () => {
    const refused = await register({
      personalNumber: OLGA,
      meterId: 'M-40012',
      reading: 99999,
      readOn: today,
    });
    expect(refused.data!.registerMeterReading.label).toBe('Mätaren hör inte till personens fastighet.');
  });

  it.each([
    [{ readOn: tomorrow }, 'input.readOn', 'får inte ligga i framtiden'],
    [{ reading: -5 }, 'input.reading', 'kan inte vara negativ'],
    [{ meterId: '' }, 'input.meterId', 'ange mätarnumret'],
  ])(
    'refuses bad input %j, naming the field in Swedish and registering nothing',
    async (change, field, text) => {
      const before = (await readings()).length;
      const refused = await register({
        personalNumber: ANNA,
        meterId: 'M-40012',
        reading: 1400,
        readOn: today,
        ...change,
      });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refused.errors?.[0].message).toContain(text);
      expect((await readings()).length).toBe(before);
    },
  );

  it('does not let a level-1 reader or a citizen register a reading', async () => {
    const input = { personalNumber: ANNA, meterId: 'M-40012', reading: 1400, readOn: today };
    for (const who of ['reader', 'anna'] as const) {
      const refused = await register(input, randomUUID(), who);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it.each(['error', 'garbage'] as const)(
    'answers partially and honestly when the water system gives %s: sweeping answered, water failed, never "no matters"',
    async (mode) => {
      await sandbox.setFault({ system: 'water', mode });
      const { response, statuses, state } = await overview('agent', OLGA);
      expect(state('water')).toBe('FAILED');
      expect(statuses('water')).toEqual([]);
      expect(response.errors?.some((e) => e.extensions?.plugin === 'water')).toBe(true);
      expect(state('chimney-sweep')).toBe('OK');
      expect(statuses('chimney-sweep')).toHaveLength(1);
    },
  );

  it('books nothing when the water system is down, and says so', async () => {
    const before = (await readings()).length;
    await sandbox.setFault({ system: 'water', mode: 'error' });
    const down = await register({ personalNumber: ANNA, meterId: 'M-40012', reading: 1500, readOn: today });
    expect(down.data).toBeNull();
    expect(down.errors?.[0].extensions?.code).toMatch(/SOURCE_UNAVAILABLE/);
    await sandbox.clearFaults();
    expect((await readings()).length).toBe(before);
  });

  it('says the sweep register failed when it is down, and keeps the water answer', async () => {
    await sandbox.setFault({ system: 'chimney-sweep', mode: 'error' });
    const { statuses, state } = await overview('agent', ANNA);
    expect(state('chimney-sweep')).toBe('FAILED');
    expect(statuses('chimney-sweep')).toEqual([]);
    expect(state('water')).toBe('OK');
  });
});

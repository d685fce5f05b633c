import { randomUUID } from 'node:crypto';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385'; // her son Tolvan in the swim-school queue, her daughter Elsa booked
const BERTIL = '196408233234'; // water aerobics in two days, lane swimming today
const CECILIA = '200002292399'; // her daughter offered a group

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source kind reference title label nextStep dueDate }
  sources { plugin state }
} }`;
const DETAIL = (pn: string) => `{ person(personalNumber: "${pn}") { swimming {
  queue { queueId participant course label place offer { groupName facility when answerBy } }
  bookings { bookingId participant activity time label priceSek }
} } }`;
const CANCEL = `mutation($key: String!, $input: SwimBookingCancellationInput!) {
  cancelSwimBooking(idempotencyKey: $key, input: $input) { accepted bookingId label }
}`;
const AEROBICS = { personalNumber: BERTIL, bookingId: 'SB-2026-90311', reason: 'Förkyld' };

interface Status {
  source: string;
  kind: string;
  reference: string;
  title: string;
  label: string;
  nextStep: string | null;
  dueDate: string | null;
}
interface Overview {
  person: { statuses: Status[]; sources: { plugin: string; state: string }[] };
}
type Receipt = { cancelSwimBooking: { accepted: boolean; bookingId: string | null; label: string } };

/**
 * Issue 26: baths and swim school (Badhus och simskola), not secret: the swim-school queue and
 * bookings at level 1 (statuses) and 2 (detail), cancelling a booking at level 3.
 */
describe('the baths and swim school (Badhus och simskola): queue, bookings, cancellation', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'officer' | 'anna', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        swimming: { connection: sandboxConnection(sandbox, 'swim') },
        parking: { connection: sandboxConnection(sandbox, 'parking') },
      },
      access: { mandates: { roles: { agent: { '*': 3 }, case_officer: { '*': 1 }, citizen: { '*': 1 } } } },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-linnea'),
      anna: await hub.token('citizen', ANNA),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (pn: string) => {
    const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token: tokens.agent });
    return {
      errors: response.errors,
      statuses: response.data?.person.statuses.filter((s) => s.source === 'swimming') ?? [],
      state: (plugin: string) => response.data?.person.sources.find((s) => s.plugin === plugin)?.state,
    };
  };
  const cancellations = async () =>
    (await (await fetch(`${sandbox.url}/swim/admin/cancellations`)).json()) as { bookingId: string }[];
  const cancel = (input: Record<string, unknown>, key = randomUUID(), who: keyof typeof tokens = 'agent') =>
    hub.graphql<Receipt>(CANCEL, { key, input }, { token: tokens[who] });

  it('tells the agent the child’s place in the queue and the coming booking', async () => {
    const { statuses, errors } = await overview(ANNA);
    expect(errors).toBeUndefined();
    expect(statuses).toEqual([
      {
        source: 'swimming',
        kind: 'swim-school-queue',
        reference: 'SK-2026-0142',
        title: 'Simskola steg 1, Baddaren för Tolvan',
        label: 'Står i kö',
        nextStep: 'Plats 14 i kön, sedan 2026-08-19',
        dueDate: null,
      },
      {
        source: 'swimming',
        kind: 'swim-booking',
        reference: 'SB-2026-88120',
        title: 'Simskola steg 3, Delfinen för Elsa',
        label: 'Bokad',
        nextStep: 'Medleforsbadet torsdag 26 november kl. 17.30–18.15',
        dueDate: null,
      },
    ]);
  });

  it('words them for Anna herself on Mina ärenden', async () => {
    const response = await hub.graphql<{ me: { person: { statuses: Status[] } } }>(
      '{ me { person { statuses { source label nextStep } } } }',
      {},
      { token: tokens.anna },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.me.person.statuses.filter((s) => s.source === 'swimming')).toEqual([
      {
        source: 'swimming',
        label: 'Ni står i kö till simskolan',
        nextStep: 'Plats 14 i kön. Ni får ett erbjudande när det finns plats i en grupp',
      },
      {
        source: 'swimming',
        label: 'Du har en bokning',
        nextStep: 'Medleforsbadet torsdag 26 november kl. 17.30–18.15. Avboka senast dagen före',
      },
    ]);
  });

  it('gives the offered group with its answer date at level 2, and refuses the detail at level 1', async () => {
    const detail = await hub.graphql<{ person: { swimming: { queue: unknown[] } } }>(
      DETAIL(CECILIA),
      {},
      { token: tokens.agent },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.person.swimming.queue).toEqual([
      {
        queueId: 'SK-2026-0087',
        participant: 'Vilja',
        course: 'Simskola steg 2, Sjöhästen',
        label: 'Plats erbjuden',
        place: null,
        offer: {
          groupName: 'Sjöhästen onsdagar',
          facility: 'Medleforsbadet',
          when: 'onsdagar kl. 17.00, från 2027-01-12',
          answerBy: '2026-11-29',
        },
      },
    ]);
    const refused = await hub.graphql(DETAIL(ANNA), {}, { token: tokens.officer });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(
      /needs mandate level 2 in Badhus och simskola; .* has level 1\./,
    );
  });

  it('cancels once however often it is retried; the next read shows the booking cancelled', async () => {
    const key = randomUUID();
    const first = await cancel(AEROBICS, key);
    const retry = await cancel(AEROBICS, key);
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(first.data!.cancelSwimBooking).toEqual({
      accepted: true,
      bookingId: 'SB-2026-90311',
      label:
        'Avbokat: Vattengympa för Bertil, Eddahallen torsdag 26 november kl. 09.00–09.45 (SB-2026-90311).',
    });
    expect((await cancellations()).filter((c) => c.bookingId === 'SB-2026-90311')).toHaveLength(1);
    expect((await overview(BERTIL)).statuses).toContainEqual(
      expect.objectContaining({ reference: 'SB-2026-90311', label: 'Avbokad' }),
    );
  });

  it.each([
    [
      { personalNumber: BERTIL, bookingId: 'SB-2026-90307' },
      'Bokningen kan inte avbokas samma dag. Avboka senast dagen före.',
    ],
    [
      { personalNumber: ANNA, bookingId: 'SB-2026-90307' },
      'Bokningen är gjord av någon annan. Den som bokade avbokar.',
    ],
    [
      { personalNumber: ANNA, bookingId: 'SB-2026-00001' },
      'Bokningen finns inte i badhusets system. Kontrollera bokningsnumret.',
    ],
  ])('says in Swedish why the system would not cancel %#, cancelling nothing', async (input, label) => {
    const before = (await cancellations()).length;
    const refused = await cancel(input);
    expect(refused.data).toEqual({ cancelSwimBooking: { accepted: false, bookingId: null, label } });
    expect((await cancellations()).length).toBe(before);
  });

  it.each([
    [{ ...AEROBICS, bookingId: 'vattengympa' }, 'input.bookingId', 'SB-2026-88120'],
    [{ ...AEROBICS, personalNumber: '640823-3234' }, 'input.personalNumber', 'tolv siffror'],
  ])(
    'refuses bad input %#, naming the field in Swedish and cancelling nothing',
    async (input, field, text) => {
      const before = (await cancellations()).length;
      const refused = await cancel(input);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refused.errors?.[0].message).toContain(text);
      expect((await cancellations()).length).toBe(before);
    },
  );

  it('refuses a cancellation below level 3, cancelling nothing', async () => {
    const refused = await cancel(
      { personalNumber: ANNA, bookingId: 'SB-2026-88120' },
      randomUUID(),
      'officer',
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await cancellations()).some((c) => c.bookingId === 'SB-2026-88120')).toBe(false);
  });

  it.each(['error', 'garbage'] as const)(
    'answers partly and honestly when the bath system gives %s: FAILED, never "no matters"; parking still answers',
    async (mode) => {
      await sandbox.setFault({ system: 'swim', mode });
      const { statuses, errors, state } = await overview(ANNA);
      expect(statuses).toEqual([]);
      expect(state('swimming')).toBe('FAILED');
      expect(errors?.some((e) => e.extensions?.plugin === 'swimming')).toBe(true);
      expect(state('parking')).toBe('OK');
    },
  );

  it('cancels nothing when the bath system is down, and says so', async () => {
    const before = (await cancellations()).length;
    await sandbox.setFault({ system: 'swim', mode: 'error' });
    const refused = await cancel({ personalNumber: ANNA, bookingId: 'SB-2026-88120' });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', plugin: 'swimming' });
    await sandbox.clearFaults();
    expect((await cancellations()).length).toBe(before);
    expect((await overview(ANNA)).statuses).toContainEqual(
      expect.objectContaining({ reference: 'SB-2026-88120', label: 'Bokad' }),
    );
  });
});

import {
  PROTECTED_TEXT,
  SourceAnswerInvalidError,
  StatusState,
  blankWhereabouts,
  checkInput,
  protectedPaths,
  statusItemInput,
  type SourceContext,
  type SourceHttp,
  type StatusReader,
} from '@frontdoor/plugin-sdk';
import { meterReadingInputFor } from './meter-reading.input';
import {
  meterReadingOutcome,
  waterAnswer,
  type WaterAnswer,
  type WaterPropertyAnswer,
} from './water-answer.schema';
import { refusalLabel, waterSubscriptionCatalogue } from './water.catalogues';
import { waterDetail, waterStatuses } from './water.mapping';
import { waterConfig, waterPlugin, type WaterConfig } from './water.plugin';

const TODAY = '2026-12-07';
const CITIZEN: StatusReader = { kind: 'citizen' };
const STAFF: StatusReader = { kind: 'staff' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };
const ANNA = '199001012385';

function property(overrides: Partial<WaterPropertyAnswer> = {}): WaterPropertyAnswer {
  return {
    propertyId: 'P-1001',
    designation: 'Skellefteå Morö 4:12',
    address: { street: 'Storgatan 12', postalCode: '931 00', city: 'Skellefteå' },
    areaId: 'AREA-MORO',
    subscription: {
      subscriptionId: 'AB-70031',
      status: 'ACTIVE',
      services: ['WATER', 'WASTEWATER'],
      startedOn: '2009-05-01',
      endedOn: null,
    },
    meter: {
      meterId: 'M-40012',
      unit: 'm3',
      lastReading: { value: 1234, readOn: '2026-10-01', source: 'CUSTOMER' },
    },
    billing: { nextBillingDate: '2027-01-01', period: 'QUARTERLY', lastInvoiceAmount: 2184.5 },
    updatedAt: '2026-11-17T08:00:00.000Z',
    ...overrides,
  };
}

function answer(properties: WaterPropertyAnswer[] = [property()]): WaterAnswer {
  return {
    customer: { personalNumber: ANNA, properties },
    interruptions: [
      {
        interruptionId: 'AVB-2031',
        areaId: 'AREA-MORO',
        areaName: 'Morö Backe',
        startsAt: '2026-12-09T08:00:00.000Z',
        endsAt: '2026-12-09T12:00:00.000Z',
        reason: 'Byte av ventil',
      },
      {
        interruptionId: 'AVB-1999',
        areaId: 'AREA-MORO',
        areaName: 'Morö Backe',
        startsAt: '2026-12-01T08:00:00.000Z',
        endsAt: '2026-12-01T12:00:00.000Z',
        reason: 'Passerat',
      },
      {
        interruptionId: 'AVB-2032',
        areaId: 'AREA-ERSMARK',
        areaName: 'Ersmark',
        startsAt: '2026-12-08T07:00:00.000Z',
        endsAt: '2026-12-08T10:00:00.000Z',
        reason: 'Annat område',
      },
    ],
  };
}

describe('the water subscription catalogue', () => {
  it('maps every state the system sends, and an unknown code to UNKNOWN with the code in the label', () => {
    expect(waterSubscriptionCatalogue.lookup('ACTIVE')).toMatchObject({
      state: StatusState.DECIDED,
      label: 'Aktivt',
    });
    expect(waterSubscriptionCatalogue.lookup('TERMINATED').state).toBe(StatusState.COMPLETED);
    expect(waterSubscriptionCatalogue.lookup('FROZEN')).toMatchObject({
      state: StatusState.UNKNOWN,
      known: false,
    });
    expect(waterSubscriptionCatalogue.lookup('FROZEN').label).toContain('FROZEN');
  });
});

describe('water statuses', () => {
  it('gives one valid status per property: the next billing, the last reading and the area’s next interruption', () => {
    const [status, ...rest] = waterStatuses(answer(), TODAY, STAFF);
    expect(rest).toEqual([]);
    expect(() => statusItemInput.parse(status)).not.toThrow();
    expect(status).toMatchObject({
      kind: 'water-subscription',
      reference: 'AB-70031',
      title: 'Vatten och avlopp',
      state: StatusState.DECIDED,
      label: 'Aktivt',
    });
    // Only this area's, and not the one already over.
    expect(status!.nextStep).toBe(
      'Nästa fakturering 2027-01-01; senaste mätarställning 1234 m³ (2026-10-01); planerat avbrott i vattnet onsdag 9 december kl. 09.00–13.00',
    );
  });

  it('words the state for the owner and for someone acting for them', () => {
    expect(waterStatuses(answer(), TODAY, CITIZEN)[0]!.label).toBe('Du har vatten och avlopp från kommunen');
    expect(waterStatuses(answer(), TODAY, REPRESENTATIVE)[0]!.label).toBe('Abonnemanget är aktivt');
    const connecting = answer([
      property({ subscription: { ...property().subscription, status: 'CONNECTING' }, meter: null }),
    ]);
    expect(waterStatuses(connecting, TODAY, CITIZEN)[0]).toMatchObject({
      state: StatusState.IN_PROGRESS,
      label: 'Vi ansluter din fastighet',
      nextStep: 'VA-avdelningen hör av sig när fastigheten är ansluten',
    });
    expect(waterStatuses(connecting, TODAY, STAFF)[0]!.nextStep).toBe(
      'Anmäld, abonnemanget gäller från 2009-05-01',
    );
  });

  it('has no statuses for a person the system does not know', () => {
    expect(waterStatuses(null, TODAY)).toEqual([]);
    expect(waterDetail(null, TODAY)).toBeNull();
  });

  it('leaves an interruption out whole for a protected person: its time and place are published together', () => {
    const blanked = blankWhereabouts(answer(), protectedPaths(waterPlugin.person!));
    const texts = JSON.stringify([waterStatuses(blanked, TODAY, CITIZEN), waterDetail(blanked, TODAY)]);
    expect(texts).not.toMatch(/avbrott|Morö|AVB-|Storgatan|M-40012/);
    expect(waterDetail(blanked, TODAY)!.subscriptions[0]).toMatchObject({
      designation: PROTECTED_TEXT,
      street: PROTECTED_TEXT,
      meterId: PROTECTED_TEXT,
      interruptions: [],
    });
  });
});

describe('the water detail', () => {
  it('gives the meter, the last reading, the billing and the planned interruptions in Swedish', () => {
    expect(waterDetail(answer(), TODAY)).toEqual({
      subscriptions: [
        expect.objectContaining({
          designation: 'Skellefteå Morö 4:12',
          services: ['Dricksvatten', 'Spillvatten (avlopp)'],
          meterId: 'M-40012',
          lastReading: { value: 1234, readOn: '2026-10-01', sourceLabel: 'avläst av kunden' },
          nextBillingDate: '2027-01-01',
          billingPeriod: 'varje kvartal',
          interruptions: [
            expect.objectContaining({
              interruptionId: 'AVB-2031',
              window: 'onsdag 9 december kl. 09.00–13.00',
            }),
          ],
        }),
      ],
    });
  });

  it('refuses garbage: the answer schema does not take a reading with decimals or a missing meter unit', () => {
    const bad = answer([
      property({
        meter: { meterId: 'M', unit: 'm3', lastReading: { value: 1.5, readOn: TODAY, source: 'X' } },
      }),
    ]);
    expect(waterAnswer.safeParse(bad).success).toBe(false);
    expect(waterAnswer.safeParse({ customer: '§§§' }).success).toBe(false);
  });
});

describe('registerMeterReading input', () => {
  const input = meterReadingInputFor(() => TODAY);
  const valid = { personalNumber: ANNA, meterId: 'M-40012', reading: 1300, readOn: TODAY };

  it('takes a reading from today or before', () => {
    expect(checkInput(input, valid)).toEqual({ ok: true, value: valid });
  });

  it.each([
    [{ readOn: '2026-12-08' }, 'readOn', 'avläsningsdatumet får inte ligga i framtiden'],
    [{ readOn: '2026-02-30' }, 'readOn', 'ange ett datum som finns'],
    [{ reading: 1300.5 }, 'reading', 'utan decimaler'],
    [{ reading: -1 }, 'reading', 'kan inte vara negativ'],
    [{ personalNumber: '19900101-2385' }, 'personalNumber', 'tolv siffror'],
    [{ meterId: '  ' }, 'meterId', 'ange mätarnumret'],
  ])('refuses %j in Swedish, naming the field', (change, field, message) => {
    const checked = checkInput(input, { ...valid, ...change }, 'input.');
    expect(checked).toMatchObject({ ok: false, field: `input.${field}` });
    expect(checked.ok ? '' : checked.message).toContain(message);
  });
});

describe('registerMeterReading against the water system', () => {
  const action = waterPlugin.actions![0]!;
  function fakeSystem(customer: unknown) {
    const posted: unknown[] = [];
    const http: SourceHttp = {
      getJson: jest.fn(async () => customer),
      postJson: jest.fn(async (_path, body) => {
        posted.push(body);
        return {
          outcome: 'REGISTERED',
          reading: { readingId: 'AVL-1', meterId: 'M-40012', value: 1300, readOn: TODAY, source: 'CUSTOMER' },
        };
      }),
      getText: jest.fn(),
    };
    const ctx = {
      config: {},
      http,
      signal: new AbortController().signal,
      today: TODAY,
    } as SourceContext<WaterConfig>;
    return { ctx, posted };
  }
  const customer = { personalNumber: ANNA, properties: [property()] };

  it('registers a reading not lower than the last, and says so with the reading id', async () => {
    const { ctx, posted } = fakeSystem(customer);
    const outcome = meterReadingOutcome.parse(
      await action.run(ctx, { personalNumber: ANNA, meterId: 'M-40012', reading: 1300, readOn: TODAY }),
    );
    expect(posted).toEqual([{ personalNumber: ANNA, value: 1300, readOn: TODAY }]);
    expect(action.map(outcome)).toEqual({
      accepted: true,
      readingId: 'AVL-1',
      label: `Mätarställningen 1300 m³ avläst ${TODAY} är registrerad (AVL-1).`,
    });
  });

  it('refuses a reading lower than the last before the system is asked, naming the last reading', async () => {
    const { ctx, posted } = fakeSystem(customer);
    const outcome = meterReadingOutcome.parse(
      await action.run(ctx, { personalNumber: ANNA, meterId: 'M-40012', reading: 1200, readOn: TODAY }),
    );
    expect(posted).toEqual([]);
    expect(action.map(outcome)).toEqual({
      accepted: false,
      readingId: null,
      label: 'reading: mätarställningen får inte vara lägre än den senaste, 1234 m³ (2026-10-01)',
    });
  });

  it('refuses a date after the hub’s own today, before the system is asked', async () => {
    const { ctx, posted } = fakeSystem(customer);
    const outcome = meterReadingOutcome.parse(
      await action.run(ctx, {
        personalNumber: ANNA,
        meterId: 'M-40012',
        reading: 1300,
        readOn: '2026-12-08',
      }),
    );
    expect(posted).toEqual([]);
    expect(outcome).toMatchObject({ outcome: 'REFUSED', reason: 'DATE_IN_FUTURE' });
  });

  it('books nothing when the customer record is garbage: the system’s failure, not a refusal', async () => {
    const { ctx, posted } = fakeSystem({ properties: '§§§' });
    await expect(
      action.run(ctx, { personalNumber: ANNA, meterId: 'M-40012', reading: 1300, readOn: TODAY }),
    ).rejects.toThrow(SourceAnswerInvalidError);
    expect(posted).toEqual([]);
  });

  it('reads the system’s refusals aloud in Swedish, and an unknown reason with its code', () => {
    expect(refusalLabel('NOT_OWNER')).toBe('Mätaren hör inte till personens fastighet.');
    expect(refusalLabel('METER_BROKEN')).toBe('VA-systemet tog inte emot mätarställningen (METER_BROKEN).');
  });
});

describe('the water plugin', () => {
  it('has no configuration of its own and is not a secrecy department', () => {
    expect(waterConfig.safeParse({}).success).toBe(true);
    expect(waterConfig.safeParse({ baseUrl: 'x' }).success).toBe(false);
    expect(waterPlugin.secrecy).toBeUndefined();
    expect(waterPlugin.department).toBe('Vatten och avlopp');
  });
});

describe('reading a person from the water system', () => {
  const fetchPerson = waterPlugin.person!.fetch;
  /** A system whose answers the test releases: shows which requests were sent before any answered. */
  function heldSystem() {
    const asked: string[] = [];
    const release: Array<(value: unknown) => void> = [];
    const http = {
      getJson: jest.fn((path: string) => {
        asked.push(path);
        return new Promise((resolve) => release.push(resolve));
      }),
      postJson: jest.fn(),
      getText: jest.fn(),
    } as unknown as SourceHttp;
    const ctx = {
      config: {},
      http,
      signal: new AbortController().signal,
      today: TODAY,
    } as SourceContext<WaterConfig>;
    return { ctx, asked, release };
  }
  const interruption = {
    interruptionId: 'AVB-2031',
    areaId: 'AREA-MORO',
    areaName: 'Morö Backe',
    startsAt: '2026-12-09T08:00:00Z',
    endsAt: '2026-12-09T12:00:00Z',
    reason: 'Ledningsbyte',
  };

  it('asks for the customer and the planned interruptions at once: one round trip, not two', async () => {
    const { ctx, asked, release } = heldSystem();
    const read = fetchPerson(ctx, { personalNumber: ANNA } as never);
    // Both requests are out before either answers.
    expect(asked).toEqual([`api/v1/customers/${ANNA}`, 'api/v1/interruptions']);
    release[0]!({ personalNumber: ANNA, properties: [property()] });
    release[1]!({ interruptions: [interruption] });
    const raw = await read;
    expect(waterAnswer.parse(raw).interruptions).toEqual([interruption]);
  });

  it('answers "no customer" for a 404, whatever the interruptions say', async () => {
    const { ctx, release } = heldSystem();
    const read = fetchPerson(ctx, { personalNumber: ANNA } as never);
    release[0]!(null);
    release[1]!({ interruptions: [interruption] });
    await expect(read).resolves.toBeNull();
  });

  it('passes an interruption list it cannot read on to the hub’s validation, which fails it whole', async () => {
    const { ctx, release } = heldSystem();
    const read = fetchPerson(ctx, { personalNumber: ANNA } as never);
    release[0]!({ personalNumber: ANNA, properties: [property()] });
    release[1]!('<html>Driftinformation</html>');
    expect(waterAnswer.safeParse(await read).success).toBe(false);
  });
});

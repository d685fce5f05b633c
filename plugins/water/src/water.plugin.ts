import { z } from 'zod';
import {
  SourceAnswerInvalidError,
  apiPath,
  definePlugin,
  describeZodError,
  type SourceHttp,
} from '@frontdoor/plugin-sdk';
import { meterReadingAgainst, meterReadingInput, type MeterReading } from './meter-reading.input';
import { meterReadingOutcome, waterAnswer, waterProperty } from './water-answer.schema';
import { refusalLabel } from './water.catalogues';
import { registeredLabel, waterDetail, waterStatuses } from './water.mapping';
import { MeterReadingInput, MeterReadingReceipt, Water } from './water.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const waterConfig = z.object({}).strict();
export type WaterConfig = z.infer<typeof waterConfig>;

const interruptionList = z.object({ interruptions: z.array(z.unknown()) }).loose();

/**
 * The customer and the planned interruptions, asked at once: the list covers every area (the
 * system's operating page, a handful of entries), and the mapping keeps those in the customer's
 * areas. Asking per area after the customer answered cost the overview a second round trip.
 */
async function readCustomer(http: SourceHttp, personalNumber: string, today: string): Promise<unknown> {
  const [customer, planned] = await Promise.all([
    http.getJson(apiPath`api/v1/customers/${personalNumber}`, { notFoundMeansNone: true }),
    http.getJson(apiPath`api/v1/interruptions`, { query: { from: today } }),
  ]);
  if (customer === null) return null;
  // A list the plugin cannot read goes to the hub's validation as it came, to fail there whole.
  const interruptions = interruptionList.safeParse(planned).data?.interruptions ?? [planned];
  return { customer, interruptions };
}

const customerProperties = z.object({ properties: z.array(waterProperty) });

/**
 * Registers a reading, after checking it against the meter's last one: a meter only counts up,
 * and a reading lower than the last is a misread the agent can correct while the caller is on
 * the line. The system checks the same; the plugin's check names the figures in Swedish.
 */
async function registerReading(http: SourceHttp, reading: MeterReading, today: string): Promise<unknown> {
  const customer = await http.getJson(apiPath`api/v1/customers/${reading.personalNumber}`, {
    notFoundMeansNone: true,
  });
  // An answer the plugin cannot read is the system's failure, not the caller's: nothing is booked.
  const parsed = customerProperties.safeParse(customer ?? { properties: [] });
  if (!parsed.success)
    throw new SourceAnswerInvalidError(`the customer record: ${describeZodError(parsed.error)}`);
  const { properties } = parsed.data;
  const meter = properties.find((p) => p.meter?.meterId === reading.meterId)?.meter;
  if (meter) {
    const checked = meterReadingAgainst(meter.lastReading, today).safeParse(reading);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return {
        outcome: 'REFUSED',
        reason:
          issue.path[0] === 'reading'
            ? 'LOWER_THAN_LAST'
            : reading.readOn > today
              ? 'DATE_IN_FUTURE'
              : 'BEFORE_LAST_READING',
        message: `${String(issue.path[0])}: ${issue.message}`,
      };
    }
  }
  return http.postJson(apiPath`api/v1/meters/${reading.meterId}/readings`, {
    personalNumber: reading.personalNumber,
    value: reading.reading,
    readOn: reading.readOn,
  });
}

/**
 * Water and sewage (vatten och avlopp): the owner's properties' subscriptions, the last meter
 * reading, the next billing and planned interruptions in the area; meter readings registered
 * by the first line (Järfälla's example of a contact it can close).
 */
export const waterPlugin = definePlugin({
  id: 'water',
  department: 'Vatten och avlopp',
  version: '1.0.0',
  sdk: '^4.2',
  config: waterConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http, today }, person) => readCustomer(http, person.personalNumber, today),
    answer: waterAnswer,
    statuses: (answer, today, reader) => waterStatuses(answer, today, reader),
    detail: {
      field: 'water',
      description:
        'Water and sewage: each property’s subscription, meter and last reading, next billing and planned interruptions.',
      type: () => Water,
      map: waterDetail,
      // Above the status: the meter, the billing and the property are more than whether there is a subscription.
      mandate: 2,
    },
    // The property is where the owner lives; so is its area, and an interruption there (its time
    // and place are published together), which the mapping leaves out whole when blanked.
    whereabouts: [
      'customer.properties.*.designation',
      'customer.properties.*.address.street',
      'customer.properties.*.address.postalCode',
      'customer.properties.*.address.city',
      'interruptions.*.areaName',
      'interruptions.*.startsAt',
      'interruptions.*.endsAt',
      'interruptions.*.reason',
    ],
    placeIds: [
      'customer.properties.*.propertyId',
      'customer.properties.*.areaId',
      'customer.properties.*.meter.meterId',
      'interruptions.*.interruptionId',
      'interruptions.*.areaId',
    ],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'registerMeterReading',
      description:
        'Registers a water meter reading (mätarställning) the owner reports: not lower than the last, not in the future.',
      mandate: 3,
      inputType: () => MeterReadingInput,
      input: meterReadingInput,
      type: () => MeterReadingReceipt,
      // The hub sends the client's idempotency key with the request: a retry never registers twice.
      run: ({ http, today }, reading) => registerReading(http, reading, today),
      answer: meterReadingOutcome,
      map: (outcome) =>
        outcome.outcome === 'REGISTERED'
          ? { accepted: true, readingId: outcome.reading.readingId, label: registeredLabel(outcome.reading) }
          : {
              accepted: false,
              readingId: null,
              label: outcome.message ?? refusalLabel(outcome.reason),
            },
      subjects: (input) => [input.personalNumber],
    }),
  ],
});

import Fastify from 'fastify';
import { z } from 'zod';
import { apiPath } from '../connection/department-url';
import { definePlugin } from '../define-plugin';
import { statusCatalogue } from '../status-catalogue';
import { StatusState } from '../status-state';
import {
  describePluginContract,
  expectNoSecretInStatuses,
  expectPathsReached,
  expectStatusLevelsReached,
  type ContractSystem,
} from './plugin-contract';

const PERSON_WITH_MATTERS = '199001012385';
const PERSON_WITHOUT = '189001019802';
const API_KEY = 'kit-spec-key';

const catalogue = statusCatalogue({
  ORDERED: { state: StatusState.IN_PROGRESS, label: 'Beställd' },
  DONE: { state: StatusState.COMPLETED, label: 'Klar' },
});
const answer = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      address: z.string(),
      lotId: z.string(),
      priceKronor: z.number(),
    }),
  ),
});
type OrdersAnswer = z.infer<typeof answer>;
class Order {}
class OrderInput {}

/** A plugin with an action and no tables of its own: the 404 test once started its attempts together. */
const ordersPlugin = definePlugin({
  id: 'street-orders',
  department: 'Gata',
  version: '0.1.0',
  sdk: '^4',
  config: z.object({}).strict(),
  connection: { healthPath: 'api/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/people/${person.personalNumber}/orders`, { notFoundMeansNone: true }),
    answer,
    statuses: (found) =>
      (found?.orders ?? []).map((order) => ({
        kind: 'street-order',
        reference: order.id,
        title: 'Beställning',
        ...catalogue.lookup(order.status),
      })),
    // SDK 4.2: the price is secret beyond the status, in a detail field of its own at level 4.
    statusLevels: { 'street-order': 2 },
    secretFields: ['orders.*.priceKronor'],
    details: [
      {
        field: 'streetOrderPrices',
        description: 'What each order costs.',
        type: () => Order,
        map: (found) => (found ? { prices: found.orders.map((order) => order.priceKronor) } : null),
        mandate: 4,
      },
    ],
    whereabouts: ['orders.*.address'],
    placeIds: ['orders.*.lotId'],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'orderStreetSweeping',
      description: 'Orders a street sweeping.',
      mandate: 3,
      inputType: () => OrderInput,
      input: z.object({ personalNumber: z.string().regex(/^\d{12}$/) }),
      type: () => Order,
      run: ({ http }, input) => http.postJson('api/orders', input),
      answer: z.object({ orderId: z.string() }),
      map: (order) => order,
      subjects: (input) => [input.personalNumber],
    }),
  ],
});

async function startSystem(): Promise<ContractSystem> {
  let fault: 'error' | 'garbage' | 'hang' | null = null;
  const orders = new Map<string, { orderId: string }>();
  const app = Fastify({ forceCloseConnections: true });
  app.addHook('onRequest', async (request, reply) => {
    if (fault === 'hang') return reply.hijack();
    if (fault === 'error') return reply.code(500).send({ error: 'fake failure' });
    if (fault === 'garbage') return reply.code(200).send({ orders: 'not a list' });
    if (request.headers['x-api-key'] !== API_KEY) return reply.code(401).send({ error: 'Unauthorized' });
    return undefined;
  });
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get<{ Params: { pn: string } }>('/api/people/:pn/orders', async (request, reply) => {
    if (request.params.pn !== PERSON_WITH_MATTERS) return reply.code(404).send({ error: 'unknown person' });
    return {
      orders: [{ id: 'O-1', status: 'ORDERED', address: 'Storgatan 1', lotId: 'LOT-17', priceKronor: 5400 }],
    };
  });
  app.post('/api/orders', async (request) => {
    const key = String(request.headers['idempotency-key']);
    if (!orders.has(key)) orders.set(key, { orderId: `O-${orders.size + 2}` });
    return orders.get(key);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    connection: { baseUrl: `${url}/`, auth: { scheme: 'api-key', key: API_KEY } },
    setFault: async (mode) => {
      fault = mode;
    },
    close: () => app.close(),
  };
}

// The whole kit, green, for a plugin with an action and no tables (issue 23: an unhandled rejection before).
describePluginContract({
  plugin: ordersPlugin,
  startSystem,
  personWithMatters: PERSON_WITH_MATTERS,
  personWithout: PERSON_WITHOUT,
  catalogues: [catalogue],
  actions: { orderStreetSweeping: { input: { personalNumber: PERSON_WITH_MATTERS } } },
});

describe('expectPathsReached: a declared path that reaches nothing is named', () => {
  const found = { orders: [{ id: 'O-1', address: 'Storgatan 1', lotId: '' }] };

  it('passes when every path reaches a value', () => {
    expect(() =>
      expectPathsReached(found, 'person.whereabouts', ['orders.*.address'], PERSON_WITH_MATTERS),
    ).not.toThrow();
  });

  it('names a misspelt whereabouts path, the declaration and whose answer it was', () => {
    expect(() =>
      expectPathsReached(
        found,
        'person.whereabouts',
        ['orders.*.address', 'orders.*.adress'],
        PERSON_WITH_MATTERS,
      ),
    ).toThrow(
      `person.whereabouts: "orders.*.adress" reaches no value in the answer for ${PERSON_WITH_MATTERS}`,
    );
  });

  it('names a misspelt placeIds path, and one that reaches only empty strings', () => {
    const strings = (values: unknown[]) => values.filter((v) => typeof v === 'string' && v.length > 0);
    expect(() =>
      expectPathsReached(found, 'person.placeIds', ['orders.*.lotID', 'orders.*.lotId'], 'x', strings),
    ).toThrow('person.placeIds: "orders.*.lotID", "orders.*.lotId" reach no value in the answer for x');
  });

  it('names a query’s declaration with the arguments it was run with', () => {
    expect(() =>
      expectPathsReached(found, 'queries.lookup.whereabouts', ['order.address'], '{"id":"O-1"}'),
    ).toThrow('queries.lookup.whereabouts: "order.address" reaches no value in the answer for {"id":"O-1"}');
  });
});

describe('expectNoSecretInStatuses: the kit fails a plugin whose status texts tell a secret field', () => {
  const found: OrdersAnswer = {
    orders: [{ id: 'O-1', status: 'DONE', address: 'Storgatan 1', lotId: 'LOT-17', priceKronor: 5400 }],
  };
  /** The orders plugin, its statuses worded by `word` for each reader. */
  const wordedBy = (
    word: (order: OrdersAnswer['orders'][number], kind: string) => Record<string, unknown>,
  ) => ({
    ...ordersPlugin.person,
    statuses: (answer: OrdersAnswer | null, _today: string, reader?: { kind: string }) =>
      (answer?.orders ?? []).map((order) => ({
        kind: 'street-order',
        reference: order.id,
        title: 'Beställning',
        ...catalogue.lookup(order.status),
        ...word(order, reader?.kind ?? 'staff'),
      })),
  });

  it('passes the plugin that keeps the price to its detail field', () => {
    expect(() => expectNoSecretInStatuses(ordersPlugin.person, found, '2026-11-24')).not.toThrow();
  });

  it.each([
    ['the label, as digits', () => ({ label: 'Klar, 5400 kr' })],
    ['the next step, the Swedish way with a no-break space', () => ({ nextStep: 'Betala 5\u00a0400 kr' })],
    ['the next step, the Swedish way with a space', () => ({ nextStep: 'Betala 5 400 kr' })],
    ['the title', () => ({ title: 'Beställning för 5400 kr' })],
    ['the action label', () => ({ action: { label: 'Betala 5400 kr', url: '#betala' } })],
  ])('fails a plugin that tells it in %s', (_where, word) => {
    expect(() => expectNoSecretInStatuses(wordedBy(word), found, '2026-11-24')).toThrow(
      `person.secretFields: a secret value appears in a status text: "orders.*.priceKronor" in the staff reader's status of kind "street-order"`,
    );
  });

  it('fails a plugin that tells it to one kind of reader only, naming that reader', () => {
    const toCitizen = wordedBy((_order, kind) =>
      kind === 'citizen' ? { label: 'Du betalar 5 400 kr' } : {},
    );
    expect(() => expectNoSecretInStatuses(toCitizen, found, '2026-11-24')).toThrow(
      /"orders\.\*\.priceKronor" in the citizen reader's status of kind "street-order"\./,
    );
  });

  it('fails a secret field whose path reaches nothing (misspelt): it would guard nothing', () => {
    expect(() =>
      expectPathsReached(found, 'person.secretFields', ['orders.*.price'], PERSON_WITH_MATTERS),
    ).toThrow('person.secretFields: "orders.*.price" reaches no value');
  });
});

describe('expectStatusLevelsReached: a level declared for a kind the plugin never gives is named', () => {
  const found: OrdersAnswer = {
    orders: [{ id: 'O-1', status: 'DONE', address: 'Storgatan 1', lotId: 'LOT-17', priceKronor: 5400 }],
  };

  it('passes the plugin whose declared kinds are the kinds it gives', () => {
    expect(() => expectStatusLevelsReached(ordersPlugin.person, found, '2026-11-24', 'x')).not.toThrow();
  });

  it('fails a misspelt kind, which would leave the matter at level 1', () => {
    const misspelt = { ...ordersPlugin.person, statusLevels: { 'street-orders': 2 as const } };
    expect(() => expectStatusLevelsReached(misspelt, found, '2026-11-24', PERSON_WITH_MATTERS)).toThrow(
      `person.statusLevels: "street-orders" is the kind of no status item in the answer for ${PERSON_WITH_MATTERS} (kinds given: "street-order")`,
    );
  });
});

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { seedWater } from './water.data';
import { idempotentCommand } from '../idempotent-command';

export interface WaterSystemOptions {
  today: string;
  apiKey?: string;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const interruptionsQuery = z.object({ from: date });
const readingBody = z.object({
  personalNumber: z.string().regex(/^\d{12}$/),
  value: z.number().int().min(0),
  readOn: date,
});

type Reading = { readingId: string; meterId: string; value: number; readOn: string; source: 'CUSTOMER' };
type Outcome =
  | { outcome: 'REGISTERED'; reading: Reading }
  | {
      outcome: 'REFUSED';
      reason: 'UNKNOWN_METER' | 'NOT_OWNER' | 'LOWER_THAN_LAST' | 'DATE_IN_FUTURE' | 'SUBSCRIPTION_ENDED';
    };

/**
 * The water and sewage system (VA-kundsystem): customers with their properties' subscriptions,
 * meters and billing, planned interruptions per distribution area, and meter readings reported
 * through the contact center. A reading honours an Idempotency-Key, so a retry never registers
 * twice; the system refuses a reading lower than the last or dated in the future.
 */
export function registerWaterSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: WaterSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-water-key';
  const { customers, interruptions } = seedWater(options.today);
  const registered: (Reading & { personalNumber: string })[] = [];

  const decide = (meterId: string, body: z.infer<typeof readingBody>): Outcome => {
    const owner = [...customers.values()].find((c) => c.properties.some((p) => p.meter?.meterId === meterId));
    if (!owner) return { outcome: 'REFUSED', reason: 'UNKNOWN_METER' };
    if (owner.personalNumber !== body.personalNumber) return { outcome: 'REFUSED', reason: 'NOT_OWNER' };
    const property = owner.properties.find((p) => p.meter?.meterId === meterId)!;
    const meter = property.meter!;
    if (property.subscription.status === 'TERMINATED')
      return { outcome: 'REFUSED', reason: 'SUBSCRIPTION_ENDED' };
    if (body.readOn > options.today) return { outcome: 'REFUSED', reason: 'DATE_IN_FUTURE' };
    if (meter.lastReading && body.value < meter.lastReading.value)
      return { outcome: 'REFUSED', reason: 'LOWER_THAN_LAST' };
    const reading: Reading = {
      readingId: `AVL-${randomUUID().slice(0, 8).toUpperCase()}`,
      meterId,
      value: body.value,
      readOn: body.readOn,
      source: 'CUSTOMER',
    };
    meter.lastReading = { value: reading.value, readOn: reading.readOn, source: 'CUSTOMER' };
    property.updatedAt = new Date().toISOString();
    registered.push({ personalNumber: body.personalNumber, ...reading });
    return { outcome: 'REGISTERED', reading };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/water/admin/')) return undefined;
        if (await faults.apply('water', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/customers/:personalNumber',
        async (request, reply) =>
          customers.get(request.params.personalNumber) ?? reply.code(404).send({ error: 'no such customer' }),
      );

      // Every area's planned interruptions not yet ended: the operating page's list, a handful at a
      // time, which a client can ask for beside the customer instead of after it.
      system.get('/api/v1/interruptions', async (request, reply) => {
        const query = interruptionsQuery.safeParse(request.query);
        if (!query.success) return reply.code(400).send({ error: 'Bad Request', issues: ['from'] });
        const from = `${query.data.from}T00:00:00`;
        return { interruptions: interruptions.filter((i) => i.endsAt >= from) };
      });

      system.get<{ Params: { areaId: string } }>(
        '/api/v1/areas/:areaId/interruptions',
        async (request, reply) => {
          const query = interruptionsQuery.safeParse(request.query);
          if (!query.success) return reply.code(400).send({ error: 'Bad Request', issues: ['from'] });
          const from = `${query.data.from}T00:00:00`;
          return {
            interruptions: interruptions.filter(
              (i) => i.areaId === request.params.areaId && i.endsAt >= from,
            ),
          };
        },
      );

      system.post<{ Params: { meterId: string } }>(
        '/api/v1/meters/:meterId/readings',
        idempotentCommand({
          body: readingBody,
          decide: (params, data) => decide(params.meterId, data),
          created: 'REGISTERED',
        }),
      );

      // For tests and demos: every reading registered through the API.
      system.get('/admin/readings', async () => registered);
    },
    { prefix: '/water' },
  );
}

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { addDays } from '../../clock';
import { seedWasteExport, toCsv } from './waste.data';

export interface WasteSystemOptions {
  today: string;
  apiKey?: string;
}

const orderRequest = z.object({
  propertyId: z.string().min(1),
  kind: z.enum(['BULKY_WASTE']),
  preferredDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  description: z.string().min(1).max(500),
  orderedBy: z.string().regex(/^\d{12}$/),
});

interface Order {
  orderId: string;
  propertyId: string;
  status: 'BOOKED';
  pickupDate: string;
  idempotencyKey: string;
}

/**
 * The waste collection system: a nightly CSV export (what Frontdoor imports) and an
 * orders API for bulky waste pickups that honours an Idempotency-Key, as a payment-style
 * API would, so a retried order never books twice.
 */
export function registerWasteSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: WasteSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-waste-key';
  const orders = new Map<string, Order>();
  let exportRows = seedWasteExport(options.today);
  const knownProperties = () => new Set(exportRows.map((row) => row[0]));

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/waste/admin/')) return undefined;
        if (await faults.apply('waste', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get('/export/latest.csv', async (_request, reply) =>
        reply.header('content-type', 'text/csv; charset=utf-8').send(toCsv(exportRows)),
      );

      system.post('/api/v1/orders', async (request, reply) => {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || key.length < 8)
          return reply.code(400).send({ error: 'Idempotency-Key header required' });
        const replay = orders.get(key);
        if (replay) return reply.code(200).send(replay);
        const body = orderRequest.safeParse(request.body);
        if (!body.success)
          return reply
            .code(400)
            .send({ error: 'Bad Request', issues: body.error.issues.map((i) => i.path.join('.')) });
        if (!knownProperties().has(body.data.propertyId))
          return reply.code(404).send({ error: 'Unknown property' });
        const earliest = addDays(options.today, 3);
        const order: Order = {
          orderId: `GROV-${randomUUID().slice(0, 8).toUpperCase()}`,
          propertyId: body.data.propertyId,
          status: 'BOOKED',
          pickupDate: body.data.preferredDate > earliest ? body.data.preferredDate : earliest,
          idempotencyKey: key,
        };
        orders.set(key, order);
        return reply.code(201).send(order);
      });

      // For tests and demos: what was booked, and a way to change the export.
      system.get('/admin/orders', async () => [...orders.values()]);
      system.put('/admin/export', async (request, reply) => {
        const rows = z.array(z.array(z.string())).safeParse(request.body);
        if (!rows.success) return reply.code(400).send({ error: 'expected rows as arrays of strings' });
        exportRows = rows.data;
        return reply.code(204).send();
      });
    },
    { prefix: '/waste' },
  );
}

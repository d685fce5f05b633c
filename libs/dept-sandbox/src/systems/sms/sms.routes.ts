import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';

export interface SmsProviderOptions {
  apiKey?: string;
}

const sendRequest = z.object({
  from: z.string().min(1).max(11),
  to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number, e.g. +46701234567'),
  text: z.string().min(1).max(1600),
});

interface SandboxSms {
  id: string;
  from: string;
  to: string;
  text: string;
  status: 'sent' | 'delivered';
  idempotencyKey: string | null;
  at: string;
}

/**
 * Plays an HTTP SMS provider of the kind municipalities buy: `POST /sms/v1/messages`
 * `{ from, to, text }` with a bearer key answers `201 { id, status }`, honouring an
 * `Idempotency-Key` (the same key answers the first message again); `GET /sms/v1/messages/:id`
 * polls the operator's delivery report (`delivered`, or `failed` for a number made undeliverable
 * with `POST /sms/admin/undeliverable-numbers`). What was sent is readable at `GET /sms/admin/inbox`; a number made to be
 * refused (`POST /sms/admin/rejected-numbers`) answers `422 { error: "invalid_recipient" }`.
 */
export function registerSmsProvider(
  app: FastifyInstance,
  faults: FaultBoard,
  options: SmsProviderOptions = {},
): void {
  const apiKey = options.apiKey ?? 'sandbox-sms-key';
  const sent: SandboxSms[] = [];
  const byKey = new Map<string, SandboxSms>();
  const rejected = new Set<string>();
  /** Numbers the operator cannot deliver to: accepted, then reported failed. */
  const undeliverable = new Set<string>();

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/sms/admin/')) return undefined;
        if (await faults.apply('sms', reply)) return reply;
        if (request.headers.authorization !== `Bearer ${apiKey}`)
          return reply.code(401).send({ error: 'unauthorized' });
        return undefined;
      });

      system.post('/v1/messages', async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const idempotencyKey = typeof key === 'string' && key ? key : null;
        const replay = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
        if (replay) return reply.code(201).send({ id: replay.id, status: replay.status });
        const body = sendRequest.safeParse(request.body);
        if (!body.success)
          return reply.code(422).send({
            error: 'invalid_request',
            message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          });
        if (rejected.has(body.data.to))
          return reply
            .code(422)
            .send({ error: 'invalid_recipient', message: 'the number cannot receive texts' });
        const sms: SandboxSms = {
          id: `sms-${randomUUID()}`,
          ...body.data,
          status: 'sent',
          idempotencyKey,
          at: new Date().toISOString(),
        };
        sent.push(sms);
        if (idempotencyKey) byKey.set(idempotencyKey, sms);
        return reply.code(201).send({ id: sms.id, status: sms.status });
      });

      system.get('/v1/messages/:id', async (request, reply) => {
        const sms = sent.find((s) => s.id === (request.params as { id: string }).id);
        if (!sms) return reply.code(404).send({ error: 'not_found' });
        // The operator's report has come by the time anyone asks.
        return { id: sms.id, status: undeliverable.has(sms.to) ? 'failed' : 'delivered' };
      });

      system.get('/admin/inbox', async () => sent);
      system.delete('/admin/inbox', async (_request, reply) => {
        sent.length = 0;
        byKey.clear();
        return reply.code(204).send();
      });
      system.post('/admin/rejected-numbers', async (request, reply) => {
        const body = z.object({ number: sendRequest.shape.to }).safeParse(request.body);
        if (!body.success) return reply.code(400).send({ error: 'number: an E.164 number' });
        rejected.add(body.data.number);
        return reply.code(204).send();
      });
      system.delete('/admin/rejected-numbers', async (_request, reply) => {
        rejected.clear();
        return reply.code(204).send();
      });
      system.post('/admin/undeliverable-numbers', async (request, reply) => {
        const body = z.object({ number: sendRequest.shape.to }).safeParse(request.body);
        if (!body.success) return reply.code(400).send({ error: 'number: an E.164 number' });
        undeliverable.add(body.data.number);
        return reply.code(204).send();
      });
    },
    { prefix: '/sms' },
  );
}

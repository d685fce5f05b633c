import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { startCallGenerator } from './call-generator';
import { callScenario } from './call-scenario';

const scenarioQuery = z.object({
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  calls: z.coerce.number().int().min(1).max(100_000),
  start: z.iso.datetime({ offset: true }).default('2026-11-24T08:00:00Z'),
  meanArrivalS: z.coerce.number().positive().max(3600).optional(),
  meanTalkS: z.coerce.number().positive().max(7200).optional(),
  meanPatienceS: z.coerce.number().positive().max(7200).optional(),
  agents: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined)),
  idPrefix: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,40}$/)
    .optional(),
});

/**
 * `GET /telephony/scenario?seed=&calls=`: the deterministic calls of a seed, as the platform
 * would post them (sorted by time), for tests and benchmarks to post at their own pace.
 */
const generatorBody = z
  .object({
    hubUrl: z.url(),
    /** The platform's service account at the hub's demo token issuer (embedded default only). */
    clientId: z.string().min(1).default('telephony-platform'),
    agents: z
      .array(z.string().min(1))
      .min(1)
      .default(['agent-anna', 'agent-pia', 'agent-sim-1', 'agent-sim-2', 'agent-sim-3', 'agent-sim-4']),
    meanArrivalS: z.number().positive().max(3600).optional(),
    meanTalkS: z.number().positive().max(7200).optional(),
    meanPatienceS: z.number().positive().max(7200).optional(),
  })
  .strict();

/** A caller choosing "ring me back" in the IVR: the sandbox posts it to the hub as the platform. */
const callbackBody = z
  .object({
    hubUrl: z.url(),
    clientId: z.string().min(1).default('telephony-platform'),
    number: z.string().min(1).max(40),
    queue: z.string().min(1).max(60).default('kundtjanst'),
    callAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .strict();

/** The platform's service-account token at the hub's demo issuer (embedded default only). */
async function platformToken(hubUrl: string, clientId: string): Promise<string> {
  const response = await fetch(`${hubUrl}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'service', sub: clientId }),
  });
  if (response.status !== 200) throw new Error(`no demo token for ${clientId}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export function registerTelephonyPlatform(app: FastifyInstance): void {
  let generator: { stop(): void } | undefined;
  app.addHook('onClose', async () => generator?.stop());

  // `npm start` starts the live calls once the hub is up; DELETE stops them.
  app.post('/telephony/generator', async (request, reply) => {
    const parsed = generatorBody.safeParse(request.body);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { hubUrl, clientId, ...rest } = parsed.data;
    generator?.stop();
    generator = startCallGenerator({
      ...rest,
      hubUrl: hubUrl.replace(/\/$/, ''),
      token: () => platformToken(hubUrl.replace(/\/$/, ''), clientId),
    });
    return reply.code(204).send();
  });
  app.delete('/telephony/generator', async (_request, reply) => {
    generator?.stop();
    generator = undefined;
    return reply.code(204).send();
  });

  // `POST /telephony/callback-request`: one callback request posted to the hub, its answer passed back.
  app.post('/telephony/callback-request', async (request, reply) => {
    const parsed = callbackBody.safeParse(request.body);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { hubUrl, clientId, ...callback } = parsed.data;
    const hub = hubUrl.replace(/\/$/, '');
    try {
      const response = await fetch(`${hub}/telephony/callbacks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await platformToken(hub, clientId)}`,
        },
        body: JSON.stringify({
          requestId: `sandbox-${randomUUID()}`,
          ...callback,
          callAt: callback.callAt ?? null,
        }),
      });
      return reply.code(response.status).send(await response.json());
    } catch (error) {
      // The hub not up, or answering garbage: say so, as a platform's integration log would.
      return reply.code(502).send({ error: `the hub did not take the request: ${(error as Error).message}` });
    }
  });

  app.get('/telephony/scenario', async (request, reply) => {
    const parsed = scenarioQuery.safeParse(request.query);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return callScenario(parsed.data);
  });
}

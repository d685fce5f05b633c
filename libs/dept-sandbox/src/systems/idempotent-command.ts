import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * A department system's command endpoint, as the systems the sandbox plays behave: an
 * `Idempotency-Key` header is required; a key seen before gets its first outcome again (200)
 * without a second effect; the body is checked (400 naming the fields); a new outcome is kept
 * under its key and answered 201 when it is the `created` kind, else 200 (a refusal with a reason).
 */
export function idempotentCommand<
  TParams extends Record<string, string>,
  TBody,
  TOutcome extends { outcome: string },
>(command: {
  body: z.ZodType<TBody>;
  decide: (params: TParams, body: TBody) => TOutcome;
  /** The outcome that created something (201); without one every outcome is a 200. */
  created?: TOutcome['outcome'];
}): (request: FastifyRequest<{ Params: TParams }>, reply: FastifyReply) => Promise<FastifyReply> {
  const outcomesByKey = new Map<string, TOutcome>();
  return async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length < 8)
      return reply.code(400).send({ error: 'Idempotency-Key header required' });
    const replay = outcomesByKey.get(key);
    if (replay) return reply.code(200).send(replay);
    const body = command.body.safeParse(request.body);
    if (!body.success)
      return reply
        .code(400)
        .send({ error: 'Bad Request', issues: body.error.issues.map((i) => i.path.join('.')) });
    const outcome = command.decide(request.params as TParams, body.data);
    outcomesByKey.set(key, outcome);
    return reply.code(outcome.outcome === command.created ? 201 : 200).send(outcome);
  };
}

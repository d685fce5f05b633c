import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const given = new WeakMap<FastifyRequest, string>();

/**
 * The request's correlation id: the caller's `x-correlation-id` when it is a plain token,
 * otherwise a fresh UUID, the same one for the handler and the failure filter.
 */
export function correlationIdOf(request: FastifyRequest): string {
  let id = given.get(request);
  if (!id) {
    const header = request.headers[CORRELATION_HEADER];
    id = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
    given.set(request, id);
  }
  return id;
}

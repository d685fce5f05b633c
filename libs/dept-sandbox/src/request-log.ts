import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** One request a sandbox system received: which system (its path prefix), the method and the path. */
export interface LoggedRequest {
  system: string;
  method: string;
  path: string;
}

/** Enough for a test's few calls; the oldest go first so a long demo run does not grow without end. */
const KEPT = 2000;

/**
 * What the sandbox's systems were asked, so a test can prove from the department's side that a
 * system was (or was never) asked about a person, e.g. that the IVR's prefetch skips a secrecy
 * department. The admin and demo routes are not logged.
 */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > KEPT) this.entries.splice(0, this.entries.length - KEPT);
  }

  list(system?: string): LoggedRequest[] {
    return system ? this.entries.filter((e) => e.system === system) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

const NOT_LOGGED = new Set(['admin', 'demo']);
const listQuery = z.object({
  system: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
});

/** Logs every request to a system (its first path segment) and serves `GET/DELETE /admin/requests`. */
export function registerRequestLog(app: FastifyInstance, log: RequestLog): void {
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0]!;
    const system = path.split('/')[1] ?? '';
    if (system && !NOT_LOGGED.has(system)) log.record({ system, method: request.method, path });
  });
  app.get('/admin/requests', async (request, reply) => {
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success)
      return reply.code(400).send({ error: 'Bad Request', message: 'system: a path prefix' });
    return log.list(parsed.data.system);
  });
  app.delete('/admin/requests', async (_request, reply) => {
    log.clear();
    return reply.code(204).send();
  });
}

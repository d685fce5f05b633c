import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The systems the sandbox plays (departments, the SMS provider, the digital mailbox); each lives under `/<system>/`. */
export const SANDBOX_SYSTEMS = [
  'childcare',
  'invoicing',
  'waste',
  'permits',
  'register',
  'income-support',
  'homecare',
  'child-youth',
  'parking',
  'swim',
  'water',
  'chimney-sweep',
  'school',
  'sms',
  'mailbox',
  'bankid',
] as const;
export type SandboxSystem = (typeof SANDBOX_SYSTEMS)[number];

export const faultRequest = z.object({
  system: z.enum(SANDBOX_SYSTEMS),
  mode: z.enum(['slow', 'hang', 'error', 'garbage', 'down']),
  delayMs: z.number().int().min(0).max(120_000).optional(),
});
export type Fault = z.infer<typeof faultRequest>;

/**
 * Fault injection for tests and benchmarks: makes one system slow, hang, fail with 500,
 * drop the connection (down) or answer garbage, until cleared.
 */
export class FaultBoard {
  private readonly faults = new Map<SandboxSystem, Fault>();

  set(fault: Fault): void {
    this.faults.set(fault.system, fault);
  }

  clear(system?: SandboxSystem): void {
    if (system) this.faults.delete(system);
    else this.faults.clear();
  }

  list(): Fault[] {
    return [...this.faults.values()];
  }

  /**
   * Applies the fault, if any, before the system's own handler. Returns true when
   * the fault has answered (or will never answer) and the handler must not run.
   */
  async apply(system: SandboxSystem, reply: FastifyReply): Promise<boolean> {
    const fault = this.faults.get(system);
    if (!fault) return false;
    switch (fault.mode) {
      case 'slow':
        // unref: a slow answer in flight must not keep a closing sandbox (or a test worker) alive.
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 3000).unref());
        return false;
      case 'hang':
        // Never answer; the server's forceCloseConnections ends these sockets on shutdown.
        reply.hijack();
        return true;
      case 'down':
        // The connection is dropped unanswered, as when the provider cannot be reached.
        reply.hijack();
        reply.raw.socket?.destroy();
        return true;
      case 'error':
        await reply.code(500).send({ error: 'Internal Server Error', message: 'Simulated failure' });
        return true;
      case 'garbage':
        await reply
          .code(200)
          .header('content-type', 'application/json')
          .send(
            '{"applications":"§§§","items":"§§§","cases":"§§§ not what you expected","queuePosition":-1}',
          );
        return true;
    }
  }
}

export function registerFaultRoutes(app: FastifyInstance, board: FaultBoard): void {
  app.get('/admin/faults', async () => board.list());
  app.post('/admin/faults', async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = faultRequest.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'Bad Request',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    board.set(parsed.data);
    return reply.code(204).send();
  });
  app.delete('/admin/faults', async (request: FastifyRequest, reply: FastifyReply) => {
    const system = (request.query as { system?: string }).system;
    const parsed = z.enum(SANDBOX_SYSTEMS).optional().safeParse(system);
    if (!parsed.success)
      return reply.code(400).send({ error: 'Bad Request', message: `unknown system ${system}` });
    board.clear(parsed.data);
    return reply.code(204).send();
  });
}

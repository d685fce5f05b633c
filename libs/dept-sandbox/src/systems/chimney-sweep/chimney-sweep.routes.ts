import type { FastifyInstance } from 'fastify';
import type { FaultBoard } from '../../faults';
import { seedChimneySweep } from './chimney-sweep.data';

export interface ChimneySweepSystemOptions {
  today: string;
  apiKey?: string;
}

/**
 * The sweep register (sotningsregister) the municipality keeps with its contractor: each
 * owner's properties, their fireplaces, the next sweep or fire-safety inspection and the last
 * protocol with its remarks. Read only.
 */
export function registerChimneySweepSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: ChimneySweepSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-chimney-sweep-key';
  const owners = seedChimneySweep(options.today);

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (await faults.apply('chimney-sweep', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/owners/:personalNumber/properties',
        async (request, reply) =>
          owners.get(request.params.personalNumber) ?? reply.code(404).send({ error: 'no such owner' }),
      );
    },
    { prefix: '/chimney-sweep' },
  );
}

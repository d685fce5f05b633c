import type { FastifyInstance } from 'fastify';
import type { FaultBoard } from '../../faults';
import type { IncomeSupportClient } from './income-support.data';

export interface IncomeSupportSystemOptions {
  apiKey: string;
  clients: Map<string, IncomeSupportClient>;
}

/**
 * The income-support system's REST API (ekonomiskt bistånd, under social-services secrecy) as
 * the department would run it: an API key header, a household's monthly applications by the
 * applicant's 12-digit personal number, 404 for a person who has never applied.
 */
export function registerIncomeSupportSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: IncomeSupportSystemOptions,
): void {
  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (await faults.apply('income-support', reply)) return reply;
        if (request.headers['x-api-key'] !== options.apiKey)
          return reply.code(401).send({ error: 'Unauthorized', message: 'missing or wrong x-api-key' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/clients/:personalNumber/applications',
        async (request, reply) => {
          const { personalNumber } = request.params;
          if (!/^\d{12}$/.test(personalNumber))
            return reply
              .code(400)
              .send({ error: 'Bad Request', message: 'personal number must be 12 digits' });
          const client = options.clients.get(personalNumber);
          if (!client)
            return reply.code(404).send({ error: 'Not Found', message: 'no applications for this person' });
          return client;
        },
      );
    },
    { prefix: '/income-support' },
  );
}

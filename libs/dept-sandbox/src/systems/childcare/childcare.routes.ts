import type { FastifyInstance } from 'fastify';
import type { FaultBoard } from '../../faults';
import type { ChildcareApplication } from './childcare.data';

export interface ChildcareSystemOptions {
  apiKey: string;
  applicationsByGuardian: Map<string, ChildcareApplication[]>;
}

/**
 * The childcare queue system's REST API as a department would run it: an API key
 * header, applications per guardian (12-digit personal number), 404 for a stranger.
 */
export function registerChildcareSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: ChildcareSystemOptions,
): void {
  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (await faults.apply('childcare', reply)) return reply;
        if (request.headers['x-api-key'] !== options.apiKey) {
          return reply.code(401).send({ error: 'Unauthorized', message: 'missing or wrong x-api-key' });
        }
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/guardians/:personalNumber/applications',
        async (request, reply) => {
          const { personalNumber } = request.params;
          if (!/^\d{12}$/.test(personalNumber)) {
            return reply
              .code(400)
              .send({ error: 'Bad Request', message: 'personal number must be 12 digits' });
          }
          const applications = options.applicationsByGuardian.get(personalNumber);
          if (!applications)
            return reply.code(404).send({ error: 'Not Found', message: 'no applications for this guardian' });
          return { guardianPersonalNumber: personalNumber, applications };
        },
      );
    },
    { prefix: '/childcare' },
  );
}

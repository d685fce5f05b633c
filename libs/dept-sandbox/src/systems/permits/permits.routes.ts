import type { FastifyInstance } from 'fastify';
import type { FaultBoard } from '../../faults';
import { seedPermitCases } from './permits.data';

export interface PermitsSystemOptions {
  today: string;
  apiKey?: string;
}

/** The building permit system's REST API: cases per applicant and by case number (diarienummer). */
export function registerPermitsSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: PermitsSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-permits-key';
  const cases = seedPermitCases(options.today);
  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (await faults.apply('permits', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });
      system.get('/api/v1/health', async () => ({ status: 'ok' }));
      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/applicants/:personalNumber/cases',
        async (request, reply) => {
          const found = cases.filter((c) => c.applicantPersonalNumber === request.params.personalNumber);
          if (!found.length) return reply.code(404).send({ error: 'no cases for this applicant' });
          return { cases: found };
        },
      );
      system.get<{ Params: { caseNumber: string } }>('/api/v1/cases/:caseNumber', async (request, reply) => {
        const found = cases.find((c) => c.caseNumber === request.params.caseNumber);
        return found ?? reply.code(404).send({ error: 'no such case' });
      });
    },
    { prefix: '/permits' },
  );
}

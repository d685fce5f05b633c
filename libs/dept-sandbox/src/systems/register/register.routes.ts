import type { FastifyInstance } from 'fastify';
import type { FaultBoard } from '../../faults';
import type { RegisterRecord } from './register.data';
import { searchProblem, searchRegister, type RegisterSearch } from './register-search';

export interface RegisterSystemOptions {
  apiKey: string;
  records: Map<string, RegisterRecord>;
}

/**
 * The population register (folkbokföringen, as a municipality reaches it through Navet):
 * one person per 12-digit personal number, 404 for someone not registered. The real
 * service uses a client certificate; the sandbox plays that with an API key header.
 */
export function registerPopulationRegister(
  app: FastifyInstance,
  faults: FaultBoard,
  options: RegisterSystemOptions,
): void {
  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (await faults.apply('register', reply)) return reply;
        if (request.headers['x-api-key'] !== options.apiKey) {
          return reply.code(401).send({ error: 'Unauthorized', message: 'missing or wrong x-api-key' });
        }
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      // Search by name and address (SPAR-like): capped, protected identities never found.
      system.get<{ Querystring: RegisterSearch }>('/api/v1/person-search', async (request, reply) => {
        const query = request.query ?? {};
        const search: RegisterSearch = {
          name: text(query.name),
          address: text(query.address),
          postalCode: text(query.postalCode),
          birthYear: text(query.birthYear),
        };
        const problem = searchProblem(search);
        if (problem) return reply.code(400).send({ error: 'Bad Request', message: problem });
        return searchRegister(options.records.values(), search);
      });

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/persons/:personalNumber',
        async (request, reply) => {
          const { personalNumber } = request.params;
          if (!/^\d{12}$/.test(personalNumber)) {
            return reply
              .code(400)
              .send({ error: 'Bad Request', message: 'personal number must be 12 digits' });
          }
          const record = options.records.get(personalNumber);
          if (!record) return reply.code(404).send({ error: 'Not Found', message: 'not registered' });
          return record;
        },
      );
    },
    { prefix: '/register' },
  );
}

/** One query-string value as text; a repeated parameter is not a search the register knows. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

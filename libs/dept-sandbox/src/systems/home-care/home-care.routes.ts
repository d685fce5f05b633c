import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addDays } from '../../clock';
import type { FaultBoard } from '../../faults';
import { seedHomeCare } from './home-care.data';
import { idempotentCommand } from '../idempotent-command';

export interface HomeCareSystemOptions {
  today: string;
  apiKey?: string;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const visitsQuery = z.object({
  from: date,
  days: z.coerce.number().int().min(1).max(31).default(14),
});

const changeRequestBody = z.object({
  kind: z.enum(['CHANGE_VISIT_TIME', 'CANCEL_VISIT', 'PAUSE_VISITS', 'MESSAGE']),
  visitId: z.string().min(1).nullable().default(null),
  wishedFrom: time.nullable().default(null),
  wishedTo: time.nullable().default(null),
  pauseFrom: date.nullable().default(null),
  pauseTo: date.nullable().default(null),
  message: z.string().min(1).max(1000),
});

type ChangeRequest = z.infer<typeof changeRequestBody> & {
  requestId: string;
  receivedAt: string;
  status: 'RECEIVED';
};

type Outcome =
  | { outcome: 'RECEIVED'; request: ChangeRequest }
  | {
      outcome: 'REFUSED';
      reason: 'UNKNOWN_CLIENT' | 'NO_GRANTED_DECISION' | 'UNKNOWN_VISIT' | 'VISIT_PASSED' | 'PAUSE_IN_PAST';
    };

/**
 * The home-care system (verksamhetssystem för hemtjänst): clients with their decisions
 * (biståndsbeslut), the planned visits, the teams, and change requests from the contact
 * center. A change request honours an Idempotency-Key, so a retry never files it twice; a
 * request the system cannot take (an unknown visit, no granted home care) is answered with
 * its reason, and what it took shows in the client's next read.
 */
export function registerHomeCareSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: HomeCareSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-homecare-key';
  const { clients, visits, teams } = seedHomeCare(options.today);
  const requestsByClient = new Map<string, ChangeRequest[]>();

  const decide = (personalNumber: string, body: z.infer<typeof changeRequestBody>): Outcome => {
    const client = clients.get(personalNumber);
    if (!client) return { outcome: 'REFUSED', reason: 'UNKNOWN_CLIENT' };
    if (!client.decisions.some((d) => d.status === 'GRANTED'))
      return { outcome: 'REFUSED', reason: 'NO_GRANTED_DECISION' };
    if (body.kind === 'CHANGE_VISIT_TIME' || body.kind === 'CANCEL_VISIT') {
      const visit = (visits.get(personalNumber) ?? []).find((v) => v.visitId === body.visitId);
      if (!visit) return { outcome: 'REFUSED', reason: 'UNKNOWN_VISIT' };
      if (visit.date < options.today) return { outcome: 'REFUSED', reason: 'VISIT_PASSED' };
    }
    if (body.kind === 'PAUSE_VISITS' && (body.pauseTo ?? '') < options.today)
      return { outcome: 'REFUSED', reason: 'PAUSE_IN_PAST' };
    const request: ChangeRequest = {
      ...body,
      requestId: `ÄND-${randomUUID().slice(0, 8).toUpperCase()}`,
      receivedAt: new Date().toISOString(),
      status: 'RECEIVED',
    };
    requestsByClient.set(personalNumber, [...(requestsByClient.get(personalNumber) ?? []), request]);
    return { outcome: 'RECEIVED', request };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/homecare/admin/')) return undefined;
        if (await faults.apply('homecare', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/clients/:personalNumber',
        async (request, reply) => {
          const client = clients.get(request.params.personalNumber);
          if (!client) return reply.code(404).send({ error: 'no such client' });
          return { ...client, changeRequests: requestsByClient.get(client.personalNumber) ?? [] };
        },
      );

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/clients/:personalNumber/visits',
        async (request, reply) => {
          const query = visitsQuery.safeParse(request.query);
          if (!query.success)
            return reply
              .code(400)
              .send({ error: 'Bad Request', issues: query.error.issues.map((i) => i.path.join('.')) });
          if (!clients.has(request.params.personalNumber))
            return reply.code(404).send({ error: 'no such client' });
          const until = addDays(query.data.from, query.data.days);
          const planned = (visits.get(request.params.personalNumber) ?? []).filter(
            (v) => v.date >= query.data.from && v.date < until,
          );
          return { visits: planned };
        },
      );

      system.get<{ Params: { teamId: string } }>('/api/v1/teams/:teamId', async (request, reply) => {
        return teams.get(request.params.teamId) ?? reply.code(404).send({ error: 'no such team' });
      });

      system.post<{ Params: { personalNumber: string } }>(
        '/api/v1/clients/:personalNumber/change-requests',
        idempotentCommand({
          body: changeRequestBody,
          decide: (params, data) => decide(params.personalNumber, data),
          created: 'RECEIVED',
        }),
      );

      // For tests and demos: every change request the system has taken.
      system.get('/admin/change-requests', async () =>
        [...requestsByClient.entries()].flatMap(([personalNumber, requests]) =>
          requests.map((r) => ({ personalNumber, ...r })),
        ),
      );
    },
    { prefix: '/homecare' },
  );
}

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { CASE_OFFICERS, seedChildYouth } from './child-youth.data';
import { idempotentCommand } from '../idempotent-command';

export interface ChildYouthSystemOptions {
  today: string;
  apiKey?: string;
}

const callbackBody = z.object({
  callbackNumber: z.string().regex(/^(\+46|0)\d{6,12}$/),
  message: z.string().min(1).max(500),
});

interface CallbackRequest {
  requestId: string;
  callbackNumber: string;
  message: string;
  receivedAt: string;
  status: 'RECEIVED';
}

type Outcome =
  | { outcome: 'RECEIVED'; request: CallbackRequest; officerName: string }
  | { outcome: 'REFUSED'; reason: 'UNKNOWN_CHILD' | 'NO_CASE_OFFICER' };

/**
 * The social-services system for children and young people (Barn och unga, e.g. a Lifecare- or
 * Treserva-shaped API): a child's investigations and supports with the case officer, 404 for a
 * child it does not know, and callback requests to the officer that honour an Idempotency-Key.
 */
export function registerChildYouthSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: ChildYouthSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-child-youth-key';
  const children = seedChildYouth(options.today);
  const officers = new Map(CASE_OFFICERS.map((o) => [o.officerId, o]));
  const callbacksByChild = new Map<string, CallbackRequest[]>();

  const decide = (personalNumber: string, body: z.infer<typeof callbackBody>): Outcome => {
    const child = children.get(personalNumber);
    if (!child) return { outcome: 'REFUSED', reason: 'UNKNOWN_CHILD' };
    const officer = child.caseOfficerId ? officers.get(child.caseOfficerId) : undefined;
    if (!officer) return { outcome: 'REFUSED', reason: 'NO_CASE_OFFICER' };
    const request: CallbackRequest = {
      ...body,
      requestId: `RING-${randomUUID().slice(0, 8).toUpperCase()}`,
      receivedAt: new Date().toISOString(),
      status: 'RECEIVED',
    };
    callbacksByChild.set(personalNumber, [...(callbacksByChild.get(personalNumber) ?? []), request]);
    return { outcome: 'RECEIVED', request, officerName: officer.name };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/child-youth/admin/')) return undefined;
        if (await faults.apply('child-youth', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/children/:personalNumber/matters',
        async (request, reply) => {
          const { personalNumber } = request.params;
          if (!/^\d{12}$/.test(personalNumber))
            return reply
              .code(400)
              .send({ error: 'Bad Request', message: 'personal number must be 12 digits' });
          const child = children.get(personalNumber);
          if (!child) return reply.code(404).send({ error: 'Not Found', message: 'no such child' });
          const { caseOfficerId, ...matters } = child;
          return {
            ...matters,
            caseOfficer: (caseOfficerId && officers.get(caseOfficerId)) || null,
            callbackRequests: callbacksByChild.get(personalNumber) ?? [],
          };
        },
      );

      system.post<{ Params: { personalNumber: string } }>(
        '/api/v1/children/:personalNumber/callback-requests',
        idempotentCommand({
          body: callbackBody,
          decide: (params, data) => decide(params.personalNumber, data),
          created: 'RECEIVED',
        }),
      );

      // For tests and demos: every callback request the system has taken.
      system.get('/admin/callback-requests', async () =>
        [...callbacksByChild.entries()].flatMap(([personalNumber, requests]) =>
          requests.map((r) => ({ personalNumber, ...r })),
        ),
      );
    },
    { prefix: '/child-youth' },
  );
}

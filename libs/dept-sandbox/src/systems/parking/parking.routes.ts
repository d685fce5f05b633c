import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { seedParking, type FineReview, type ParkingFine } from './parking.data';
import { idempotentCommand } from '../idempotent-command';

export interface ParkingSystemOptions {
  today: string;
  apiKey?: string;
}

const reviewBody = z.object({
  personalNumber: z.string().regex(/^\d{12}$/),
  reason: z.enum(['SIGN_UNCLEAR', 'PERMIT_VALID', 'VEHICLE_SOLD', 'VEHICLE_STOLEN', 'OTHER']),
  message: z.string().min(1).max(2000),
});

type Outcome =
  | { outcome: 'RECEIVED'; fineId: string; review: FineReview }
  | {
      outcome: 'REFUSED';
      reason: 'UNKNOWN_FINE' | 'NOT_OWNER' | 'ALREADY_REQUESTED' | 'ALREADY_DECIDED' | 'CANCELLED';
    };

/** A fine as the system shows it to its owner: who owns it is the path's, not the answer's. */
const publicFine = ({ owner: _owner, ...fine }: ParkingFine) => ({
  ...fine,
  review: fine.review ? { ...fine.review, message: undefined } : null,
});

/**
 * The parking system (parkeringssystem): residents' parking permits (boendeparkering) and
 * parking fines (felparkeringsavgift) by owner, and requests for a fine's review. A review
 * request honours an Idempotency-Key, so a retry never files it twice; one the system cannot
 * take is answered with its reason, and what it took shows in the person's next read.
 */
export function registerParkingSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: ParkingSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-parking-key';
  const { permitsByPerson, fines } = seedParking(options.today);
  const taken: (FineReview & { fineId: string; personalNumber: string })[] = [];
  const known = (personalNumber: string) =>
    permitsByPerson.has(personalNumber) || [...fines.values()].some((f) => f.owner === personalNumber);

  const decide = (fineId: string, body: z.infer<typeof reviewBody>): Outcome => {
    const fine = fines.get(fineId);
    if (!fine) return { outcome: 'REFUSED', reason: 'UNKNOWN_FINE' };
    if (fine.owner !== body.personalNumber) return { outcome: 'REFUSED', reason: 'NOT_OWNER' };
    if (fine.status === 'CANCELLED') return { outcome: 'REFUSED', reason: 'CANCELLED' };
    if (fine.review?.status === 'REQUESTED') return { outcome: 'REFUSED', reason: 'ALREADY_REQUESTED' };
    if (fine.review) return { outcome: 'REFUSED', reason: 'ALREADY_DECIDED' };
    const now = new Date().toISOString();
    const review: FineReview = {
      reviewId: `OMP-${randomUUID().slice(0, 8).toUpperCase()}`,
      status: 'REQUESTED',
      reason: body.reason,
      message: body.message,
      requestedAt: now,
      decidedAt: null,
    };
    // Payment waits while the fine is reviewed; a paid fine keeps its state and is refunded if cancelled.
    fines.set(fineId, {
      ...fine,
      status: fine.status === 'UNPAID' ? 'REVIEW_REQUESTED' : fine.status,
      review,
      updatedAt: now,
    });
    taken.push({ ...review, fineId, personalNumber: fine.owner });
    return { outcome: 'RECEIVED', fineId, review };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/parking/admin/')) return undefined;
        if (await faults.apply('parking', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/persons/:personalNumber',
        async (request, reply) => {
          const { personalNumber } = request.params;
          if (!known(personalNumber)) return reply.code(404).send({ error: 'no such person' });
          return {
            personalNumber,
            permits: permitsByPerson.get(personalNumber) ?? [],
            fines: [...fines.values()].filter((f) => f.owner === personalNumber).map(publicFine),
          };
        },
      );

      system.post<{ Params: { fineId: string } }>(
        '/api/v1/fines/:fineId/reviews',
        idempotentCommand({
          body: reviewBody,
          decide: (params, data) => decide(params.fineId, data),
          created: 'RECEIVED',
        }),
      );

      // For tests and demos: every review request the system has taken in this run.
      system.get('/admin/reviews', async () => taken);
    },
    { prefix: '/parking' },
  );
}

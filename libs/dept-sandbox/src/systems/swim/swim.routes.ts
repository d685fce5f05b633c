import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { seedSwim, type SwimBooking } from './swim.data';
import { idempotentCommand } from '../idempotent-command';

export interface SwimSystemOptions {
  today: string;
  apiKey?: string;
}

const cancellationBody = z.object({
  personalNumber: z.string().regex(/^\d{12}$/),
  reason: z.string().max(500).nullable().default(null),
});

type Outcome =
  | { outcome: 'CANCELLED'; booking: Omit<SwimBooking, 'booker'> }
  | {
      outcome: 'REFUSED';
      reason: 'UNKNOWN_BOOKING' | 'NOT_BOOKER' | 'ALREADY_CANCELLED' | 'TOO_LATE' | 'PASSED';
    };

/** A booking as the system shows it to its booker. */
const publicBooking = ({ booker: _booker, ...booking }: SwimBooking) => booking;

/**
 * The bath system (bokningssystem för badhus och simskola): swim-school queue places with the
 * group offered, and bookings by booker; a booking is cancelled at the latest the day before.
 * A cancellation honours an Idempotency-Key, so a retry is answered as the first was.
 */
export function registerSwimSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: SwimSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-swim-key';
  const { queueByBooker, bookings } = seedSwim(options.today);
  const cancelled: { bookingId: string; personalNumber: string; reason: string | null }[] = [];
  const bookingsOf = (pn: string) => [...bookings.values()].filter((b) => b.booker === pn);

  const decide = (bookingId: string, body: z.infer<typeof cancellationBody>): Outcome => {
    const booking = bookings.get(bookingId);
    if (!booking) return { outcome: 'REFUSED', reason: 'UNKNOWN_BOOKING' };
    if (booking.booker !== body.personalNumber) return { outcome: 'REFUSED', reason: 'NOT_BOOKER' };
    if (booking.status === 'CANCELLED') return { outcome: 'REFUSED', reason: 'ALREADY_CANCELLED' };
    if (booking.date < options.today || booking.status === 'ATTENDED')
      return { outcome: 'REFUSED', reason: 'PASSED' };
    if (booking.date === options.today) return { outcome: 'REFUSED', reason: 'TOO_LATE' };
    const updated: SwimBooking = { ...booking, status: 'CANCELLED', updatedAt: new Date().toISOString() };
    bookings.set(bookingId, updated);
    cancelled.push({ bookingId, personalNumber: body.personalNumber, reason: body.reason });
    return { outcome: 'CANCELLED', booking: publicBooking(updated) };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/swim/admin/')) return undefined;
        if (await faults.apply('swim', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/customers/:personalNumber',
        async (request, reply) => {
          const { personalNumber } = request.params;
          const queue = queueByBooker.get(personalNumber) ?? [];
          const booked = bookingsOf(personalNumber);
          if (!queue.length && !booked.length) return reply.code(404).send({ error: 'no such customer' });
          return { personalNumber, queue, bookings: booked.map(publicBooking) };
        },
      );

      system.post<{ Params: { bookingId: string } }>(
        '/api/v1/bookings/:bookingId/cancellation',
        idempotentCommand({
          body: cancellationBody,
          decide: (params, data) => decide(params.bookingId, data),
        }),
      );

      // For tests and demos: every cancellation the system has made in this run.
      system.get('/admin/cancellations', async () => cancelled);
    },
    { prefix: '/swim' },
  );
}

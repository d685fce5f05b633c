import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { seedSchool, type Absence, type PartOfDay, type Pupil } from './school.data';
import { idempotentCommand } from '../idempotent-command';

export interface SchoolSystemOptions {
  today: string;
  apiKey?: string;
}

const absenceBody = z.object({
  date: z.iso.date(),
  partOfDay: z.enum(['FULL_DAY', 'MORNING', 'AFTERNOON']),
  reason: z.enum(['SICK', 'LEAVE']),
  reportedBy: z.string().regex(/^\d{12}$/),
});

type Outcome =
  | { outcome: 'REGISTERED'; pupilPersonalNumber: string; absence: Absence }
  | { outcome: 'REFUSED'; reason: 'UNKNOWN_PUPIL' | 'NOT_GUARDIAN' | 'ALREADY_REPORTED' };

const overlaps = (a: PartOfDay, b: PartOfDay) => a === 'FULL_DAY' || b === 'FULL_DAY' || a === b;

/** A pupil as the system shows it: whom it has as guardians is its own business. */
const publicPupil = ({ guardians: _guardians, ...pupil }: Pupil) => pupil;

/**
 * The school administration system (Skola24/IST-shaped): pupils by personal number with
 * school and class and their registered absences; a guardian's absence report honours an
 * Idempotency-Key, so a retry never books twice. For a guardian, the absences she reported.
 */
export function registerSchoolSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: SchoolSystemOptions,
): void {
  const apiKey = options.apiKey ?? 'sandbox-school-key';
  const pupils = seedSchool(options.today);
  const taken: (Absence & { pupilPersonalNumber: string })[] = [];
  let serial = 2000;

  const reportedBy = (personalNumber: string) =>
    [...pupils.values()].flatMap((pupil) =>
      pupil.absences
        .filter((a) => a.reportedBy === personalNumber)
        .map((a) => ({ ...a, pupilPersonalNumber: pupil.personalNumber, pupilGivenName: pupil.givenName })),
    );

  const register = (pupilPn: string, body: z.infer<typeof absenceBody>): Outcome => {
    const pupil = pupils.get(pupilPn);
    if (!pupil) return { outcome: 'REFUSED', reason: 'UNKNOWN_PUPIL' };
    const guardianName = pupil.guardians[body.reportedBy];
    if (!guardianName) return { outcome: 'REFUSED', reason: 'NOT_GUARDIAN' };
    if (pupil.absences.some((a) => a.date === body.date && overlaps(a.partOfDay, body.partOfDay)))
      return { outcome: 'REFUSED', reason: 'ALREADY_REPORTED' };
    const absence: Absence = {
      absenceId: `FR-${++serial}`,
      date: body.date,
      partOfDay: body.partOfDay,
      reason: body.reason,
      reportedBy: body.reportedBy,
      reportedByName: guardianName,
      reportedAt: new Date().toISOString(),
    };
    pupil.absences.push(absence);
    taken.push({ ...absence, pupilPersonalNumber: pupilPn });
    return { outcome: 'REGISTERED', pupilPersonalNumber: pupilPn, absence };
  };

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/school/admin/')) return undefined;
        if (await faults.apply('school', reply)) return reply;
        if (request.headers['x-api-key'] !== apiKey) return reply.code(401).send({ error: 'Unauthorized' });
        return undefined;
      });

      system.get('/api/v1/health', async () => ({ status: 'ok' }));

      system.get<{ Params: { personalNumber: string } }>(
        '/api/v1/persons/:personalNumber',
        async (request, reply) => {
          const { personalNumber } = request.params;
          const pupil = pupils.get(personalNumber);
          const reported = reportedBy(personalNumber);
          if (!pupil && reported.length === 0) return reply.code(404).send({ error: 'no such person' });
          return { personalNumber, pupil: pupil ? publicPupil(pupil) : null, reported };
        },
      );

      system.post<{ Params: { personalNumber: string } }>(
        '/api/v1/pupils/:personalNumber/absences',
        idempotentCommand({
          body: absenceBody,
          decide: (params, data) => register(params.personalNumber, data),
          created: 'REGISTERED',
        }),
      );

      // For tests and demos: every absence reported to the system in this run.
      system.get('/admin/absences', async () => taken);
    },
    { prefix: '/school' },
  );
}

import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DataSource, In } from 'typeorm';
import { z } from 'zod';
import {
  AuditService,
  AuditTrail,
  CaseEvent,
  CaseQueries,
  PartyService,
  PersonReader,
  ServiceCase,
  parsePersonalNumber,
  type ReaderScope,
} from '@frontdoor/core';
import { AccessPolicy } from '../platform/access/access-policy';
import { ServiceAccountRefused, serviceAccountFor } from '../platform/auth/rest-service-account';
import { TokenVerifier } from '../platform/auth/token-verifier';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { byNewest, caseEvents, statusEvents } from './customer-events';

export const CUSTOMER_EVENTS_PATH = '/mina-arenden/v1/kundhandelser';
/** What the audit log says these reads were for. */
export const CUSTOMER_EVENTS_PURPOSE = 'Mina ärenden';
const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const requestSchema = z
  .object({
    kundidentifierare: z
      .object({
        typ: z.enum(['PERSONNUMMER', 'SAMORDNINGSNUMMER']),
        varde: z.string().min(1).max(20),
      })
      .strict(),
    sida: z.number().int().min(1).default(1),
    antalPerSida: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/**
 * The producer side of the national Mina ärenden: `POST /mina-arenden/v1/kundhandelser`
 * answers one person's customer events (kundhändelser) from their cases and every
 * department's statuses, paged, for a service account whose operations name
 * `kundhandelser`. Every answer is audited as a read with the purpose "Mina ärenden", and
 * the caller's correlation id is echoed and logged. A department that could not answer is
 * named (`komplett: false`, `kallor`): "no events" only ever means there are none.
 */
export function registerCustomerEvents(app: NestFastifyApplication, config: GatewayConfig): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const logger = new Logger('MinaArenden');
  const producer = config.env.MINA_ARENDEN_PRODUCER;

  fastify.post(CUSTOMER_EVENTS_PATH, async (request, reply) => {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    reply.header(CORRELATION_HEADER, correlationId).header('cache-control', 'no-store');
    const fail = (status: number, felkod: string, meddelande: string) =>
      sendError(reply, status, { felkod, meddelande, korrelationsId: correlationId });

    let clientId: string;
    try {
      clientId = (
        await serviceAccountFor(app.get(TokenVerifier), request.headers.authorization, 'kundhandelser')
      ).clientId;
    } catch (error) {
      if (!(error instanceof ServiceAccountRefused)) throw error;
      logger.warn({ correlationId, requestId: request.id, status: error.status }, 'kundhändelser refused');
      return fail(error.status, error.status === 401 ? 'EJ_AUTENTISERAD' : 'EJ_BEHORIG', error.message);
    }

    const parsed = requestSchema.safeParse(request.body);
    if (!parsed.success)
      return fail(
        400,
        'OGILTIG_FRAGA',
        parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      );
    const { kundidentifierare, sida, antalPerSida } = parsed.data;
    let personalNumber: string;
    try {
      const number = parsePersonalNumber(kundidentifierare.varde, 'kundidentifierare.varde');
      const typ = number.isCoordinationNumber ? 'SAMORDNINGSNUMMER' : 'PERSONNUMMER';
      if (typ !== kundidentifierare.typ)
        return fail(
          400,
          'OGILTIG_KUNDIDENTIFIERARE',
          `kundidentifierare: ${kundidentifierare.varde} är ett ${typ.toLowerCase()}, inte ett ${kundidentifierare.typ.toLowerCase()}.`,
        );
      personalNumber = number.value;
    } catch (error) {
      return fail(400, 'OGILTIG_KUNDIDENTIFIERARE', `kundidentifierare.varde: ${(error as Error).message}`);
    }

    const trail = new AuditTrail({ subject: clientId, role: 'service' }, request.id, CUSTOMER_EVENTS_PURPOSE);
    const party = await app.get(PartyService).partyFor(personalNumber);
    const reads = app.get(PersonReader).forRequest();
    const scope = await scopeFor(app.get(AccessPolicy), clientId, reads.plugins);
    const person = await reads.open(personalNumber, party.id, scope, trail, { prefetch: true });
    const [statuses, sources, cases] = await Promise.all([
      reads.statuses(person, trail),
      reads.sources(person, trail),
      casesOf(app.get(DataSource), app.get(CaseQueries), party.id),
    ]);
    trail.record(party.id, [], ['cases']);
    const pageUrl = `${request.protocol}://${request.host}/mina-arenden/`;
    const departments = new Map(reads.plugins.map((p) => [p.id, p.department]));
    const all = [
      ...statusEvents(statuses.items, (id) => departments.get(id) ?? id, producer, pageUrl),
      ...caseEvents(cases.cases, cases.events, cases.directory, producer, pageUrl),
    ].sort(byNewest);

    try {
      await app.get(AuditService).write(trail);
    } catch (error) {
      logger.error(
        { err: error, correlationId, requestId: request.id },
        'audit write failed; answer withheld',
      );
      return fail(503, 'EJ_LOGGAT', 'Läsningen kunde inte loggas, så inget lämnades ut. Försök igen.');
    }

    const missing = sources.filter((s) => s.state === 'FAILED' || s.state === 'WITHHELD');
    logger.log(
      {
        correlationId,
        requestId: request.id,
        client: clientId,
        events: all.length,
        missing: missing.map((s) => s.plugin),
      },
      'kundhändelser answered',
    );
    return reply.send({
      producent: producer,
      kundidentifierare: { typ: kundidentifierare.typ, varde: personalNumber },
      kundhandelser: all.slice((sida - 1) * antalPerSida, sida * antalPerSida),
      sida,
      antalPerSida,
      totaltAntal: all.length,
      antalSidor: Math.max(1, Math.ceil(all.length / antalPerSida)),
      // Never let a department that is down look like a person without events.
      komplett: missing.length === 0,
      kallor: sources.map((s) => ({
        kalla: s.plugin,
        forvaltning: s.department,
        status: s.state,
        ...(s.asOf ? { per: s.asOf.toISOString() } : {}),
        ...(s.reason ? { orsak: s.reason } : {}),
      })),
    });
  });
}

/**
 * What the forwarding service may read: the person's own view (it shows them their matters
 * after their own e-ID sign-in there), as the citizen role's mandates are configured, but
 * never a protected person's whereabouts: the events leave the municipality.
 */
async function scopeFor(
  policy: AccessPolicy,
  clientId: string,
  plugins: { id: string; department: string }[],
): Promise<ReaderScope> {
  const levels = await policy.mandatesIn({ subject: clientId, role: 'citizen' }, [
    ...new Set(plugins.map((p) => p.department)),
  ]);
  const permitted = plugins.filter((p) => levels.get(p.department)! >= 1).map((p) => p.id);
  return {
    permitted,
    withheld: plugins.map((p) => p.id).filter((id) => !permitted.includes(id)),
    seesProtectedWhereabouts: false,
  };
}

/** The person's cases outside sekretess (confidential categories never leave through this channel), with their events. */
async function casesOf(dataSource: DataSource, queries: CaseQueries, partyId: string) {
  const directory = await queries.directory();
  const cases = (await dataSource.getRepository(ServiceCase).findBy({ partyId })).filter(
    (c) => !directory.categories.get(c.categoryId)?.confidential,
  );
  const events = cases.length
    ? await dataSource
        .getRepository(CaseEvent)
        .find({ where: { caseId: In(cases.map((c) => c.id)) }, order: { at: 'ASC' } })
    : [];
  return { cases, events, directory };
}

function sendError(
  reply: FastifyReply,
  status: number,
  body: { felkod: string; meddelande: string; korrelationsId: string },
) {
  return reply.code(status).send(body);
}

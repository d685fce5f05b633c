import { Logger } from '@nestjs/common';
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
import { byNewest, caseEvents, statusEvents } from './customer-events';

/** What the audit log says these reads were for. */
export const CUSTOMER_EVENTS_PURPOSE = 'Mina ärenden';

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

/** A refusal in the endpoint's documented terms; its filter adds the correlation id. */
export class CustomerEventsRefused extends Error {
  constructor(
    readonly status: number,
    readonly felkod: string,
    message: string,
  ) {
    super(message);
  }
}

/** Who asks and where the answer points: the request's own facts, read by the controller. */
export interface CustomerEventsCall {
  clientId: string;
  requestId: string;
  correlationId: string;
  /** The citizen's page the events link to. */
  pageUrl: string;
}

/**
 * One person's customer events (kundhändelser) for the forwarding service: the question
 * checked, the person's view scoped as the citizen role's mandates allow, their cases and
 * every department's statuses read, audited as a read for "Mina ärenden", and paged.
 */
export class CustomerEventsService {
  private readonly logger = new Logger('MinaArenden');

  constructor(
    private readonly parties: PartyService,
    private readonly reader: PersonReader,
    private readonly policy: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly queries: CaseQueries,
    private readonly audit: AuditService,
    private readonly producer: string,
  ) {}

  async answer(body: unknown, call: CustomerEventsCall) {
    const { kundidentifierare, sida, antalPerSida, personalNumber } = this.question(body);
    const { clientId, requestId, correlationId } = call;
    const trail = new AuditTrail({ subject: clientId, role: 'service' }, requestId, CUSTOMER_EVENTS_PURPOSE);
    const party = await this.parties.partyFor(personalNumber);
    const reads = this.reader.forRequest();
    const scope = await this.scopeFor(clientId, reads.plugins);
    const person = await reads.open(personalNumber, party.id, scope, trail, { prefetch: true });
    const [statuses, sources, cases] = await Promise.all([
      reads.statuses(person, trail),
      reads.sources(person, trail),
      this.casesOf(party.id),
    ]);
    trail.record(party.id, [], ['cases']);
    const departments = new Map(reads.plugins.map((p) => [p.id, p.department]));
    const all = [
      ...statusEvents(statuses.items, (id) => departments.get(id) ?? id, this.producer, call.pageUrl),
      ...caseEvents(cases.cases, cases.events, cases.directory, this.producer, call.pageUrl),
    ].sort(byNewest);

    try {
      await this.audit.write(trail);
    } catch (error) {
      this.logger.error({ err: error, correlationId, requestId }, 'audit write failed; answer withheld');
      throw new CustomerEventsRefused(
        503,
        'EJ_LOGGAT',
        'Läsningen kunde inte loggas, så inget lämnades ut. Försök igen.',
      );
    }

    const missing = sources.filter((s) => s.state === 'FAILED' || s.state === 'WITHHELD');
    this.logger.log(
      {
        correlationId,
        requestId,
        client: clientId,
        events: all.length,
        missing: missing.map((s) => s.plugin),
      },
      'kundhändelser answered',
    );
    return {
      producent: this.producer,
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
    };
  }

  /** The question, checked: 400 OGILTIG_FRAGA for its shape, OGILTIG_KUNDIDENTIFIERARE for the number or its type. */
  private question(body: unknown) {
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success)
      throw new CustomerEventsRefused(
        400,
        'OGILTIG_FRAGA',
        parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      );
    const { kundidentifierare } = parsed.data;
    let number;
    try {
      number = parsePersonalNumber(kundidentifierare.varde, 'kundidentifierare.varde');
    } catch (error) {
      throw new CustomerEventsRefused(
        400,
        'OGILTIG_KUNDIDENTIFIERARE',
        `kundidentifierare.varde: ${(error as Error).message}`,
      );
    }
    const typ = number.isCoordinationNumber ? 'SAMORDNINGSNUMMER' : 'PERSONNUMMER';
    if (typ !== kundidentifierare.typ)
      throw new CustomerEventsRefused(
        400,
        'OGILTIG_KUNDIDENTIFIERARE',
        `kundidentifierare: ${kundidentifierare.varde} är ett ${typ.toLowerCase()}, inte ett ${kundidentifierare.typ.toLowerCase()}.`,
      );
    return { ...parsed.data, personalNumber: number.value };
  }

  /**
   * What the forwarding service may read: the person's own view (it shows them their matters
   * after their own e-ID sign-in there), as the citizen role's mandates are configured, but
   * never a protected person's whereabouts nor a secrecy department's matters: the events leave
   * the municipality.
   */
  private async scopeFor(
    clientId: string,
    plugins: { id: string; department: string }[],
  ): Promise<ReaderScope> {
    const levels = await this.policy.mandatesIn({ subject: clientId, role: 'citizen' }, [
      ...new Set(plugins.map((p) => p.department)),
    ]);
    // A secrecy department's matters never leave through this channel, as confidential case
    // categories do not: the citizen reads them on the municipality's own Mina ärenden. Such a
    // department is outside the channel altogether (not "withheld", which would make every
    // answer incomplete).
    const covered = plugins.filter((p) => !this.policy.isSecret(p.department));
    const permitted = covered.filter((p) => levels.get(p.department)! >= 1).map((p) => p.id);
    return {
      permitted,
      withheld: covered.map((p) => p.id).filter((id) => !permitted.includes(id)),
      seesProtectedWhereabouts: false,
      readerKind: 'citizen',
    };
  }

  /** The person's cases outside sekretess (confidential categories never leave through this channel), with their events. */
  private async casesOf(partyId: string) {
    const directory = await this.queries.directory();
    const cases = (await this.dataSource.getRepository(ServiceCase).findBy({ partyId })).filter(
      (c) => !directory.categories.get(c.categoryId)?.confidential,
    );
    const events = cases.length
      ? await this.dataSource
          .getRepository(CaseEvent)
          .find({ where: { caseId: In(cases.map((c) => c.id)) }, order: { at: 'ASC' } })
      : [];
    return { cases, events, directory };
  }
}

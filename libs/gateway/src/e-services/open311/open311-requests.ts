import { In, type DataSource } from 'typeorm';
import {
  CaseEvent,
  CaseQueries,
  CaseStatus,
  Open311Request,
  ServiceCase,
  parseCallbackContact,
  stockholmDate,
  type EServiceAttribute,
  type OperatingNotices,
} from '@frontdoor/core';
import { toTimeline } from '../../platform/schema/case-mapper';
import type { EServiceIntake, PublicCategory } from '../e-service-intake';
import { Open311Error } from './open311-error';

/** Open311 `services.json`: one entry per public, non-confidential category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  /** An extension: the operating notices in force for the service (driftmeddelanden), title and text. */
  service_notice?: string;
  group: string;
}

export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: string | null;
  long: string | null;
}

/** The form fields of `POST requests` as Fastify parsed them (repeated keys become arrays). */
export type Open311Form = Record<string, string | string[] | undefined>;

/** The spec's default window for GET requests, and the most one query may span. */
const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const MAX_REQUESTS = 1000;
/** W3C date-time (a subset of ISO 8601) with a zone, as GeoReport v2 requires. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** What the citizen-visible timeline says last, when the group has said nothing yet. */
const STATUS_TEXT: Record<string, string> = {
  [CaseStatus.OPEN]: 'Mottaget.',
  [CaseStatus.FORWARDED]: 'Skickat till rätt handläggare.',
  [CaseStatus.WAITING_FOR_CUSTOMER]: 'Väntar på svar från dig.',
  [CaseStatus.CLOSED]: 'Avslutat.',
};

/**
 * Open311 GeoReport v2 over the case chain: the public categories as services, a request as
 * an E_SERVICE case (EServiceIntake), and the requests made through Open311 read back with
 * their status from the citizen-visible timeline. Only requests made here are listed: a
 * phone contact is never shown to an e-service, and no reporter's name, e-mail or phone
 * leaves through GET.
 */
export class Open311Requests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: EServiceIntake,
    private readonly queries: CaseQueries,
    private readonly jurisdictionId: string,
    /** The notices in force: returned with their service, so an app can say what is going on. */
    private readonly notices?: OperatingNotices,
  ) {}

  async services(): Promise<Open311Service[]> {
    const categories = this.open311Categories();
    const notices = this.notices
      ? await this.notices.inForce({ categoryKeys: categories.map((c) => c.key) })
      : [];
    const noticeOf = (key: string) =>
      notices
        .filter((n) => n.categoryKey === key)
        .map((n) => `${n.title}: ${n.text}`)
        .join('\n\n');
    return categories.map((c) => ({
      service_code: c.key,
      service_name: c.name,
      description: c.description ?? c.name,
      metadata: c.attributes.length > 0,
      type: 'realtime',
      keywords: c.keywords.join(', '),
      group: c.group ?? c.name,
      ...(noticeOf(c.key) ? { service_notice: noticeOf(c.key) } : {}),
    }));
  }

  serviceDefinition(code: string) {
    const category = this.service(code);
    return {
      service_code: category.key,
      attributes: category.attributes.map((a, i) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype === 'number' ? 'Ett tal, t.ex. 3' : null,
        order: i + 1,
        description: a.description,
        values: a.values,
      })),
    };
  }

  /** The jurisdiction check every method shares: only this installation's, when one is named. */
  checkJurisdiction(given: unknown): void {
    if (given === undefined || given === '') return;
    if (given !== this.jurisdictionId)
      throw new Open311Error(
        404,
        `jurisdiction_id "${String(given)}" was not found; this endpoint serves "${this.jurisdictionId}".`,
      );
  }

  async create(
    form: Open311Form,
    clientId: string,
  ): Promise<{ service_request_id: string; service_notice: string }> {
    const field = (name: string) => single(form, name);
    this.checkJurisdiction(field('jurisdiction_id'));
    const code = field('service_code');
    if (!code) throw new Open311Error(400, 'service_code was not provided.');
    const category = this.service(code);
    const description = field('description');
    if (!description) throw new Open311Error(400, 'description was not provided: say what is wrong.');
    if (description.length > 4000) throw new Open311Error(400, 'description: at most 4000 characters.');
    const location = locationOf(field('address_string'), field('lat'), field('long'));
    const attributes = attributesOf(form, category.attributes);
    // Open311's form has `phone` and `email` at its top: no prefix, so the 400 names them as sent.
    const contact = parseCallbackContact({ email: field('email'), phone: field('phone') }, '');
    const reporterName = [field('first_name'), field('last_name')].filter(Boolean).join(' ') || null;
    const place = location.address ?? `${location.lat}, ${location.long}`;
    const summary = [
      description,
      `Plats: ${place}`,
      ...category.attributes
        .filter((a) => attributes[a.code] !== undefined)
        .map((a) => `${a.description}: ${shownValue(a, attributes[a.code])}`),
      ...(reporterName ? [`Anmält av: ${reporterName}`] : []),
    ].join('\n');
    const created = await this.intake.submit(
      category,
      { categoryKey: category.key, summary, contact },
      { subject: clientId, name: clientId },
      'Open311',
      async (tx, registered) => {
        await tx.getRepository(Open311Request).insert({
          caseId: registered.id,
          clientId,
          addressString: location.address,
          lat: location.lat,
          long: location.long,
          reporterName,
          description,
          attributes,
        });
      },
    );
    return {
      service_request_id: created.reference,
      service_notice: `Tack! Ärendet har nummer ${created.reference} och har skickats till ${this.intake.answerGroupName(category.answerGroup)}.`,
    };
  }

  /** GET requests: by ids (which override every other filter), or by service, window and status. */
  async list(query: Record<string, unknown>, now: Date): Promise<Open311ServiceRequest[]> {
    this.checkJurisdiction(query.jurisdiction_id);
    const ids = listOf(query.service_request_id);
    const builder = this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .innerJoin(Open311Request, 'o', 'o.case_id = c.id')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      // limit, not take: the join selects nothing, so no distinct-ids pre-query is needed.
      .limit(MAX_REQUESTS);
    if (ids.length) {
      builder.where('c.reference IN (:...ids)', { ids });
    } else {
      const { start, end } = windowOf(query.start_date, query.end_date, now);
      builder.where('c.created_at >= :start AND c.created_at <= :end', { start, end });
      const codes = listOf(query.service_code);
      if (codes.length) {
        const directory = await this.queries.directory();
        const categoryIds = [...directory.categories.values()]
          .filter((c) => codes.includes(c.key))
          .map((c) => c.id);
        if (!categoryIds.length) return [];
        builder.andWhere('c.category_id IN (:...categoryIds)', { categoryIds });
      }
      const statuses = listOf(query.status);
      for (const status of statuses)
        if (status !== 'open' && status !== 'closed')
          throw new Open311Error(400, `status "${status}": expected open or closed.`);
      if (statuses.length === 1)
        builder.andWhere(statuses[0] === 'closed' ? 'c.status = :closed' : 'c.status <> :closed', {
          closed: CaseStatus.CLOSED,
        });
    }
    return this.present(await builder.getMany());
  }

  async get(reference: string, query: Record<string, unknown>): Promise<Open311ServiceRequest> {
    this.checkJurisdiction(query.jurisdiction_id);
    const found = await this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .innerJoin(Open311Request, 'o', 'o.case_id = c.id')
      .where('c.reference = :reference', { reference })
      .getOne();
    if (!found) throw new Open311Error(404, `service_request_id "${reference}" was not found.`);
    return (await this.present([found]))[0];
  }

  private async present(cases: ServiceCase[]): Promise<Open311ServiceRequest[]> {
    if (!cases.length) return [];
    const caseIds = cases.map((c) => c.id);
    const [directory, rows, events] = await Promise.all([
      this.queries.directory(),
      this.dataSource.getRepository(Open311Request).findBy({ caseId: In(caseIds) }),
      this.dataSource.getRepository(CaseEvent).find({ where: { caseId: In(caseIds) }, order: { at: 'ASC' } }),
    ]);
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    const eventsByCase = new Map<string, CaseEvent[]>();
    for (const event of events) {
      const list = eventsByCase.get(event.caseId);
      if (list) list.push(event);
      else eventsByCase.set(event.caseId, [event]);
    }
    return cases.map((c) => {
      const row = byCase.get(c.id)!;
      const category = directory.categories.get(c.categoryId)!;
      const group = c.answerGroupId ? directory.groups.get(c.answerGroupId) : undefined;
      // The parcel-tracking view the citizen would see: no internal notes, no officers' names,
      // and of the text only what was written for the citizen (never staff text, issue 23).
      const timeline = toTimeline(eventsByCase.get(c.id) ?? [], true, {
        groupName: group?.name ?? null,
        wakeDate: c.status === CaseStatus.WAITING_FOR_CUSTOMER && c.wakeAt ? stockholmDate(c.wakeAt) : null,
      });
      const last = timeline.at(-1);
      // The latest event's text for the citizen; else the status in a word (an older text would be stale).
      const said = last?.type !== 'REGISTERED' ? last?.message : null;
      return {
        service_request_id: c.reference,
        status: c.status === CaseStatus.CLOSED ? 'closed' : 'open',
        status_notes: said ?? STATUS_TEXT[c.status] ?? '',
        service_name: category.name,
        service_code: category.key,
        description: row.description,
        agency_responsible: group?.name ?? '',
        service_notice: '',
        requested_datetime: c.createdAt.toISOString(),
        updated_datetime: (last?.at ?? c.createdAt).toISOString(),
        // The SLA in working days (serviceDeadline): the end of the last working day.
        expected_datetime: c.status !== CaseStatus.CLOSED && c.dueAt ? c.dueAt.toISOString() : null,
        address: row.addressString,
        lat: row.lat,
        long: row.long,
      };
    });
  }

  private open311Categories(): PublicCategory[] {
    // Confidential categories (sekretess) are asked on the signed-in citizen page only.
    return this.intake.publicCategories().filter((c) => !c.confidential);
  }

  private service(code: string): PublicCategory {
    const category = this.open311Categories().find((c) => c.key === code);
    if (!category) throw new Open311Error(404, `service_code "${code}" was not found.`);
    return category;
  }
}

function single(form: Open311Form, name: string): string | undefined {
  const value = form[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() ? text.trim() : undefined;
}

function listOf(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function locationOf(address: string | undefined, lat: string | undefined, long: string | undefined) {
  if (lat !== undefined || long !== undefined) {
    const latN = Number(lat);
    const longN = Number(long);
    if (lat === undefined || long === undefined || !Number.isFinite(latN) || !Number.isFinite(longN))
      throw new Open311Error(400, 'lat and long: give both, as WGS84 decimal degrees (e.g. 59.42, 17.83).');
    if (Math.abs(latN) > 90 || Math.abs(longN) > 180)
      throw new Open311Error(400, 'lat and long: outside the earth (lat −90–90, long −180–180).');
  }
  if (!address && lat === undefined)
    throw new Open311Error(400, 'A location is required: address_string, or lat and long.');
  if (address && address.length > 500) throw new Open311Error(400, 'address_string: at most 500 characters.');
  return { address: address ?? null, lat: lat ?? null, long: long ?? null };
}

/** `attribute[code]=value` fields, checked against the service definition. */
function attributesOf(form: Open311Form, definitions: EServiceAttribute[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!match) continue;
    const definition = definitions.find((d) => d.code === match[1]);
    if (!definition)
      throw new Open311Error(400, `attribute[${match[1]}]: this service has no such attribute.`);
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text) continue;
    if (definition.datatype === 'number' && !Number.isFinite(Number(text)))
      throw new Open311Error(400, `attribute[${definition.code}]: expected a number, got "${text}".`);
    if (definition.datatype === 'singlevaluelist' && !definition.values.some((v) => v.key === text))
      throw new Open311Error(
        400,
        `attribute[${definition.code}]: "${text}" is not one of ${definition.values.map((v) => v.key).join(', ')}.`,
      );
    if (text.length > 1000)
      throw new Open311Error(400, `attribute[${definition.code}]: at most 1000 characters.`);
    answers[definition.code] = text;
  }
  for (const definition of definitions)
    if (definition.required && answers[definition.code] === undefined)
      throw new Open311Error(
        400,
        `attribute[${definition.code}] was not provided: ${definition.description}`,
      );
  return answers;
}

function shownValue(definition: EServiceAttribute, value: string): string {
  return definition.values.find((v) => v.key === value)?.name ?? value;
}

/** start_date and end_date in W3C format; the spec's 90-day window when missing, never longer. */
function windowOf(startText: unknown, endText: unknown, now: Date): { start: Date; end: Date } {
  const parse = (name: string, value: unknown): Date | undefined => {
    if (value === undefined || value === '') return undefined;
    const date = typeof value === 'string' && W3C_DATETIME.test(value) ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw new Open311Error(
        400,
        `${name} "${String(value)}" is not a W3C date-time with a zone, e.g. 2026-11-24T09:00:00Z.`,
      );
    return date;
  };
  const start = parse('start_date', startText);
  const end = parse('end_date', endText);
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
  if (from > to) throw new Open311Error(400, 'start_date is after end_date.');
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS)
    throw new Open311Error(400, `start_date to end_date may not span more than ${WINDOW_DAYS} days.`);
  return { start: from, end: to };
}

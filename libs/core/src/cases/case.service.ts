import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { JobOutbox, type JobQueue } from '@frontdoor/jobs';
import { notFound } from '../errors';
import { PartyService } from '../people/party.service';
import { serviceDeadline } from '../sla/service-deadline';
import { caseRuleBroken } from './case-errors';
import { caseCatalogueOf } from './case-catalogue';
import { newCaseReference } from './case-reference';
import { AnswerGroup, CaseCategory, CaseEvent, ServiceCase } from './case.entities';
import { CaseEventType, CaseStatus, type ContactChannel } from './case-vocabulary';

export interface CaseActor {
  subject: string;
  name?: string;
}

export interface RegisterContactInput {
  channel: ContactChannel;
  categoryKey: string;
  /** Normalised, 12 digits; absent for an anonymous contact. */
  personalNumber?: string;
  summary: string;
  resolvedAtFirstLine: boolean;
  /** What the first line answered, when resolved at once. */
  resolution?: string;
}

/** Job names the case chain schedules. */
export const CASE_JOBS = {
  notifyGroup: 'case.notify-answer-group',
  slaAlarm: 'case.sla-alarm',
} as const;

export interface SlaAlarmPayload {
  caseId: string;
  /** The due time the alarm was scheduled for: a re-forwarded case has a new one. */
  dueAt: string;
}

/**
 * The case chain (ärendekedjan): register a contact, resolve it at the first line or
 * forward it to an answer group, assign, note, reply, close, reopen. Each change and its
 * event are written in one transaction, and so are the jobs it schedules (group notification,
 * SLA alarm, its cancellation): through the outbox, relayed to the queue right after the
 * commit, or later by the background relay when the queue (Redis) is down. A case change
 * therefore never fails because the queue does, and no alarm is lost between the two.
 */
export class CaseService {
  private readonly parties: PartyService;
  readonly outbox: JobOutbox;

  constructor(
    private readonly dataSource: DataSource,
    queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
    outbox?: JobOutbox,
  ) {
    this.parties = new PartyService(dataSource);
    this.outbox = outbox ?? new JobOutbox(dataSource, queue, { now });
  }

  async registerContact(input: RegisterContactInput, actor: CaseActor): Promise<ServiceCase> {
    const category = await this.category(input.categoryKey);
    if (input.resolvedAtFirstLine && !input.resolution?.trim()) {
      throw caseRuleBroken(
        'RESOLUTION_REQUIRED',
        'A contact resolved at the first line needs the answer given (resolution).',
      );
    }
    const partyId = input.personalNumber ? (await this.parties.partyFor(input.personalNumber)).id : null;
    const at = this.now();
    return this.dataSource.transaction(async (tx) => {
      const serviceCase = tx.create(ServiceCase, {
        id: randomUUID(),
        reference: newCaseReference(at.getUTCFullYear()),
        channel: input.channel,
        categoryId: category.id,
        partyId,
        summary: input.summary.trim(),
        status: input.resolvedAtFirstLine ? CaseStatus.CLOSED : CaseStatus.OPEN,
        resolvedAtFirstLine: input.resolvedAtFirstLine,
        answerGroupId: null,
        assigneeSubject: null,
        forwardedAt: null,
        dueAt: null,
        firstReplyAt: input.resolvedAtFirstLine ? at : null,
        resolution: input.resolvedAtFirstLine ? input.resolution!.trim() : null,
        registeredBy: actor.subject,
        createdAt: at,
        closedAt: input.resolvedAtFirstLine ? at : null,
      });
      await insertRows(tx, ServiceCase, [serviceCase]);
      const events = [
        eventRow(serviceCase.id, CaseEventType.REGISTERED, actor, at, input.summary.trim(), false),
      ];
      if (input.resolvedAtFirstLine) {
        // A millisecond later, so the timeline orders the answer after the contact.
        events.push(
          eventRow(
            serviceCase.id,
            CaseEventType.RESOLVED_AT_FIRST_LINE,
            actor,
            new Date(at.getTime() + 1),
            input.resolution!.trim(),
            false,
          ),
        );
      }
      await insertRows(tx, CaseEvent, events);
      return serviceCase;
    });
  }

  async forwardCase(
    caseId: string,
    groupKey: string,
    message: string,
    actor: CaseActor,
  ): Promise<ServiceCase> {
    const group = await this.dataSource.getRepository(AnswerGroup).findOneBy({ key: groupKey });
    if (!group) throw caseRuleBroken('UNKNOWN_ANSWER_GROUP', `There is no answer group "${groupKey}".`);
    const at = this.now();
    return this.change(caseId, async (tx, serviceCase) => {
      if (serviceCase.status === CaseStatus.CLOSED)
        throw caseRuleBroken('CASE_CLOSED', 'A closed case cannot be forwarded; reopen it first.');
      const category = await tx.findOneByOrFail(CaseCategory, { id: serviceCase.categoryId });
      Object.assign(serviceCase, {
        status: CaseStatus.FORWARDED,
        answerGroupId: group.id,
        assigneeSubject: null,
        forwardedAt: at,
        dueAt: serviceDeadline(at, category.slaWorkingDays),
      });
      await this.event(
        tx,
        caseId,
        CaseEventType.FORWARDED,
        actor,
        at,
        `${group.name}: ${message.trim()}`,
        false,
      );
      await this.outbox.add(
        tx,
        CASE_JOBS.notifyGroup,
        { caseId, forwardedAt: at.toISOString() },
        { jobId: `${CASE_JOBS.notifyGroup}:${caseId}:${at.getTime()}` },
      );
      await this.scheduleAlarm(tx, serviceCase);
    });
  }

  async assignCase(caseId: string, assigneeSubject: string, actor: CaseActor): Promise<ServiceCase> {
    return this.change(caseId, async (tx, serviceCase) => {
      if (serviceCase.status !== CaseStatus.FORWARDED)
        throw caseRuleBroken('NOT_FORWARDED', 'Only a case forwarded to an answer group can be assigned.');
      serviceCase.assigneeSubject = assigneeSubject;
      await this.event(tx, caseId, CaseEventType.ASSIGNED, actor, this.now(), assigneeSubject, true);
    });
  }

  async addCaseNote(caseId: string, text: string, actor: CaseActor): Promise<ServiceCase> {
    return this.change(caseId, async (tx) => {
      await this.event(tx, caseId, CaseEventType.NOTE_ADDED, actor, this.now(), text.trim(), true);
    });
  }

  async replyToCitizen(caseId: string, text: string, actor: CaseActor): Promise<ServiceCase> {
    return this.change(caseId, async (tx, serviceCase) => {
      if (serviceCase.status === CaseStatus.CLOSED)
        throw caseRuleBroken('CASE_CLOSED', 'The case is closed; reopen it to reply again.');
      serviceCase.firstReplyAt ??= this.now();
      await this.event(tx, caseId, CaseEventType.REPLIED, actor, this.now(), text.trim(), false);
    });
  }

  async closeCase(caseId: string, resolution: string, actor: CaseActor): Promise<ServiceCase> {
    const closed = await this.change(caseId, async (tx, serviceCase) => {
      if (serviceCase.status === CaseStatus.CLOSED)
        throw caseRuleBroken('CASE_CLOSED', 'The case is already closed.');
      Object.assign(serviceCase, {
        status: CaseStatus.CLOSED,
        resolution: resolution.trim(),
        closedAt: this.now(),
      });
      await this.event(tx, caseId, CaseEventType.CLOSED, actor, this.now(), resolution.trim(), false);
      if (serviceCase.dueAt) await this.outbox.cancel(tx, alarmJobId(serviceCase));
    });
    return closed;
  }

  async reopenCase(caseId: string, reason: string, actor: CaseActor): Promise<ServiceCase> {
    const at = this.now();
    return this.change(caseId, async (tx, serviceCase) => {
      if (serviceCase.status !== CaseStatus.CLOSED)
        throw caseRuleBroken('CASE_NOT_CLOSED', 'Only a closed case can be reopened.');
      const category = await tx.findOneByOrFail(CaseCategory, { id: serviceCase.categoryId });
      Object.assign(serviceCase, {
        status: serviceCase.answerGroupId ? CaseStatus.FORWARDED : CaseStatus.OPEN,
        closedAt: null,
        resolution: null,
        dueAt: serviceCase.answerGroupId ? serviceDeadline(at, category.slaWorkingDays) : null,
      });
      await this.event(tx, caseId, CaseEventType.REOPENED, actor, at, reason.trim(), false);
      await this.scheduleAlarm(tx, serviceCase);
    });
  }

  async get(caseId: string): Promise<ServiceCase> {
    const found = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!found) throw notFound(`There is no case ${caseId}.`);
    return found;
  }

  events(caseId: string): Promise<CaseEvent[]> {
    return this.dataSource.getRepository(CaseEvent).find({ where: { caseId }, order: { at: 'ASC' } });
  }

  private async scheduleAlarm(tx: EntityManager, serviceCase: ServiceCase): Promise<void> {
    if (!serviceCase.dueAt) return;
    const payload: SlaAlarmPayload = { caseId: serviceCase.id, dueAt: serviceCase.dueAt.toISOString() };
    await this.outbox.add(tx, CASE_JOBS.slaAlarm, payload, {
      jobId: alarmJobId(serviceCase),
      runAt: serviceCase.dueAt,
    });
  }

  private async category(key: string): Promise<CaseCategory> {
    const category =
      (await caseCatalogueOf(this.dataSource).categoryByKey(key)) ??
      (await this.dataSource.getRepository(CaseCategory).findOneBy({ key }));
    if (!category) throw caseRuleBroken('UNKNOWN_CATEGORY', `There is no case category "${key}".`);
    return category;
  }

  /** Loads the case, applies the change and saves it, in one transaction. */
  private async change(
    caseId: string,
    apply: (tx: EntityManager, serviceCase: ServiceCase) => Promise<void>,
  ): Promise<ServiceCase> {
    const changed = await this.dataSource.transaction(async (tx) => {
      const serviceCase = await tx.findOneBy(ServiceCase, { id: caseId });
      if (!serviceCase) throw notFound(`There is no case ${caseId}.`);
      await apply(tx, serviceCase);
      await tx.save(ServiceCase, serviceCase);
      return serviceCase;
    });
    // Committed: hand the jobs it asked for to the queue now. If the queue is down they wait in
    // the outbox for the background relay; the change itself has succeeded either way.
    await this.outbox.relay();
    return changed;
  }

  private async event(
    tx: EntityManager,
    caseId: string,
    type: CaseEventType,
    actor: CaseActor,
    at: Date,
    message: string | null,
    internal: boolean,
  ): Promise<void> {
    await insertRows(tx, CaseEvent, [eventRow(caseId, type, actor, at, message, internal)]);
  }
}

function eventRow(
  caseId: string,
  type: CaseEventType,
  actor: CaseActor,
  at: Date,
  message: string | null,
  internal: boolean,
): CaseEvent {
  return {
    id: randomUUID(),
    caseId,
    type,
    at,
    actorSubject: actor.subject,
    actorName: actor.name ?? null,
    message,
    internal,
  };
}

/**
 * Plain INSERTs of rows whose every column the caller sets (ids are UUIDs made here, no
 * database defaults): without TypeORM's read-back of generated values, which cost a
 * query builder and a SELECT per row for nothing (docs/performance.md).
 */
async function insertRows<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  await tx.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
}

/** One alarm per due time: re-forwarding or reopening gives a new one. */
export function alarmJobId(serviceCase: Pick<ServiceCase, 'id' | 'dueAt'>): string {
  return `${CASE_JOBS.slaAlarm}:${serviceCase.id}:${serviceCase.dueAt!.getTime()}`;
}

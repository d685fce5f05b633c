import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { JobOutbox, type JobQueue } from '@frontdoor/jobs';
import { TEXT_LIMITS, badUserInput, conflict, forbidden, notFound, textProblem } from '../errors';
import { PartyService } from '../people/party.service';
import { deadlineText, dueDateOf } from '../sla/deadline-text';
import { serviceDeadline } from '../sla/service-deadline';
import { startOfStockholmDay, workingDaysBetween } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import type { CallbackContact } from './callback-contact';
import type { CaseChange, CaseChangeSubscriber } from './case-change';
import { caseRuleBroken } from './case-errors';
import { CASE_JOBS, type WakeUpPayload } from './case-jobs';
import { caseCatalogueOf } from './case-catalogue';
import { newCaseReference } from './case-reference';
import { AnswerGroup, CaseCategory, CaseEvent, ServiceCase } from './case.entities';
import { decideCaseWrite, type CaseAction, type CaseActor, type CaseWriter } from './case-write-rules';
import { CaseEventType, CaseStatus, type ContactChannel } from './case-vocabulary';
import type { ContactReason } from './contact-reason';

export type { CaseActor, CaseWriter } from './case-write-rules';

export interface RegisterContactInput {
  channel: ContactChannel;
  categoryKey: string;
  /** Normalised, 12 digits; absent for an anonymous contact. */
  personalNumber?: string;
  summary: string;
  resolvedAtFirstLine: boolean;
  /** What the first line answered, when resolved at once. */
  resolution?: string;
  /** How the answer group reaches the citizen, already validated (parseCallbackContact). */
  contact?: CallbackContact | null;
  /** Why the citizen got in touch (decision 0086); absent when not given. */
  contactReason?: ContactReason | null;
}

/** Who acts when a case wakes up by itself. */
const HUB_WRITER: CaseWriter = { subject: 'frontdoor', name: 'Frontdoor', role: 'hub', answerGroupKeys: [] };
/** The furthest ahead a case may be parked: a year, beyond which a wake-up date is a typing error. */
const MAX_PARK_DAYS = 366;

/** The timeline event each write records, and so the change it announces. */
const EVENT_OF: Record<CaseAction, CaseEventType> = {
  note: CaseEventType.NOTE_ADDED,
  forward: CaseEventType.FORWARDED,
  assign: CaseEventType.ASSIGNED,
  'reply to': CaseEventType.REPLIED,
  close: CaseEventType.CLOSED,
  park: CaseEventType.PARKED,
  resume: CaseEventType.RESUMED,
  reopen: CaseEventType.REOPENED,
};

/**
 * The case chain (ärendekedjan): register a contact, resolve it at the first line or
 * forward it to an answer group, assign, note, reply, close, reopen. Each change and its
 * event are written in one transaction, and every change goes through `change()`, which
 * decides access and then announces the change to the subscribers it was built with
 * (statistics, the SLA clock's jobs, citizen notices: `createCaseChain`), in that same
 * transaction. Jobs they ask for go through the outbox, relayed to the queue right after the
 * commit, or later by the background relay when the queue (Redis) is down: a case change
 * never fails because the queue does, and no alarm is lost between the two.
 */
export class CaseService {
  private readonly parties: PartyService;
  readonly outbox: JobOutbox;

  constructor(
    private readonly dataSource: DataSource,
    queue: JobQueue,
    /** Who follows the case chain, in order; `createCaseChain` gives the hub's. */
    private readonly subscribers: readonly CaseChangeSubscriber[],
    private readonly now: () => Date = () => new Date(),
    outbox?: JobOutbox,
  ) {
    this.parties = new PartyService(dataSource);
    this.outbox = outbox ?? new JobOutbox(dataSource, queue, { now });
  }

  /** A contact becomes a case: staff register it (and may resolve it at once). */
  /** `keepBeside` writes what belongs with the new case (the call it was registered during), in its transaction. */
  async registerContact(
    input: RegisterContactInput,
    writer: CaseWriter,
    keepBeside?: (tx: EntityManager, registered: ServiceCase) => Promise<void>,
  ): Promise<ServiceCase> {
    if (writer.role === 'hub' || writer.role === 'intake')
      throw forbidden('Only staff register contacts; an e-service submits its question (submitEService).');
    const category = await this.category(input.categoryKey);
    const partyId = input.personalNumber ? (await this.parties.partyFor(input.personalNumber)).id : null;
    return this.writeThenRelay(async (tx) => {
      const registered = await this.insertCase(tx, input, category, partyId, writer);
      await keepBeside?.(tx, registered);
      // Resolved at once, the contact's chain ends here: those who follow cases hear of it
      // (e.g. the citizen's one question), as they hear of a closing.
      if (registered.resolvedAtFirstLine) {
        const change: CaseChange = {
          type: CaseEventType.RESOLVED_AT_FIRST_LINE,
          before: null,
          after: registered,
          writer,
          at: registered.createdAt,
        };
        const scope = { tx, outbox: this.outbox };
        for (const subscriber of this.subscribers) await subscriber.onCaseChanged(change, scope);
      }
      return registered;
    });
  }

  /**
   * A question from an e-service (the citizen page, Open311) becomes a case forwarded at once to
   * the category's answer group, in one transaction with what the channel keeps beside it
   * (`keepBeside`, e.g. Open311's location): all of it is written, or none.
   */
  async submitEService(
    input: Omit<RegisterContactInput, 'resolvedAtFirstLine' | 'resolution'>,
    groupKey: string,
    message: string,
    writer: CaseWriter,
    keepBeside?: (tx: EntityManager, registered: ServiceCase) => Promise<void>,
  ): Promise<ServiceCase> {
    const category = await this.category(input.categoryKey);
    const partyId = input.personalNumber ? (await this.parties.partyFor(input.personalNumber)).id : null;
    return this.writeThenRelay(async (tx) => {
      const registered = await this.insertCase(
        tx,
        { ...input, resolvedAtFirstLine: false },
        category,
        partyId,
        writer,
        true,
      );
      await keepBeside?.(tx, registered);
      return this.changeIn(tx, registered.id, writer, 'forward', (tx, serviceCase, stored) =>
        this.forwardIn(tx, serviceCase, stored.category, groupKey, message, writer),
      );
    });
  }

  /**
   * A contact that came in by itself (an e-mail to the contact address) becomes a case at the
   * first line, registered by the channel's intake, with what the channel keeps beside it
   * (`keepBeside`: the mail, its acknowledgement job), in one transaction: all of it, or none.
   */
  async receiveContact(
    input: Omit<RegisterContactInput, 'resolvedAtFirstLine' | 'resolution'>,
    intake: CaseWriter,
    keepBeside: (tx: EntityManager, registered: ServiceCase) => Promise<void>,
  ): Promise<ServiceCase> {
    if (intake.role !== 'intake') throw forbidden('Only a channel’s intake receives contacts by itself.');
    const category = await this.category(input.categoryKey);
    const partyId = input.personalNumber ? (await this.parties.partyFor(input.personalNumber)).id : null;
    return this.writeThenRelay(async (tx) => {
      const registered = await this.insertCase(
        tx,
        { ...input, resolvedAtFirstLine: false },
        category,
        partyId,
        intake,
        true,
      );
      await keepBeside(tx, registered);
      return registered;
    });
  }

  /**
   * The citizen wrote again (a reply by e-mail): the message joins the case as an event
   * (their own text), a closed case is reopened and one waiting for them resumes, each recorded
   * in the timeline as the hub's doing; `keepBeside` stores the mail in the same transaction.
   */
  async receiveFollowUp(
    caseId: string,
    type: CaseEventType,
    text: string,
    from: CaseActor,
    keepBeside: (tx: EntityManager) => Promise<void>,
  ): Promise<ServiceCase> {
    return this.writeThenRelay(async (tx) => {
      const stored = await tx.findOneBy(ServiceCase, { id: caseId });
      if (!stored) throw notFound(`There is no case ${caseId}.`);
      let serviceCase = stored;
      if (stored.status === CaseStatus.CLOSED)
        serviceCase = await this.changeIn(tx, caseId, HUB_WRITER, 'reopen', (tx, c, { category }) =>
          this.reopenIn(tx, c, category, 'Invånaren skrev igen.', HUB_WRITER, null),
        );
      else if (stored.status === CaseStatus.WAITING_FOR_CUSTOMER)
        serviceCase = await this.changeIn(tx, caseId, HUB_WRITER, 'resume', (tx, c) =>
          this.resumeIn(tx, c, 'Invånaren svarade.', HUB_WRITER, null),
        );
      // A millisecond after a reopening, so the timeline orders the message after it.
      const at = new Date(this.now().getTime() + (serviceCase === stored ? 0 : 1));
      await this.event(tx, caseId, type, from, at, text, false, text);
      await keepBeside(tx);
      return serviceCase;
    });
  }

  /**
   * An answer to the citizen that goes to them directly (by e-mail from the case): the same
   * rules and timeline as `replyToCitizen`, and `send` queues the mail in the same transaction.
   * The citizen gets the answer itself, so no separate "you have an answer" notice.
   */
  async replyDirectly(
    caseId: string,
    text: string,
    actor: CaseWriter,
    send: (tx: EntityManager, serviceCase: ServiceCase) => Promise<void>,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.writeThenRelay((tx) =>
      this.changeIn(
        tx,
        caseId,
        actor,
        'reply to',
        async (tx, serviceCase) => {
          await this.replyIn(tx, serviceCase, text, actor);
          await send(tx, serviceCase);
        },
        expectedVersion,
        true,
      ),
    );
  }

  private async insertCase(
    tx: EntityManager,
    input: RegisterContactInput,
    category: CaseCategory,
    partyId: string | null,
    actor: CaseActor,
    /** An e-service's question is the citizen's own text: they may read it back ("Din fråga"). */
    ownQuestion = false,
  ): Promise<ServiceCase> {
    if (input.resolvedAtFirstLine && !input.resolution?.trim()) {
      throw caseRuleBroken(
        'RESOLUTION_REQUIRED',
        'A contact resolved at the first line needs the answer given (resolution).',
      );
    }
    const at = this.now();
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
      assigneeName: null,
      contactPhone: input.contact?.phone ?? null,
      contactEmail: input.contact?.email ?? null,
      contactPreferred: input.contact?.preferred ?? null,
      wakeAt: null,
      waitingSince: null,
      slaDaysLeft: null,
      slaPausedWorkingDays: 0,
      version: 1,
      forwardedAt: null,
      dueAt: null,
      firstReplyAt: input.resolvedAtFirstLine ? at : null,
      resolution: input.resolvedAtFirstLine ? input.resolution!.trim() : null,
      registeredBy: actor.subject,
      createdAt: at,
      closedAt: input.resolvedAtFirstLine ? at : null,
      contactReason: input.contactReason ?? null,
    });
    await insertRows(tx, ServiceCase, [serviceCase]);
    const events = [
      eventRow(
        serviceCase.id,
        CaseEventType.REGISTERED,
        actor,
        at,
        input.summary.trim(),
        false,
        ownQuestion ? input.summary.trim() : null,
      ),
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
  }

  async forwardCase(
    caseId: string,
    groupKey: string,
    message: string,
    writer: CaseWriter,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.change(
      caseId,
      writer,
      'forward',
      (tx, serviceCase, stored) =>
        this.forwardIn(tx, serviceCase, stored.category, groupKey, message, writer),
      expectedVersion,
    );
  }

  private async forwardIn(
    tx: EntityManager,
    serviceCase: ServiceCase,
    category: CaseCategory,
    groupKey: string,
    message: string,
    actor: CaseActor,
  ): Promise<void> {
    const caseId = serviceCase.id;
    const group = await tx.findOneBy(AnswerGroup, { key: groupKey });
    if (!group) throw caseRuleBroken('UNKNOWN_ANSWER_GROUP', `There is no answer group "${groupKey}".`);
    const at = this.now();
    if (serviceCase.status === CaseStatus.CLOSED)
      throw caseRuleBroken('CASE_CLOSED', 'A closed case cannot be forwarded; reopen it first.');
    Object.assign(serviceCase, {
      status: CaseStatus.FORWARDED,
      answerGroupId: group.id,
      assigneeSubject: null,
      assigneeName: null,
      wakeAt: null,
      waitingSince: null,
      slaDaysLeft: null,
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
  }

  /**
   * Assigns the case to a member of its answer group (its manager too), kept by subject and by
   * display name (shown everywhere); without `assigneeSubject`, the writer takes it.
   */
  async assignCase(
    caseId: string,
    assigneeSubject: string | undefined,
    writer: CaseWriter,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.change(
      caseId,
      writer,
      'assign',
      async (tx, serviceCase, { group }) => {
        if (serviceCase.status !== CaseStatus.FORWARDED || !group)
          throw caseRuleBroken('NOT_FORWARDED', 'Only a case forwarded to an answer group can be assigned.');
        let assignee: CaseActor = writer;
        if (assigneeSubject && assigneeSubject !== writer.subject) {
          const member = [group.manager, ...group.members].find((m) => m.subject === assigneeSubject);
          if (!member)
            throw badUserInput(`assigneeSubject: not a member of ${group.name}.`, 'assigneeSubject');
          assignee = { subject: member.subject, name: member.name };
        }
        serviceCase.assigneeSubject = assignee.subject;
        serviceCase.assigneeName = assignee.name ?? null;
        const shown = assignee.name ?? assignee.subject;
        await this.event(tx, caseId, CaseEventType.ASSIGNED, writer, this.now(), shown, true);
      },
      expectedVersion,
    );
  }

  /** The callback details of the person's latest contact that had any, to prefill the next one. */
  async previousContactOf(partyId: string): Promise<(CallbackContact & { reference: string }) | null> {
    const latest = await this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .where('c.party_id = :partyId', { partyId })
      .andWhere('(c.contact_phone IS NOT NULL OR c.contact_email IS NOT NULL)')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getOne();
    if (!latest) return null;
    return {
      reference: latest.reference,
      phone: latest.contactPhone,
      email: latest.contactEmail,
      preferred: latest.contactPreferred as CallbackContact['preferred'],
    };
  }

  /**
   * Parks a forwarded case while the group waits for the citizen (väntar på komplettering):
   * the SLA clock stops with the working days that were left (none, when already late), the
   * alarm is called off, and the case wakes up by itself at the start of `wakeOn` (a Swedish
   * date after today) unless the citizen answers first (resumeCase).
   */
  async parkCase(
    caseId: string,
    wakeOn: string,
    reason: string,
    actor: CaseWriter,
    expectedVersion?: number,
    /** What the citizen is told they are waited for ("Syns för invånaren"); `reason` is staff's. */
    citizenText?: string | null,
  ): Promise<ServiceCase> {
    const forCitizen = citizenTextOf(citizenText);
    const at = this.now();
    const today = stockholmDate(at);
    const parked = await this.change(
      caseId,
      actor,
      'park',
      async (tx, serviceCase) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(wakeOn) || wakeOn <= today)
          throw caseRuleBroken('WAKE_DATE_NOT_AHEAD', `wakeOn: a date after today (${today}), YYYY-MM-DD.`);
        const latest = stockholmDate(new Date(at.getTime() + MAX_PARK_DAYS * 86_400_000));
        if (wakeOn > latest)
          throw caseRuleBroken(
            'WAKE_DATE_TOO_FAR',
            `wakeOn: at most a year ahead (${latest} at the latest).`,
          );
        if (serviceCase.status !== CaseStatus.FORWARDED)
          throw caseRuleBroken(
            'NOT_FORWARDED',
            'Only a case with its answer group can wait for the citizen.',
          );
        const dueDate = dueDateOf(serviceCase.dueAt!);
        Object.assign(serviceCase, {
          status: CaseStatus.WAITING_FOR_CUSTOMER,
          slaDaysLeft: today >= dueDate ? 0 : workingDaysBetween(today, dueDate),
          waitingSince: at,
          wakeAt: startOfStockholmDay(wakeOn),
          dueAt: null,
        });
        await this.event(
          tx,
          caseId,
          CaseEventType.PARKED,
          actor,
          at,
          `Väntar på invånaren till ${deadlineText(wakeOn).replace('senast ', '')}: ${reason.trim()}`,
          false,
          forCitizen,
        );
      },
      expectedVersion,
    );
    return parked;
  }

  /**
   * Back to the group: the citizen answered, or the wake-up date came. The SLA clock resumes
   * with the working days that were left; the days waited before the group's first answer
   * are recorded so statistics do not count them against the group.
   */
  async resumeCase(
    caseId: string,
    reason: string,
    actor: CaseWriter,
    expectedVersion?: number,
    citizenText?: string | null,
  ): Promise<ServiceCase> {
    const forCitizen = citizenTextOf(citizenText);
    const resumed = await this.change(
      caseId,
      actor,
      'resume',
      (tx, serviceCase) => this.resumeIn(tx, serviceCase, reason, actor, forCitizen),
      expectedVersion,
    );
    return resumed;
  }

  private async resumeIn(
    tx: EntityManager,
    serviceCase: ServiceCase,
    reason: string,
    actor: CaseActor,
    forCitizen: string | null,
  ): Promise<void> {
    const at = this.now();
    if (serviceCase.status !== CaseStatus.WAITING_FOR_CUSTOMER)
      throw caseRuleBroken('NOT_WAITING', 'Only a case waiting for the citizen can be resumed.');
    const waited = workingDaysBetween(stockholmDate(serviceCase.waitingSince!), stockholmDate(at));
    Object.assign(serviceCase, {
      status: CaseStatus.FORWARDED,
      dueAt: serviceDeadline(at, serviceCase.slaDaysLeft ?? 0),
      slaPausedWorkingDays: serviceCase.slaPausedWorkingDays + (serviceCase.firstReplyAt ? 0 : waited),
      slaDaysLeft: null,
      waitingSince: null,
      wakeAt: null,
    });
    await this.event(tx, serviceCase.id, CaseEventType.RESUMED, actor, at, reason.trim(), false, forCitizen);
  }

  /** The wake-up job: resumes the case if it is still waiting for this date. */
  async wakeUp(payload: WakeUpPayload): Promise<void> {
    const serviceCase = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: payload.caseId });
    if (
      serviceCase?.status !== CaseStatus.WAITING_FOR_CUSTOMER ||
      serviceCase.wakeAt?.toISOString() !== payload.wakeAt
    )
      return;
    await this.resumeCase(
      serviceCase.id,
      `Väntedatumet ${deadlineText(stockholmDate(serviceCase.wakeAt)).replace('senast ', '')} har kommit.`,
      HUB_WRITER,
    );
  }

  /** Registers the wake-up processor on a queue (in the process that runs jobs). */
  registerWakeUps(queue: JobQueue): void {
    queue.process<WakeUpPayload>(CASE_JOBS.wakeUp, (job) => this.wakeUp(job.payload));
  }

  async addCaseNote(
    caseId: string,
    text: string,
    actor: CaseWriter,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.change(
      caseId,
      actor,
      'note',
      async (tx) => {
        await this.event(tx, caseId, CaseEventType.NOTE_ADDED, actor, this.now(), text.trim(), true);
      },
      expectedVersion,
    );
  }

  async replyToCitizen(
    caseId: string,
    text: string,
    actor: CaseWriter,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.change(
      caseId,
      actor,
      'reply to',
      (tx, serviceCase) => this.replyIn(tx, serviceCase, text, actor),
      expectedVersion,
    );
  }

  private async replyIn(tx: EntityManager, serviceCase: ServiceCase, text: string, actor: CaseActor) {
    if (serviceCase.status === CaseStatus.CLOSED)
      throw caseRuleBroken('CASE_CLOSED', 'The case is closed; reopen it to reply again.');
    serviceCase.firstReplyAt ??= this.now();
    // "Svar till invånaren" is written for the citizen by its nature: it is their text too.
    await this.event(
      tx,
      serviceCase.id,
      CaseEventType.REPLIED,
      actor,
      this.now(),
      text.trim(),
      false,
      text.trim(),
    );
  }

  async closeCase(
    caseId: string,
    resolution: string,
    actor: CaseWriter,
    expectedVersion?: number,
    citizenText?: string | null,
  ): Promise<ServiceCase> {
    const forCitizen = citizenTextOf(citizenText);
    const closed = await this.change(
      caseId,
      actor,
      'close',
      async (tx, serviceCase) => {
        if (serviceCase.status === CaseStatus.CLOSED)
          throw caseRuleBroken('CASE_CLOSED', 'The case is already closed.');
        Object.assign(serviceCase, {
          status: CaseStatus.CLOSED,
          resolution: resolution.trim(),
          closedAt: this.now(),
        });
        await this.event(
          tx,
          caseId,
          CaseEventType.CLOSED,
          actor,
          this.now(),
          resolution.trim(),
          false,
          forCitizen,
        );
      },
      expectedVersion,
    );
    return closed;
  }

  async reopenCase(
    caseId: string,
    reason: string,
    actor: CaseWriter,
    expectedVersion?: number,
    citizenText?: string | null,
  ): Promise<ServiceCase> {
    const forCitizen = citizenTextOf(citizenText);
    const reopened = await this.change(
      caseId,
      actor,
      'reopen',
      (tx, serviceCase, { category }) => this.reopenIn(tx, serviceCase, category, reason, actor, forCitizen),
      expectedVersion,
    );
    return reopened;
  }

  private async reopenIn(
    tx: EntityManager,
    serviceCase: ServiceCase,
    category: CaseCategory,
    reason: string,
    actor: CaseActor,
    forCitizen: string | null,
  ): Promise<void> {
    const at = this.now();
    if (serviceCase.status !== CaseStatus.CLOSED)
      throw caseRuleBroken('CASE_NOT_CLOSED', 'Only a closed case can be reopened.');
    Object.assign(serviceCase, {
      status: serviceCase.answerGroupId ? CaseStatus.FORWARDED : CaseStatus.OPEN,
      closedAt: null,
      resolution: null,
      dueAt: serviceCase.answerGroupId ? serviceDeadline(at, category.slaWorkingDays) : null,
    });
    await this.event(tx, serviceCase.id, CaseEventType.REOPENED, actor, at, reason.trim(), false, forCitizen);
  }

  async get(caseId: string): Promise<ServiceCase> {
    const found = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!found) throw notFound(`There is no case ${caseId}.`);
    return found;
  }

  events(caseId: string): Promise<CaseEvent[]> {
    return this.dataSource.getRepository(CaseEvent).find({ where: { caseId }, order: { at: 'ASC' } });
  }

  private async category(key: string): Promise<CaseCategory> {
    const category =
      (await caseCatalogueOf(this.dataSource).categoryByKey(key)) ??
      (await this.dataSource.getRepository(CaseCategory).findOneBy({ key }));
    if (!category) throw caseRuleBroken('UNKNOWN_CATEGORY', `There is no case category "${key}".`);
    return category;
  }

  /**
   * Loads the case, decides whether the writer may make this change to it as stored
   * (decideCaseWrite: a refusal writes nothing), applies the change and saves it, in one
   * transaction, raising its version. Optimistic locking: the client sends back the version it
   * showed its user; if the case has changed since (or changes between our read and write,
   * which the UPDATE's WHERE catches on either database), the writer gets CONFLICT and nothing
   * is written. Access is decided first, so an outsider learns nothing of the case's version.
   */
  private async change(
    caseId: string,
    writer: CaseWriter,
    action: CaseAction,
    apply: ApplyChange,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    return this.writeThenRelay((tx) => this.changeIn(tx, caseId, writer, action, apply, expectedVersion));
  }

  /**
   * One transaction, then the jobs it asked for handed to the queue. If the queue is down they
   * wait in the outbox for the background relay; the write itself has succeeded either way.
   */
  private async writeThenRelay<T>(write: (tx: EntityManager) => Promise<T>): Promise<T> {
    const written = await this.dataSource.transaction(write);
    await this.outbox.relay();
    return written;
  }

  private async changeIn(
    tx: EntityManager,
    caseId: string,
    writer: CaseWriter,
    action: CaseAction,
    apply: ApplyChange,
    expectedVersion?: number,
    /** The citizen got the answer itself (an e-mail from the case): no notice of it. */
    answeredDirectly = false,
  ): Promise<ServiceCase> {
    const serviceCase = await tx.findOneBy(ServiceCase, { id: caseId });
    if (!serviceCase) throw notFound(`There is no case ${caseId}.`);
    const [category, group] = await Promise.all([
      tx.findOneByOrFail(CaseCategory, { id: serviceCase.categoryId }),
      serviceCase.answerGroupId ? tx.findOneBy(AnswerGroup, { id: serviceCase.answerGroupId }) : null,
    ]);
    decideCaseWrite(writer, { serviceCase, category, group }, action);
    if (expectedVersion !== undefined && expectedVersion !== serviceCase.version)
      throw caseChangedMeanwhile(serviceCase, expectedVersion);
    const readVersion = serviceCase.version;
    const before: Readonly<ServiceCase> = { ...serviceCase };
    await apply(tx, serviceCase, { category, group });
    // Everyone who follows the case chain hears of the change (one change, one instant) before the row is saved.
    const change: CaseChange = {
      type: EVENT_OF[action],
      before,
      after: serviceCase,
      writer,
      at: this.now(),
      ...(answeredDirectly ? { answeredDirectly } : {}),
    };
    const scope = { tx, outbox: this.outbox };
    for (const subscriber of this.subscribers) await subscriber.onCaseChanged(change, scope);
    const result = await tx
      .createQueryBuilder()
      .update(ServiceCase)
      .set({ ...serviceCase, version: readVersion + 1 })
      .where('id = :id AND version = :readVersion', { id: caseId, readVersion })
      .execute();
    if (result.affected === 0) throw caseChangedMeanwhile(serviceCase, readVersion);
    serviceCase.version = readVersion + 1;
    return serviceCase;
  }

  private async event(
    tx: EntityManager,
    caseId: string,
    type: CaseEventType,
    actor: CaseActor,
    at: Date,
    message: string | null,
    internal: boolean,
    citizenMessage: string | null = null,
  ): Promise<void> {
    await insertRows(tx, CaseEvent, [eventRow(caseId, type, actor, at, message, internal, citizenMessage)]);
  }
}

/**
 * One change to a loaded case, inside the write's transaction, given its category and answer
 * group as read there for the access decision (so the change need not read them again).
 */
type ApplyChange = (
  tx: EntityManager,
  serviceCase: ServiceCase,
  stored: { category: CaseCategory; group: AnswerGroup | null },
) => Promise<void>;

function eventRow(
  caseId: string,
  type: CaseEventType,
  actor: CaseActor,
  at: Date,
  message: string | null,
  internal: boolean,
  citizenMessage: string | null = null,
): CaseEvent {
  return {
    id: randomUUID(),
    caseId,
    type,
    at,
    actorSubject: actor.subject,
    actorName: actor.name ?? null,
    message,
    citizenMessage,
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

/**
 * The text an officer wrote for the citizen, trimmed; none when blank. Checked before anything
 * is written (the GraphQL surface refuses it earlier; other callers meet the same rule here).
 */
function citizenTextOf(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  const problem = textProblem(trimmed, TEXT_LIMITS.text);
  if (problem) throw badUserInput(`citizenText: ${problem.message}`, 'citizenText');
  return trimmed;
}

function caseChangedMeanwhile(serviceCase: ServiceCase, version: number) {
  return conflict(
    `Case ${serviceCase.reference} was changed by someone else since you opened it (version ${version}); reload it and try again.`,
  );
}

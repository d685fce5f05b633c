import { randomUUID } from 'node:crypto';
import { In, MoreThan, type DataSource, type Repository } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../errors/frontdoor-error';
import { CallContact } from '../telephony/call.entities';
import type { CollectAnswer } from './bankid-answers';
import { BankIdCallFailed, type BankIdClient } from './bankid-client';
import { CallerIdentification } from './caller-identification.entity';
import { USER_VISIBLE_TEXT } from './identification-texts';

/** How long an identification holds (access.identification in the config file). */
export interface IdentificationValidity {
  /** Tied to a call: until the call ends, at most this long. */
  maxMinutes: number;
  /** Tied to no call: this long. */
  withoutCallMinutes: number;
}

export interface IdentificationRequest {
  personalNumber: string;
  partyId: string;
  agent: { subject: string; name?: string | null };
  callId?: string | null;
  caseId?: string | null;
}

/** A step of an identification: the row as it is now, and whether this step finished it (audit it once). */
export interface IdentificationStep {
  identification: CallerIdentification;
  finished: boolean;
}

const MINUTE = 60_000;

/**
 * Identifies the caller during a call with BankID's phone authentication, the state in the
 * database (any gateway may take the next poll). `collect` is one BankID round trip per call;
 * nothing here waits or polls. A completion for another person, a failure, a cancel, BankID
 * down or an answer that fails validation finishes the row as failed: it opens nothing.
 */
export class CallerIdentifications {
  private readonly rows: Repository<CallerIdentification>;

  constructor(
    private readonly dataSource: DataSource,
    /** Null when the installation has no BankID connection. */
    private readonly bankId: BankIdClient | null,
    private readonly validity: IdentificationValidity,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = dataSource.getRepository(CallerIdentification);
  }

  /** Nest calls this on shutdown: BankID's kept-alive TLS connections are closed. */
  async onModuleDestroy(): Promise<void> {
    await this.bankId?.close();
  }

  get configured(): boolean {
    return this.bankId !== null;
  }

  /** Starts a phone authentication for the claimed personal number (`callInitiator: RP`). */
  async start(request: IdentificationRequest): Promise<IdentificationStep> {
    if (
      request.callId &&
      !(await this.dataSource.getRepository(CallContact).existsBy({ callId: request.callId }))
    )
      throw badUserInput(`callId: there is no call ${request.callId}.`, 'callId');
    await this.cancelOpen(request.agent.subject, request.personalNumber);
    const row = this.newRow(request, 'bankid-phone');
    if (!this.bankId)
      return { identification: await this.save(this.fail(row, 'not-configured')), finished: true };
    try {
      row.orderRef = (await this.bankId.phoneAuth(request.personalNumber, USER_VISIBLE_TEXT)).orderRef;
      row.hintCode = 'outstandingTransaction';
      return { identification: await this.save(row), finished: false };
    } catch (error) {
      return { identification: await this.save(this.fail(row, failureOf(error))), finished: true };
    }
  }

  /** One BankID collect for a pending identification of this agent; a finished one is returned as it is. */
  async collect(id: string, agentSubject: string): Promise<IdentificationStep> {
    const row = await this.own(id, agentSubject);
    if (row.status !== 'pending' || !this.bankId || !row.orderRef)
      return { identification: row, finished: false };
    let answer: CollectAnswer;
    try {
      answer = await this.bankId.collect(row.orderRef);
    } catch (error) {
      // BankID down or answering garbage: the order cannot be trusted any further; try to end it there too.
      void this.bankId.cancel(row.orderRef).catch(() => undefined);
      return this.finish(row, this.fail({ ...row }, failureOf(error)));
    }
    if (answer.orderRef !== row.orderRef) return this.finish(row, this.fail({ ...row }, 'invalid-answer'));
    if (answer.status === 'pending') {
      if (answer.hintCode && answer.hintCode !== row.hintCode) {
        await this.rows.update({ id: row.id, status: 'pending' }, { hintCode: answer.hintCode });
        row.hintCode = answer.hintCode;
      }
      return { identification: row, finished: false };
    }
    if (answer.status === 'failed')
      return this.finish(row, this.fail({ ...row, hintCode: answer.hintCode }, answer.hintCode));
    const user = answer.completionData.user;
    const done: CallerIdentification = {
      ...row,
      hintCode: null,
      identifiedPersonalNumber: user.personalNumber,
      identifiedName: user.name,
    };
    if (user.personalNumber !== row.personalNumber) return this.finish(row, this.fail(done, 'mismatch'));
    return this.finish(row, {
      ...done,
      status: 'complete',
      finishedAt: this.now(),
      validUntil: this.validUntil(row),
    });
  }

  /** The agent stops a pending identification (and BankID's order with it). */
  async cancel(id: string, agentSubject: string): Promise<IdentificationStep> {
    const row = await this.own(id, agentSubject);
    if (row.status !== 'pending') return { identification: row, finished: false };
    if (this.bankId && row.orderRef) await this.bankId.cancel(row.orderRef).catch(() => undefined);
    return this.finish(row, { ...row, status: 'cancelled', failure: 'cancelled', finishedAt: this.now() });
  }

  /** An exception instead of BankID, with a reason the configuration allows (checked by the caller). */
  async recordException(
    request: IdentificationRequest,
    reason: string,
    note: string | null,
  ): Promise<IdentificationStep> {
    const row = this.newRow(request, 'exception');
    const at = this.now();
    return {
      identification: await this.save({
        ...row,
        status: 'complete',
        exceptionReason: reason,
        exceptionNote: note,
        finishedAt: at,
        validUntil: this.validUntil(row),
      }),
      finished: true,
    };
  }

  /**
   * The completed identification that holds now for this agent and person, if any: not past
   * its `validUntil`, and its call (if it was made on one) not ended.
   */
  async validFor(agentSubject: string, personalNumber: string): Promise<CallerIdentification | null> {
    const [valid] = await this.holding({ agentSubject, personalNumber });
    return valid ?? null;
  }

  /**
   * Every identification this agent holds now, whoever it identified, newest first: a caller
   * identified as someone else (a guardian, an ombud) may hear the matters of those they represent.
   */
  validHeldBy(agentSubject: string): Promise<CallerIdentification[]> {
    return this.holding({ agentSubject });
  }

  private async holding(where: {
    agentSubject: string;
    personalNumber?: string;
  }): Promise<CallerIdentification[]> {
    const candidates = await this.rows.find({
      where: { ...where, status: 'complete', validUntil: MoreThan(this.now()) },
      order: { finishedAt: 'DESC' },
      take: 5,
    });
    const callIds = candidates.map((c) => c.callId).filter((id): id is string => !!id);
    const ended = new Set(
      callIds.length
        ? (
            await this.dataSource
              .getRepository(CallContact)
              .find({ where: { callId: In(callIds) }, select: { callId: true, endedAt: true } })
          )
            .filter((call) => call.endedAt !== null)
            .map((call) => call.callId)
        : [],
    );
    return candidates.filter((c) => !c.callId || !ended.has(c.callId));
  }

  /** The agent's latest identification of the person (pending, finished or valid), for the console. */
  latest(agentSubject: string, personalNumber: string): Promise<CallerIdentification | null> {
    return this.rows.findOne({ where: { agentSubject, personalNumber }, order: { startedAt: 'DESC' } });
  }

  private async own(id: string, agentSubject: string): Promise<CallerIdentification> {
    const row = await this.rows.findOneBy({ id });
    if (!row) throw notFound(`There is no identification ${id}.`);
    if (row.agentSubject !== agentSubject)
      throw forbidden('Only the agent who started an identification may follow it.');
    return row;
  }

  /** Ends this agent's still-pending identifications of the person before a new one starts. */
  private async cancelOpen(agentSubject: string, personalNumber: string): Promise<void> {
    const open = await this.rows.findBy({ agentSubject, personalNumber, status: 'pending' });
    for (const row of open) await this.cancel(row.id, agentSubject);
  }

  /**
   * Writes the finished row only if it is still pending: two polls on two gateways may collect
   * the same completion; one finishes it (and is audited), the other returns what is stored.
   */
  private async finish(
    before: CallerIdentification,
    after: CallerIdentification,
  ): Promise<IdentificationStep> {
    const { id, ...changes } = after;
    const result = await this.rows.update({ id, status: 'pending' }, changes);
    if (result.affected === 0)
      return { identification: await this.rows.findOneByOrFail({ id: before.id }), finished: false };
    return { identification: after, finished: true };
  }

  private fail(row: CallerIdentification, failure: string): CallerIdentification {
    return {
      ...row,
      status: row.status === 'pending' ? 'failed' : row.status,
      failure,
      finishedAt: this.now(),
    };
  }

  private validUntil(row: CallerIdentification): Date {
    const minutes = row.callId ? this.validity.maxMinutes : this.validity.withoutCallMinutes;
    return new Date(this.now().getTime() + minutes * MINUTE);
  }

  private newRow(
    request: IdentificationRequest,
    method: CallerIdentification['method'],
  ): CallerIdentification {
    return {
      id: randomUUID(),
      personalNumber: request.personalNumber,
      partyId: request.partyId,
      agentSubject: request.agent.subject,
      agentName: request.agent.name ?? null,
      callId: request.callId ?? null,
      caseId: request.caseId ?? null,
      method,
      status: 'pending',
      orderRef: null,
      hintCode: null,
      failure: null,
      identifiedPersonalNumber: null,
      identifiedName: null,
      exceptionReason: null,
      exceptionNote: null,
      startedAt: this.now(),
      finishedAt: null,
      validUntil: null,
    };
  }

  private save(row: CallerIdentification): Promise<CallerIdentification> {
    return this.rows.insert(row).then(() => row);
  }
}

function failureOf(error: unknown): string {
  if (!(error instanceof BankIdCallFailed)) throw error;
  if (error.kind === 'unavailable') return 'bankid-unavailable';
  if (error.kind === 'invalid-answer') return 'invalid-answer';
  return error.errorCode === 'alreadyInProgress' ? 'alreadyInProgress' : 'bankid-refused';
}

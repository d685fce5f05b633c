import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { stockholmDate } from '../time/stockholm-date';
import type { TelephonySettings } from '../telephony/telephony-settings';
import { CallbackAttempt, CallbackCase, CallbackRequest, CallbackStatus } from './callback.entities';
import { openingHoursProblem, type CallbackProblem, type CallbackRequestInput } from './callback-request';
import { isOpenAt, openingHoursOf } from './opening-hours';

/** What an agent records after calling. */
export const CALLBACK_OUTCOMES = ['REACHED', 'NO_ANSWER', 'RETRY'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** A request the queue would not take (opening hours, validity, the citizen's daily limit). */
export class CallbackRefused extends Error {
  constructor(readonly problem: CallbackProblem) {
    super(problem.message);
  }
}

/** An outcome the callback's state does not allow (not the agent's, closed, a retry time out of bounds). */
export class CallbackOutcomeRefused extends Error {
  constructor(
    readonly reason: 'NOT_FOUND' | 'NOT_YOURS' | 'RETRY_AT_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/** How many candidates a taker tries before concluding the others took them all. */
const TAKE_TRIES = 50;

/**
 * The callback queue (decision 0082). Every state lives in `callback_request`, so any gateway
 * replica answers. Taking is a conditional UPDATE (`… WHERE id = ? AND <still takeable>`): when
 * two agents race for one row the database lets exactly one UPDATE change it, and the other
 * moves on to the next candidate. Expiry needs no timer: a row past `expires_at` is never
 * taken or counted as waiting, and `expireDue` records it (EXPIRED) whenever the queue is read.
 */
export class CallbackQueue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: TelephonySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get repo() {
    return this.dataSource.getRepository(CallbackRequest);
  }

  /**
   * Adds a callback after checking the opening hours. A platform request id seen before answers
   * the first callback (`duplicate`), whatever the body says now: the platform retries.
   */
  async request(input: CallbackRequestInput): Promise<{ callback: CallbackRequest; duplicate: boolean }> {
    if (input.externalId) {
      const earlier = await this.repo.findOneBy({ externalId: input.externalId });
      if (earlier) return { callback: earlier, duplicate: true };
    }
    const now = this.now();
    const problem = openingHoursProblem(input, this.settings, now);
    if (problem) throw new CallbackRefused(problem);
    const wantedAt = input.callAt && input.callAt > now ? input.callAt : now;
    const callback = this.repo.create({
      id: randomUUID(),
      source: input.source,
      externalId: input.externalId,
      number: input.number,
      queue: input.queue,
      partyId: input.partyId,
      requestedAt: now,
      requestedDay: stockholmDate(now),
      wantedAt,
      asap: !input.callAt,
      dueAt: wantedAt,
      expiresAt: new Date(now.getTime() + this.settings.callbacks.validHours * 3_600_000),
      status: CallbackStatus.WAITING,
      attempts: 0,
      takenBy: null,
      takenAt: null,
      firstAttemptMs: null,
      reachedMs: null,
      closedAt: null,
    });
    // ON CONFLICT DO NOTHING on the request id: two deliveries at once through two gateways
    // leave one row, and both answer it.
    await this.repo.createQueryBuilder().insert().into(CallbackRequest).values(callback).orIgnore().execute();
    if (!input.externalId) return { callback, duplicate: false };
    const stored = await this.repo.findOneByOrFail({ externalId: input.externalId });
    return { callback: stored, duplicate: stored.id !== callback.id };
  }

  /** How many callbacks the citizen asked for on Mina ärenden today (Swedish day). */
  citizenRequestsToday(partyId: string): Promise<number> {
    return this.repo.countBy({ partyId, source: 'CITIZEN', requestedDay: stockholmDate(this.now()) });
  }

  /** The citizen's open callbacks, soonest due first. */
  async openOf(partyId: string): Promise<CallbackRequest[]> {
    await this.expireDue();
    return this.repo
      .createQueryBuilder('c')
      .where('c.party_id = :partyId', { partyId })
      .andWhere('c.status IN (:...open)', { open: [CallbackStatus.WAITING, CallbackStatus.TAKEN] })
      .orderBy('c.due_at', 'ASC')
      .getMany();
  }

  /** Records every waiting callback past its validity as EXPIRED, at the moment it expired. */
  async expireDue(): Promise<number> {
    const now = this.now();
    const result = await this.repo
      .createQueryBuilder()
      .update(CallbackRequest)
      .set({ status: CallbackStatus.EXPIRED, closedAt: () => 'expires_at', takenBy: null, takenAt: null })
      .where('status IN (:...open)', { open: [CallbackStatus.WAITING, CallbackStatus.TAKEN] })
      .andWhere('expires_at <= :now', { now })
      .execute();
    return result.affected ?? 0;
  }

  /** The callback the agent holds (taken, no outcome yet, not handed back by time), if any. */
  held(agentId: string): Promise<CallbackRequest | null> {
    return this.repo
      .createQueryBuilder('c')
      .where('c.status = :taken AND c.taken_by = :agentId', { taken: CallbackStatus.TAKEN, agentId })
      .andWhere('c.taken_at > :staleBefore AND c.expires_at > :now', {
        staleBefore: this.staleBefore(),
        now: this.now(),
      })
      .orderBy('c.taken_at', 'DESC')
      .getOne();
  }

  /**
   * The next callback for the agent: the one they already hold, else the waiting one due
   * longest (then the oldest request), or one another agent took and left without an outcome
   * for `takenForMinutes`. Null when none is due.
   */
  async takeNext(agentId: string): Promise<CallbackRequest | null> {
    const holding = await this.held(agentId);
    if (holding) return holding;
    await this.expireDue();
    for (let tries = 0; tries < TAKE_TRIES; tries++) {
      const now = this.now();
      const staleBefore = this.staleBefore();
      const open = this.takeable(now, staleBefore);
      const candidate = await this.repo
        .createQueryBuilder('c')
        .select('c.id', 'id')
        .where(open.condition, open.parameters)
        .orderBy('c.due_at', 'ASC')
        .addOrderBy('c.requested_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(1)
        .getRawOne<{ id: string }>();
      if (!candidate) return null;
      // The claim: one statement that changes the row only while it is still takeable.
      const still = this.takeable(now, staleBefore, '');
      const claimed = await this.repo
        .createQueryBuilder()
        .update(CallbackRequest)
        .set({ status: CallbackStatus.TAKEN, takenBy: agentId, takenAt: now })
        .where(`id = :id AND ${still.condition}`, { id: candidate.id, ...still.parameters })
        .execute();
      if (claimed.affected === 1) return this.repo.findOneByOrFail({ id: candidate.id });
    }
    return null;
  }

  private staleBefore(): Date {
    return new Date(this.now().getTime() - this.settings.callbacks.takenForMinutes * 60_000);
  }

  /** The rows an agent may take at `now`: the condition and its parameters (`c.` in a SELECT, bare in an UPDATE). */
  private takeable(now: Date, staleBefore: Date, alias = 'c.') {
    const a = alias;
    return {
      condition:
        `${a}due_at <= :now AND ${a}expires_at > :now AND ` +
        `(${a}status = :waiting OR (${a}status = :taken AND ${a}taken_at <= :staleBefore))`,
      parameters: { now, staleBefore, waiting: CallbackStatus.WAITING, taken: CallbackStatus.TAKEN },
    };
  }

  /**
   * The agent's outcome of the callback they hold. REACHED closes it; NO_ANSWER puts it back
   * `noAnswerRetryMinutes` later, RETRY at `retryAt` (within opening hours, before it expires); either closes it as
   * UNREACHED once `maxAttempts` attempts have failed. Conditional on the agent still holding
   * it, so an outcome after another agent took it over changes nothing.
   */
  async recordOutcome(
    callbackId: string,
    agentId: string,
    outcome: CallbackOutcome,
    retryAt: Date | null = null,
  ): Promise<CallbackRequest> {
    const now = this.now();
    return this.dataSource.transaction(async (tx) => {
      const callback = await tx.findOneBy(CallbackRequest, { id: callbackId });
      if (!callback) throw new CallbackOutcomeRefused('NOT_FOUND', `no callback "${callbackId}"`);
      if (callback.status !== CallbackStatus.TAKEN || callback.takenBy !== agentId)
        throw new CallbackOutcomeRefused(
          'NOT_YOURS',
          'the callback is not yours to record: take it first (takeNextCallback); it may have expired or gone back to the queue',
        );
      const attempt = callback.attempts + 1;
      const sinceWanted = Math.max(0, now.getTime() - callback.wantedAt.getTime());
      const change: Partial<CallbackRequest> = {
        attempts: attempt,
        takenBy: null,
        takenAt: null,
        firstAttemptMs: callback.firstAttemptMs ?? sinceWanted,
      };
      if (outcome === 'REACHED') {
        Object.assign(change, { status: CallbackStatus.REACHED, reachedMs: sinceWanted, closedAt: now });
      } else {
        const nextDue =
          outcome === 'RETRY'
            ? this.checkedRetryAt(retryAt, callback, now)
            : new Date(now.getTime() + this.settings.callbacks.noAnswerRetryMinutes * 60_000);
        if (attempt >= this.settings.callbacks.maxAttempts)
          Object.assign(change, { status: CallbackStatus.UNREACHED, closedAt: now });
        else Object.assign(change, { status: CallbackStatus.WAITING, dueAt: nextDue });
      }
      const updated = await tx
        .createQueryBuilder()
        .update(CallbackRequest)
        .set(change)
        .where('id = :id AND status = :taken AND taken_by = :agentId AND attempts = :attempts', {
          id: callbackId,
          taken: CallbackStatus.TAKEN,
          agentId,
          attempts: callback.attempts,
        })
        .execute();
      if (updated.affected !== 1)
        throw new CallbackOutcomeRefused('NOT_YOURS', 'the callback changed meanwhile; take the next one');
      await tx.insert(CallbackAttempt, {
        callbackId,
        attempt,
        agentId,
        at: now,
        outcome,
        retryAt: change.dueAt && outcome !== 'REACHED' ? change.dueAt : null,
      });
      return tx.findOneByOrFail(CallbackRequest, { id: callbackId });
    });
  }

  private checkedRetryAt(retryAt: Date | null, callback: CallbackRequest, now: Date): Date {
    if (!retryAt) throw new CallbackOutcomeRefused('RETRY_AT_INVALID', 'RETRY names the time (retryAt)');
    if (retryAt <= now) throw new CallbackOutcomeRefused('RETRY_AT_INVALID', 'retryAt is in the past');
    if (retryAt >= callback.expiresAt)
      throw new CallbackOutcomeRefused(
        'RETRY_AT_INVALID',
        `retryAt is after the callback expires (${callback.expiresAt.toISOString()})`,
      );
    const hours = openingHoursOf(this.settings, callback.queue);
    if (!isOpenAt(hours, retryAt))
      throw new CallbackOutcomeRefused(
        'RETRY_AT_INVALID',
        `retryAt is outside the queue's callback hours (working days ${hours.from}–${hours.to}, Swedish time)`,
      );
    return retryAt;
  }

  attempts(callbackId: string): Promise<CallbackAttempt[]> {
    return this.dataSource
      .getRepository(CallbackAttempt)
      .find({ where: { callbackId }, order: { attempt: 'ASC' } });
  }

  find(id: string): Promise<CallbackRequest | null> {
    return this.repo.findOneBy({ id });
  }

  /** Links a case registered during the callback; linking the same case twice changes nothing. */
  async linkCase(
    callbackId: string,
    caseId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(CallbackCase)
      .values({ callbackId, caseId, linkedAt: this.now() })
      .orIgnore()
      .execute();
  }

  async casesOf(callbackId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(CallbackCase)
      .find({ where: { callbackId }, order: { linkedAt: 'ASC' } });
    return rows.map((r) => r.caseId);
  }

  /** The waiting callbacks due now and the one due longest, for the wall screen and the console. */
  async waitingNow(): Promise<{ waiting: number; oldestDueSince: Date | null; scheduled: number }> {
    const now = this.now();
    const [due, scheduled] = await Promise.all([
      this.repo
        .createQueryBuilder('c')
        .select('COUNT(*)', 'n')
        .addSelect('MIN(c.due_at)', 'oldest')
        .where('c.status = :waiting AND c.due_at <= :now AND c.expires_at > :now', {
          waiting: CallbackStatus.WAITING,
          now,
        })
        .getRawOne<{ n: string | number; oldest: string | Date | null }>(),
      this.repo
        .createQueryBuilder('c')
        .where('c.status = :waiting AND c.due_at > :now AND c.expires_at > :now', {
          waiting: CallbackStatus.WAITING,
          now,
        })
        .getCount(),
    ]);
    return {
      waiting: Number(due?.n ?? 0),
      oldestDueSince: due?.oldest ? parseInstant(due.oldest) : null,
      scheduled,
    };
  }
}

/** MIN() over a datetime comes back raw: a Date (PostgreSQL) or TypeORM's UTC text (SQLite). */
export function parseInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

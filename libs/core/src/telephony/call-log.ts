import { MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { CallEventInput } from './call-event';
import { checkEventSequence, checkEventTime } from './call-event-rules';
import { CallCase, CallContact, CallEventRecord } from './call.entities';
import { stockholmPeriods } from './call-periods';
import { CallOutcome, summariseCall } from './call-summary';

/**
 * How long an answered call without ENDED still counts as the agent's current one. A platform
 * that never delivers the ENDED must not pin an old call to the agent's screen (and link the
 * next contacts to it) for ever; no call to the contact center lasts this long.
 */
export const CURRENT_CALL_MAX_MS = 4 * 3_600_000;

export interface RecordedCallEvent {
  call: CallContact;
  /** The same (callId, event) had arrived before: nothing changed. */
  duplicate: boolean;
}

/**
 * The contact log: records call events and keeps one row per call in step with them. Each
 * event is one transaction: the event is inserted unless it is there already, then the
 * call's row is rebuilt from all its events (at most five), under a row lock on PostgreSQL
 * so two events of one call arriving at once through two gateways cannot lose each other.
 * An event whose time is out of bounds or contradicts the call's other events is refused
 * (CallEventRefused, call-event-rules.ts) before anything is written.
 */
export class CallLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
    /** How many days the contact log keeps calls (retention's contactLogDays); null: for ever. */
    private readonly keptDays: number | null = null,
  ) {}

  async record(input: CallEventInput): Promise<RecordedCallEvent> {
    checkEventTime(input.at, this.now(), this.keptDays);
    const postgres = this.dataSource.options.type === 'postgres';
    return this.dataSource.transaction(async (tx) => {
      if (postgres) {
        // Serialises the events of one call in one statement: the first creates the row, and
        // ON CONFLICT DO UPDATE takes the existing row's lock, so the others wait on it.
        await tx.query(
          `INSERT INTO call_contact (call_id, queue, to_number, outcome, offered_at, offered_day, offered_week, offered_month, updated_at)
           VALUES ($1, '', '', 'WAITING', now(), '', '', '', now())
           ON CONFLICT (call_id) DO UPDATE SET updated_at = call_contact.updated_at`,
          [input.callId],
        );
      }
      // Under the lock (PostgreSQL) or the one writer (SQLite): read, then insert, is safe.
      const events = await tx.find(CallEventRecord, { where: { callId: input.callId } });
      if (events.some((e) => e.event === input.event))
        return { call: await tx.findOneByOrFail(CallContact, { callId: input.callId }), duplicate: true };
      // Thrown inside the transaction: on PostgreSQL the placeholder row above is rolled back.
      checkEventSequence(input, events, this.now());
      const record = tx.create(CallEventRecord, {
        callId: input.callId,
        event: input.event,
        at: input.at,
        queue: input.queue,
        fromNumber: input.from,
        toNumber: input.to,
        agentId: input.agentId,
        ivrPersonalNumber: input.ivrPersonalNumber,
        receivedAt: this.now(),
      });
      await tx.insert(CallEventRecord, record);
      return { call: await this.rebuild(tx, input.callId, [...events, record]), duplicate: false };
    });
  }

  /** The call's row from its events; the caller's and IVR details come from the first event that had them. */
  private async rebuild(
    tx: EntityManager,
    callId: string,
    unsorted: CallEventRecord[],
  ): Promise<CallContact> {
    const events = [...unsorted].sort((a, b) => a.at.getTime() - b.at.getTime());
    const summary = summariseCall(events.map((e) => ({ ...e, event: e.event as never })));
    const periods = stockholmPeriods(summary.offeredAt);
    const call = tx.create(CallContact, {
      callId,
      queue: summary.queue,
      fromNumber: events.find((e) => e.fromNumber)?.fromNumber ?? null,
      toNumber: events.find((e) => e.event === 'OFFERED')?.toNumber ?? events[0].toNumber,
      ivrPersonalNumber: events.find((e) => e.ivrPersonalNumber)?.ivrPersonalNumber ?? null,
      agentId: summary.agentId,
      outcome: summary.outcome,
      offeredAt: summary.offeredAt,
      answeredAt: summary.answeredAt,
      endedAt: summary.endedAt,
      waitMs: summary.waitMs,
      talkMs: summary.talkMs,
      offeredDay: periods.day,
      offeredWeek: periods.week,
      offeredMonth: periods.month,
      updatedAt: this.now(),
    });
    // One INSERT … ON CONFLICT DO UPDATE, not save()'s SELECT then INSERT or UPDATE.
    await tx.upsert(CallContact, call, { conflictPaths: ['callId'], skipUpdateIfNoValuesChanged: false });
    return call;
  }

  find(callId: string): Promise<CallContact | null> {
    return this.dataSource.getRepository(CallContact).findOneBy({ callId });
  }

  /**
   * The call the agent is on now: answered by them, not ended or transferred, answered within
   * CURRENT_CALL_MAX_MS; the latest when the log holds more (a lost ENDED). From the database, so
   * any gateway replica answers a console that reconnects.
   */
  async currentCallOf(agentId: string): Promise<CallContact | null> {
    const since = new Date(this.now().getTime() - CURRENT_CALL_MAX_MS);
    return this.dataSource.getRepository(CallContact).findOne({
      // outcome is indexed, and few calls are IN_CALL at once.
      where: { outcome: CallOutcome.IN_CALL, agentId, answeredAt: MoreThanOrEqual(since) },
      order: { answeredAt: 'DESC' },
    });
  }

  /** Links a case registered during the call; linking the same case twice changes nothing. */
  async linkCase(callId: string, caseId: string, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(CallCase)
      .values({ callId, caseId, linkedAt: this.now() })
      .orIgnore()
      .execute();
  }

  async casesOf(callId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(CallCase)
      .find({ where: { callId }, order: { linkedAt: 'ASC' } });
    return rows.map((r) => r.caseId);
  }

  async callOfCase(caseId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(CallCase).findOneBy({ caseId }))?.callId ?? null;
  }
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * One event of a call as the telephony platform sent it, once per (call, kind): a second
 * delivery of the same event is ignored (the platform retries), which is what makes
 * POST /telephony/events idempotent.
 */
@Entity('call_event')
export class CallEventRecord {
  @PrimaryColumn({ name: 'call_id', type: 'varchar', length: 100 }) callId!: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) event!: string;
  @InstantColumn() at!: Date;
  @Column({ type: 'varchar', length: 60 }) queue!: string;
  @Column({ name: 'from_number', type: 'varchar', length: 20, nullable: true }) fromNumber!: string | null;
  @Column({ name: 'to_number', type: 'varchar', length: 20 }) toNumber!: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 200, nullable: true }) agentId!: string | null;
  @Column({ name: 'ivr_personal_number', type: 'varchar', length: 12, nullable: true })
  ivrPersonalNumber!: string | null;
  @InstantColumn({ name: 'received_at' }) receivedAt!: Date;
}

/**
 * The contact log (kontaktlogg): one row per call, rebuilt from its events whenever one
 * arrives, as ISO 18295-1 expects every contact to be logged. The Stockholm day, ISO week
 * and month of the offer are stored with it, so the service goals group by a column in SQL
 * (a call over midnight counts on the day it was offered; DST needs no SQL time zones).
 */
@Entity('call_contact')
@Index('IDX_call_contact_day_queue', ['offeredDay', 'queue'])
@Index('IDX_call_contact_outcome', ['outcome'])
export class CallContact {
  @PrimaryColumn({ name: 'call_id', type: 'varchar', length: 100 }) callId!: string;
  @Column({ type: 'varchar', length: 60 }) queue!: string;
  @Column({ name: 'from_number', type: 'varchar', length: 20, nullable: true }) fromNumber!: string | null;
  @Column({ name: 'to_number', type: 'varchar', length: 20 }) toNumber!: string;
  @Column({ name: 'ivr_personal_number', type: 'varchar', length: 12, nullable: true })
  ivrPersonalNumber!: string | null;
  @Column({ name: 'agent_id', type: 'varchar', length: 200, nullable: true }) agentId!: string | null;
  @Column({ type: 'varchar', length: 20 }) outcome!: string;
  @InstantColumn({ name: 'offered_at' }) offeredAt!: Date;
  @InstantColumn({ name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @InstantColumn({ name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'wait_ms', type: 'integer', nullable: true }) waitMs!: number | null;
  @Column({ name: 'talk_ms', type: 'integer', nullable: true }) talkMs!: number | null;
  /** YYYY-MM-DD in Europe/Stockholm. */
  @Column({ name: 'offered_day', type: 'varchar', length: 10 }) offeredDay!: string;
  /** ISO week of the Stockholm day, YYYY-Www. */
  @Column({ name: 'offered_week', type: 'varchar', length: 8 }) offeredWeek!: string;
  /** YYYY-MM. */
  @Column({ name: 'offered_month', type: 'varchar', length: 7 }) offeredMonth!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** A case registered during a call (registerContact with `callId`); a call may carry several. */
@Entity('call_case')
@Index('IDX_call_case_case', ['caseId'])
export class CallCase {
  @PrimaryColumn({ name: 'call_id', type: 'varchar', length: 100 }) callId!: string;
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @InstantColumn({ name: 'linked_at' }) linkedAt!: Date;
}

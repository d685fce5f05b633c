import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** Where a callback stands. WAITING and TAKEN are open; the rest are closed for good. */
export const CallbackStatus = {
  WAITING: 'WAITING',
  TAKEN: 'TAKEN',
  REACHED: 'REACHED',
  UNREACHED: 'UNREACHED',
  EXPIRED: 'EXPIRED',
} as const;
export type CallbackStatus = (typeof CallbackStatus)[keyof typeof CallbackStatus];

/**
 * A callback the caller asked for instead of waiting in the queue (issue 25, decision 0082).
 * The queue is the WAITING rows due by now, oldest due first; an agent takes one with a
 * conditional UPDATE (callback-queue.ts), so exactly one agent gets each across gateways.
 */
@Entity('callback_request')
@Index('IDX_callback_request_status_due', ['status', 'dueAt'])
@Index('IDX_callback_request_day_queue', ['requestedDay', 'queue'])
@Index('IDX_callback_request_external', ['externalId'], { unique: true })
@Index('IDX_callback_request_party', ['partyId'])
export class CallbackRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** PLATFORM or CITIZEN. */
  @Column({ type: 'varchar', length: 10 }) source!: string;
  /** The platform's request id: a second delivery finds the first callback. Null for the citizen's. */
  @Column({ name: 'external_id', type: 'varchar', length: 100, nullable: true }) externalId!: string | null;
  /** E.164, Swedish. */
  @Column({ type: 'varchar', length: 20 }) number!: string;
  @Column({ type: 'varchar', length: 60 }) queue!: string;
  @Column({ name: 'party_id', type: 'varchar', length: 36, nullable: true }) partyId!: string | null;
  @InstantColumn({ name: 'requested_at' }) requestedAt!: Date;
  /** YYYY-MM-DD in Europe/Stockholm of the request: the statistics group by it. */
  @Column({ name: 'requested_day', type: 'varchar', length: 10 }) requestedDay!: string;
  /** The time the caller asked for, or the request's time for "as soon as possible": the goal counts from it. */
  @InstantColumn({ name: 'wanted_at' }) wantedAt!: Date;
  @Column({ type: 'boolean' }) asap!: boolean;
  /** When it is next due: wantedAt, then a retry's time. */
  @InstantColumn({ name: 'due_at' }) dueAt!: Date;
  @InstantColumn({ name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'varchar', length: 12 }) status!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'taken_by', type: 'varchar', length: 200, nullable: true }) takenBy!: string | null;
  @InstantColumn({ name: 'taken_at', nullable: true }) takenAt!: Date | null;
  /** Milliseconds from wantedAt to the first attempt's outcome; the call goal reads it. */
  @Column({ name: 'first_attempt_ms', type: 'integer', nullable: true }) firstAttemptMs!: number | null;
  @Column({ name: 'reached_ms', type: 'integer', nullable: true }) reachedMs!: number | null;
  @InstantColumn({ name: 'closed_at', nullable: true }) closedAt!: Date | null;
}

/** One attempt at a callback, as the agent recorded it. */
@Entity('callback_attempt')
export class CallbackAttempt {
  @PrimaryColumn({ name: 'callback_id', type: 'varchar', length: 36 }) callbackId!: string;
  @PrimaryColumn({ type: 'integer' }) attempt!: number;
  @Column({ name: 'agent_id', type: 'varchar', length: 200 }) agentId!: string;
  @InstantColumn() at!: Date;
  /** REACHED, NO_ANSWER or RETRY. */
  @Column({ type: 'varchar', length: 12 }) outcome!: string;
  @InstantColumn({ name: 'retry_at', nullable: true }) retryAt!: Date | null;
}

/** A case registered during a callback (registerContact with `callbackId`). */
@Entity('callback_case')
@Index('IDX_callback_case_case', ['caseId'])
export class CallbackCase {
  @PrimaryColumn({ name: 'callback_id', type: 'varchar', length: 36 }) callbackId!: string;
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @InstantColumn({ name: 'linked_at' }) linkedAt!: Date;
}

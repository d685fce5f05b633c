import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * One attempt to establish who is on the line (BankID phone authentication, or an exception
 * the configuration allows, with its reason), kept in the database so every gateway sees it:
 * the console's polls may land on any replica. A completed row names who BankID identified,
 * by whom (the agent), when, and until when it opens secrecy departments to that agent.
 */
@Entity('caller_identification')
@Index('IDX_caller_identification_agent_person', ['agentSubject', 'personalNumber', 'status'])
@Index('IDX_caller_identification_call', ['callId'])
export class CallerIdentification {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** The personal number the caller claimed (what the agent asked BankID about), 12 digits. */
  @Column({ name: 'personal_number', type: 'varchar', length: 12 }) personalNumber!: string;
  @Column({ name: 'party_id', type: 'varchar', length: 36 }) partyId!: string;
  @Column({ name: 'agent_subject', type: 'varchar', length: 200 }) agentSubject!: string;
  @Column({ name: 'agent_name', type: 'varchar', length: 200, nullable: true }) agentName!: string | null;
  @Column({ name: 'call_id', type: 'varchar', length: 100, nullable: true }) callId!: string | null;
  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true }) caseId!: string | null;
  /** `bankid-phone`, or `exception` (no BankID; `exceptionReason` says why). */
  @Column({ type: 'varchar', length: 20 }) method!: 'bankid-phone' | 'exception';
  @Column({ type: 'varchar', length: 20 }) status!: IdentificationStatus;
  /** BankID's order reference (null for an exception, or when BankID never gave one). */
  @Column({ name: 'order_ref', type: 'varchar', length: 100, nullable: true }) orderRef!: string | null;
  /** BankID's latest hint code while pending, or the failure hint (userDeclinedCall, expiredTransaction, …). */
  @Column({ name: 'hint_code', type: 'varchar', length: 60, nullable: true }) hintCode!: string | null;
  /** Why it unlocked nothing: a BankID failure hint, or the hub's own (mismatch, bankid-unavailable, invalid-answer, …). */
  @Column({ type: 'varchar', length: 60, nullable: true }) failure!: string | null;
  /** completionData.user as BankID gave it. */
  @Column({ name: 'identified_personal_number', type: 'varchar', length: 12, nullable: true })
  identifiedPersonalNumber!: string | null;
  @Column({ name: 'identified_name', type: 'varchar', length: 200, nullable: true }) identifiedName!:
    string | null;
  @Column({ name: 'exception_reason', type: 'varchar', length: 40, nullable: true })
  exceptionReason!: string | null;
  @Column({ name: 'exception_note', type: 'varchar', length: 500, nullable: true }) exceptionNote!:
    string | null;
  @InstantColumn({ name: 'started_at' }) startedAt!: Date;
  @InstantColumn({ name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  /** A completed identification opens nothing after this instant (and nothing after its call ended). */
  @InstantColumn({ name: 'valid_until', nullable: true }) validUntil!: Date | null;
}

export type IdentificationStatus = 'pending' | 'complete' | 'failed' | 'cancelled';

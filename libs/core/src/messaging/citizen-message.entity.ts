import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** Where a message to a citizen stands (decision 0083). */
export type CitizenMessageStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED';

/**
 * One message the hub owes a citizen (keyed by the job that owes it) and how its delivery
 * went: the channel it is on now, tries there, whether a fallback was used, and, when no
 * channel reached the citizen, that a letter is needed. Shown on the case; never the text.
 */
@Entity('citizen_message')
@Index('IDX_citizen_message_case', ['caseId'])
@Index('IDX_citizen_message_letter', ['letterNeeded', 'letterSentAt'])
export class CitizenMessageRecord {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  /** ANSWERED, WAITING or CLOSED. */
  @Column({ type: 'varchar', length: 20 }) notice!: string;
  /** email, sms or mailbox; null before the first try and when there was no channel at all. */
  @Column({ type: 'varchar', length: 10, nullable: true }) channel!: string | null;
  @Column({ type: 'varchar', length: 12 }) status!: CitizenMessageStatus;
  /** Failed tries on the current channel (a provider down); the next channel after the limit. */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'fallback_used', type: 'boolean' }) fallbackUsed!: boolean;
  /** No channel reached a citizen the hub knows (a party): staff send a letter. */
  @Column({ name: 'letter_needed', type: 'boolean' }) letterNeeded!: boolean;
  @InstantColumn({ name: 'letter_sent_at', nullable: true }) letterSentAt!: Date | null;
  /** The provider's id of the message (SMS id, mailbox delivery id). */
  @Column({ name: 'provider_id', type: 'varchar', length: 200, nullable: true }) providerId!: string | null;
  /** Why the last try failed (never an address or the text). */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

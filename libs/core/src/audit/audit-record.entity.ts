import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';
import { Party } from '../people/party.entity';

/**
 * One read of a person's data: who, in which role, whose data, from which department
 * systems, why and when. Append-only: the code has no update or delete path for it.
 */
@Entity('audit_record')
@Index('IDX_audit_record_party_occurred', ['partyId', 'occurredAt'])
@Index('IDX_audit_record_occurred', ['occurredAt'])
export class AuditRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @InstantColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'varchar', length: 200 })
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ name: 'party_id', type: 'varchar', length: 36 })
  partyId!: string;

  @ManyToOne(() => Party, { nullable: false })
  @JoinColumn({ name: 'party_id' })
  party?: Party;

  /** Plugin ids whose data was read, e.g. ["childcare-queue"]. */
  @Column({ type: 'simple-json' })
  plugins!: string[];

  /** Which parts of the data were read: `lookup`, `statuses`, `sources`, or a plugin's field such as `childcareQueue`. */
  @Column({ name: 'field_groups', type: 'simple-json', default: '[]' })
  fieldGroups!: string[];

  /** Why: the open contact or case id, or the reason the reader gave. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  purpose!: string | null;

  /** The purpose chosen from the configured list (`access.purpose.reasons`), by key. */
  @Column({ name: 'purpose_reason', type: 'varchar', length: 40, nullable: true })
  purposeReason!: string | null;

  /** The case the read was for, when the reader named one (checked to exist). */
  @Column({ name: 'purpose_case_id', type: 'varchar', length: 36, nullable: true })
  purposeCaseId!: string | null;

  /** The call the read was for, when the reader named one (checked to exist). */
  @Column({ name: 'purpose_call_id', type: 'varchar', length: 100, nullable: true })
  purposeCallId!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100 })
  requestId!: string;

  /**
   * Read on behalf of the party by a representative (the actor, signed in as themselves):
   * their personal number and name, and the basis: `guardian` or `power:<id>`. Null otherwise.
   */
  @Column({ name: 'representative_pn', type: 'varchar', length: 12, nullable: true })
  representativePn!: string | null;

  @Column({ name: 'representative_name', type: 'varchar', length: 200, nullable: true })
  representativeName!: string | null;

  /** One basis per department read at most (a guardian, or one power each), so text, not a short varchar. */
  @Column({ name: 'representation', type: 'text', nullable: true })
  representation!: string | null;

  /** Set when the read was refused: why (then nothing of the party's was read). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  refusal!: string | null;
}

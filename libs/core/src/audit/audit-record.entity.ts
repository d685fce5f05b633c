import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * One read of a person's data: who, in which role, whose data, from which department
 * systems, why and when. Append-only: the code has no update or delete path for it.
 */
@Entity('audit_record')
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

  /** Plugin ids whose data was read, e.g. ["childcare-queue"]. */
  @Column({ type: 'simple-json' })
  plugins!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  purpose!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100 })
  requestId!: string;
}

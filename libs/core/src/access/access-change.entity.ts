import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';
import type { MandateTargetKind } from './mandate-grant.entity';

/**
 * `grant`/`revoke`: a level set or removed; `request`: a grant in a secrecy department waiting
 * for a second admin; `approve`: the second admin made it a grant; `withdraw`: a waiting request
 * removed; `approve_refused`: an approval refused (the requester's own, or a stale level).
 */
export type AccessChangeAction = 'grant' | 'revoke' | 'request' | 'approve' | 'withdraw' | 'approve_refused';

/**
 * One change to who may do what (a mandate granted or revoked): who, when, before and
 * after. Append-only like audit_record: the code has no update or delete path for it.
 */
@Entity('access_change')
@Index('IDX_access_change_occurred', ['occurredAt'])
export class AccessChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @InstantColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'varchar', length: 200 })
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 20 })
  action!: AccessChangeAction;

  @Column({ name: 'target_kind', type: 'varchar', length: 20 })
  targetKind!: MandateTargetKind;

  @Column({ name: 'target_key', type: 'varchar', length: 100 })
  targetKey!: string;

  @Column({ type: 'varchar', length: 100 })
  department!: string;

  /** The granted level before the change (null: none was granted, the configured level applied). */
  @Column({ name: 'level_before', type: 'integer', nullable: true })
  levelBefore!: number | null;

  @Column({ name: 'level_after', type: 'integer', nullable: true })
  levelAfter!: number | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100 })
  requestId!: string;
}

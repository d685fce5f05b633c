import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** Who a mandate is granted to: a hub role, or an answer group (svarsgrupp) by key. */
export type MandateTargetKind = 'role' | 'answer_group';

/**
 * A mandate level granted at run time by an admin, for one role or answer group in one
 * department (`*`: every department). Overrides the configured level for that pair.
 */
@Entity('mandate_grant')
@Index('UQ_mandate_grant_target_department', ['targetKind', 'targetKey', 'department'], { unique: true })
export class MandateGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'target_kind', type: 'varchar', length: 20 })
  targetKind!: MandateTargetKind;

  @Column({ name: 'target_key', type: 'varchar', length: 100 })
  targetKey!: string;

  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'granted_by', type: 'varchar', length: 200 })
  grantedBy!: string;

  @InstantColumn({ name: 'granted_at' })
  grantedAt!: Date;

  /** The second admin who approved it (a grant in a secrecy department); null where none is needed. */
  @Column({ name: 'approved_by', type: 'varchar', length: 200, nullable: true })
  approvedBy!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';
import type { MandateTargetKind } from './mandate-grant.entity';

/**
 * A grant in a secrecy department that waits for a second admin (four-eyes). It opens nothing:
 * the access policy reads mandate_grant only. One per role or group and department; a newer
 * request replaces the older, and approval moves it into mandate_grant.
 */
@Entity('mandate_grant_request')
@Index('UQ_mandate_grant_request_target', ['targetKind', 'targetKey', 'department'], { unique: true })
export class MandateGrantRequest {
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

  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy!: string;

  @InstantColumn({ name: 'requested_at' })
  requestedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** What a retention run (gallring) removed: one row per kind of record and run, counts only. */
@Entity('retention_run')
@Index('IDX_retention_run_ran_at', ['ranAt'])
export class RetentionRun {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @InstantColumn({ name: 'ran_at' }) ranAt!: Date;
  @Column({ type: 'varchar', length: 30 }) kind!: string;
  @Column({ type: 'integer' }) removed!: number;
}

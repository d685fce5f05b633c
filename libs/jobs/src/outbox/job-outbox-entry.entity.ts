import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * job_outbox: a job that a database change asked for, written in the change's own
 * transaction and relayed to the queue after the commit; deleted once the queue has it.
 */
@Entity('job_outbox')
@Index('IDX_job_outbox_created', ['createdAt'])
export class JobOutboxEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  action!: 'add' | 'cancel';

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text' })
  payload!: string;

  /** Every job the outbox carries has a stable id, so relaying it twice adds it once. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId!: string;

  @InstantColumn({ name: 'run_at', nullable: true })
  runAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  attempts!: number | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}

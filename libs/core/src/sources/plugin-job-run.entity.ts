import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * One scheduled run of a plugin job (the queue's id for one interval), claimed by the first
 * process to start it. See `PluginJobRuns`.
 */
@Entity('plugin_job_run')
@Index('IDX_plugin_job_run_claimed', ['claimedAt'])
export class PluginJobRun {
  @PrimaryColumn({ name: 'run_id', type: 'varchar', length: 200 })
  runId!: string;

  @Column({ type: 'varchar', length: 100 })
  plugin!: string;

  @Column({ type: 'varchar', length: 100 })
  job!: string;

  /** A random id of the claiming attempt: whoever reads back their own id runs the job. */
  @Column({ type: 'varchar', length: 36 })
  claimant!: string;

  @InstantColumn({ name: 'claimed_at' })
  claimedAt!: Date;
}

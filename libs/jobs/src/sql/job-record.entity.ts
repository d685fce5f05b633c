import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** `done`: a run of a recurring job, kept (briefly) so that no process adds that interval's run again. */
export type JobState = 'waiting' | 'active' | 'failed' | 'done';

/** A job in the SQL-backed queue. Completed jobs are deleted (runs of recurring jobs are kept as `done` for two intervals); failed ones stay for admins. */
@Entity('job')
@Index('IDX_job_due', ['state', 'runAt'])
export class JobRecord {
  /** The caller's jobId, or a generated one. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 10 })
  state!: JobState;

  @InstantColumn({ name: 'run_at' })
  runAt!: Date;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 100, nullable: true })
  lockedBy!: string | null;

  /** A running job whose lease has passed belongs to a worker that died: it runs again. */
  @InstantColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RetentionJob, runRetention, type RetentionSettings } from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';

/**
 * The nightly retention job (gallring) for a process that runs jobs. On PostgreSQL with
 * RETENTION_DATABASE_URL it deletes through a data source of its own as the retention role
 * (tools/sql/postgres-retention-role.sql), so the gateway's role needs no DELETE on the audit log.
 */
export class RetentionRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private own?: DataSource;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly settings: RetentionSettings,
    private readonly retentionDatabaseUrl: string | undefined,
    private readonly runJobs: boolean,
    private readonly now: () => Date,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runJobs) return;
    const job = new RetentionJob(
      async () => runRetention(await this.retentionSource(), this.settings, this.now(), this.queue),
      this.now,
      (report) => this.logger.log({ removed: report.removed }, 'retention run'),
    );
    job.register(this.queue);
    await job.schedule(this.queue);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.own?.isInitialized) await this.own.destroy();
  }

  private async retentionSource(): Promise<DataSource> {
    if (!this.retentionDatabaseUrl) return this.dataSource;
    if (!this.own) {
      this.own = new DataSource({
        ...buildDataSourceOptions({
          databaseUrl: this.retentionDatabaseUrl,
          dataDir: '.',
          migrate: false,
          entities: this.dataSource.options.entities ?? [],
        }),
        poolSize: 1,
      } as never);
      await this.own.initialize();
    }
    return this.own;
  }
}

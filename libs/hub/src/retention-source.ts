import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '@frontdoor/persistence';

/**
 * The retention role's connection (RETENTION_DATABASE_URL, tools/sql/postgres-retention-role.sql):
 * the hub's tables, one connection (the job runs once a night), never migrating (decision 0041).
 */
export function retentionDataSourceOptions(
  url: string,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  return {
    ...buildDataSourceOptions({ databaseUrl: url, dataDir: '.', migrate: false, entities: entities ?? [] }),
    poolSize: 1,
  } as DataSourceOptions;
}

/**
 * Where retention deletes: the hub's data source, or with RETENTION_DATABASE_URL a connection
 * of its own as the retention role, so the hub's role needs no DELETE on the audit log. Opened
 * at the first run, not at start: a process that never runs the job never connects as that role.
 */
export class RetentionSource {
  private own?: Promise<DataSource>;

  constructor(
    private readonly hub: DataSource,
    private readonly retentionDatabaseUrl: string | undefined,
  ) {}

  get(): Promise<DataSource> {
    if (!this.retentionDatabaseUrl) return Promise.resolve(this.hub);
    this.own ??= new DataSource(
      retentionDataSourceOptions(this.retentionDatabaseUrl, this.hub.options.entities),
    )
      .initialize()
      .catch((error: unknown) => {
        this.own = undefined; // the next run tries again
        throw error;
      });
    return this.own;
  }

  async close(): Promise<void> {
    const own = await this.own?.catch(() => undefined);
    if (own?.isInitialized) await own.destroy();
  }
}

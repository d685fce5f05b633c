import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { AuditRecord } from './audit-record.entity';
import type { AuditTrail } from './audit-trail';

type AuditRow = Pick<
  AuditRecord,
  | 'id'
  | 'occurredAt'
  | 'actorSubject'
  | 'actorRole'
  | 'partyId'
  | 'plugins'
  | 'fieldGroups'
  | 'purpose'
  | 'purposeReason'
  | 'purposeCaseId'
  | 'purposeCallId'
  | 'requestId'
  | 'representativePn'
  | 'representativeName'
  | 'representation'
  | 'refusal'
>;

interface Waiting {
  rows: AuditRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Rows per INSERT: 16 columns each keeps a statement well under SQLite's and PostgreSQL's parameter limits. */
const MAX_ROWS_PER_INSERT = 500;

/**
 * Writes who read whose data. Writes are group-committed: every request whose answer is ready
 * in the same turn of the event loop (and, under load, while the previous insert runs) goes
 * into one multi-row INSERT, and each caller's promise settles only when the statement holding
 * its rows has committed. So the promise "no answer leaves before its audit row is written"
 * holds, with one statement (and on SQLite one WAL sync) per group instead of per request.
 */
export class AuditService {
  private readonly records: Repository<AuditRecord>;
  private readonly columns: ColumnMetadata[];
  /** INSERT statements by row count: groups repeat the same few sizes. */
  private readonly statements = new Map<number, string>();
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly dataSource: DataSource) {
    this.records = dataSource.getRepository(AuditRecord);
    this.columns = this.records.metadata.columns;
  }

  /** Writes a request's reads, one row per person; resolves once they are committed. */
  write(trail: AuditTrail, at: Date = new Date()): Promise<void> {
    const entries = trail.entries();
    if (entries.length === 0) return Promise.resolve();
    const rows: AuditRow[] = entries.map((entry) => ({
      id: randomUUID(),
      occurredAt: at,
      actorSubject: trail.actor.subject,
      actorRole: trail.actor.role,
      partyId: entry.partyId,
      plugins: entry.plugins,
      fieldGroups: entry.fieldGroups,
      purpose: trail.purpose,
      purposeReason: trail.purposeReason,
      purposeCaseId: trail.purposeCaseId,
      purposeCallId: trail.purposeCallId,
      requestId: trail.requestId,
      representativePn: entry.onBehalf?.personalNumber ?? null,
      representativeName: entry.onBehalf?.name?.slice(0, 200) ?? null,
      representation: entry.onBehalf?.basis ?? null,
      refusal: entry.refusal,
    }));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  /** A person's access history, newest first. */
  forParty(partyId: string, limit = 100): Promise<AuditRecord[]> {
    return this.records.find({ where: { partyId }, order: { occurredAt: 'DESC' }, take: limit });
  }

  /**
   * One flush at a time: what arrives while an INSERT runs waits for it and then goes in the
   * next, so groups grow with the load and an idle hub writes each request at once (after
   * the current turn of the event loop).
   */
  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const group: Waiting[] = [];
      let count = 0;
      while (this.queue.length && count + this.queue[0]!.rows.length <= MAX_ROWS_PER_INSERT) {
        const next = this.queue.shift()!;
        group.push(next);
        count += next.rows.length;
      }
      // One request with more rows than a statement holds goes alone (TypeORM splits nothing).
      if (group.length === 0) group.push(this.queue.shift()!);
      try {
        await this.insert(group.flatMap((w) => w.rows));
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        // Each request's rows alone, so one request's bad row withholds only its own answer.
        for (const waiting of group) {
          try {
            await this.insert(waiting.rows);
            waiting.resolve();
          } catch (own) {
            waiting.reject(own);
          }
        }
      }
    }
  }

  /**
   * One prepared multi-row INSERT, the values converted by TypeORM's driver exactly as the
   * query builder would (dates, JSON arrays). Not the query builder itself: building a
   * statement of up to 4,500 parameters through it was ~6 % of a cache-warm overview
   * (docs/performance.md), and every column is set here, so there is nothing to read back.
   */
  private async insert(rows: AuditRow[]): Promise<void> {
    const { driver } = this.dataSource;
    const params = rows.flatMap((row) =>
      this.columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column)),
    );
    await this.dataSource.query(this.statementFor(rows.length), params);
  }

  private statementFor(rowCount: number): string {
    let sql = this.statements.get(rowCount);
    if (!sql) {
      const { driver } = this.dataSource;
      const names = this.columns.map((c) => driver.escape(c.databaseName)).join(', ');
      const tuples = Array.from({ length: rowCount }, (_, r) => {
        const base = r * this.columns.length;
        return `(${this.columns.map((_, c) => driver.createParameter(`p${base + c}`, base + c)).join(', ')})`;
      });
      sql = `INSERT INTO ${driver.escape(this.records.metadata.tableName)} (${names}) VALUES ${tuples.join(', ')}`;
      if (this.statements.size < 64) this.statements.set(rowCount, sql);
    }
    return sql;
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { AuditRecord } from './audit-record.entity';
import type { AuditTrail } from './audit-trail';

export class AuditService {
  private readonly records: Repository<AuditRecord>;

  constructor(dataSource: DataSource) {
    this.records = dataSource.getRepository(AuditRecord);
  }

  /** Writes a request's reads, one row per person, in one insert. */
  async write(trail: AuditTrail, at: Date = new Date()): Promise<void> {
    const entries = trail.entries();
    if (entries.length === 0) return;
    // updateEntity(false): every column is set here; TypeORM's read-back of defaults was an
    // extra query builder per read audited (docs/performance.md).
    const rows = entries.map((entry) => ({
      id: randomUUID(),
      occurredAt: at,
      actorSubject: trail.actor.subject,
      actorRole: trail.actor.role,
      partyId: entry.partyId,
      plugins: entry.plugins,
      fieldGroups: entry.fieldGroups,
      purpose: trail.purpose,
      requestId: trail.requestId,
    }));
    await this.records.createQueryBuilder().insert().values(rows).updateEntity(false).execute();
  }

  /** A person's access history, newest first. */
  forParty(partyId: string, limit = 100): Promise<AuditRecord[]> {
    return this.records.find({ where: { partyId }, order: { occurredAt: 'DESC' }, take: limit });
  }
}

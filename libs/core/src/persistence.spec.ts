import { DataSource } from 'typeorm';

import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { AuditRecord } from './audit/audit-record.entity';
import { AuditService } from './audit/audit.service';
import { AuditTrail } from './audit/audit-trail';
import { PartyService } from './people/party.service';
import { CORE_ENTITIES } from './index';

// Runs on the embedded SQLite file, and on PostgreSQL when DATABASE_URL is set (CI runs both).
describe(`core repositories on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, CORE_ENTITIES);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('gets exactly the entities’ schema from the migrations (nothing left for synchronize to do)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('keeps one party per personal number, also under concurrent first sightings', async () => {
    const parties = new PartyService(dataSource);
    const results = await Promise.all(Array.from({ length: 8 }, () => parties.partyFor('196408233234')));
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect(results[0].personalNumber).toBe('196408233234');
    expect((await parties.partyFor('199001012385')).id).not.toBe(results[0].id);
  });

  it('writes one audit row per person read in a request, and lists a person’s history newest first', async () => {
    const parties = new PartyService(dataSource);
    const audit = new AuditService(dataSource);
    const anna = await parties.partyFor('199001012385');
    const bertil = await parties.partyFor('196408233234');

    const first = new AuditTrail({ subject: 'agent-1', role: 'agent' }, 'req-1', "Ärende 42 ('brådskande')");
    first.record(anna.id, []);
    first.record(anna.id, ['childcare-queue']);
    first.record(bertil.id, ['childcare-queue', 'invoicing']);
    await audit.write(first, new Date('2026-11-24T08:00:00Z'));

    const second = new AuditTrail({ subject: 'officer-2', role: 'case_officer' }, 'req-2');
    second.record(anna.id, ['childcare-queue']);
    await audit.write(second, new Date('2026-11-24T09:00:00.123Z'));

    const history = await audit.forParty(anna.id);
    expect(
      history.map(({ actorSubject, actorRole, plugins, purpose, requestId, occurredAt }) => ({
        actorSubject,
        actorRole,
        plugins,
        purpose,
        requestId,
        occurredAt,
      })),
    ).toEqual([
      {
        actorSubject: 'officer-2',
        actorRole: 'case_officer',
        plugins: ['childcare-queue'],
        purpose: null,
        requestId: 'req-2',
        occurredAt: new Date('2026-11-24T09:00:00.123Z'),
      },
      {
        actorSubject: 'agent-1',
        actorRole: 'agent',
        plugins: ['childcare-queue'],
        purpose: "Ärende 42 ('brådskande')",
        requestId: 'req-1',
        occurredAt: new Date('2026-11-24T08:00:00Z'),
      },
    ]);
    expect((await audit.forParty(bertil.id))[0].plugins).toEqual(['childcare-queue', 'invoicing']);
  });

  it('refuses an audit row for a party that does not exist', async () => {
    const trail = new AuditTrail({ subject: 'agent-1', role: 'agent' }, 'req-3');
    trail.record('00000000-0000-0000-0000-000000000000', []);
    await expect(new AuditService(dataSource).write(trail)).rejects.toThrow();
  });

  it('group-commits concurrent requests into one insert, and a bad row withholds only its own request', async () => {
    const parties = new PartyService(dataSource);
    const audit = new AuditService(dataSource);
    const anna = await parties.partyFor('199001012385');
    const inserts: number[] = [];
    const insert = (audit as unknown as { insert(rows: unknown[]): Promise<void> }).insert.bind(audit);
    (audit as unknown as { insert(rows: unknown[]): Promise<void> }).insert = (rows) => {
      inserts.push(rows.length);
      return insert(rows);
    };
    const trails = Array.from({ length: 12 }, (_, i) => {
      const trail = new AuditTrail({ subject: 'agent-group', role: 'agent' }, `group-${i}`);
      trail.record(i === 5 ? '00000000-0000-0000-0000-000000000000' : anna.id, ['invoicing']);
      return trail;
    });
    const outcomes = await Promise.allSettled(trails.map((t) => audit.write(t)));

    expect(outcomes.map((o) => o.status)).toEqual(trails.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    // One insert of all twelve (it fails), then each request's row alone.
    expect(inserts).toEqual([12, ...trails.map(() => 1)]);
    const written = await dataSource
      .getRepository(AuditRecord)
      .find({ where: { actorSubject: 'agent-group' } });
    expect(written.map((r) => r.requestId).sort()).toEqual(
      trails
        .map((_, i) => `group-${i}`)
        .filter((id) => id !== 'group-5')
        .sort(),
    );

    inserts.length = 0;
    await Promise.all(trails.filter((_, i) => i !== 5).map((t) => audit.write(t)));
    expect(inserts).toEqual([11]);
  });
});

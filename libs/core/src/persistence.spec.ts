import { DataSource } from 'typeorm';

import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
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

    const first = new AuditTrail({ subject: 'agent-1', role: 'agent' }, 'req-1', 'Ärende 42');
    first.record(anna.id, []);
    first.record(anna.id, ['childcare-queue']);
    first.record(bertil.id, ['childcare-queue', 'invoicing']);
    await audit.write(first, new Date('2026-11-24T08:00:00Z'));

    const second = new AuditTrail({ subject: 'officer-2', role: 'case_officer' }, 'req-2');
    second.record(anna.id, ['childcare-queue']);
    await audit.write(second, new Date('2026-11-24T09:00:00Z'));

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
        occurredAt: new Date('2026-11-24T09:00:00Z'),
      },
      {
        actorSubject: 'agent-1',
        actorRole: 'agent',
        plugins: ['childcare-queue'],
        purpose: 'Ärende 42',
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
});

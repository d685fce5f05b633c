import type { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { AnswerGroup, CaseCategory } from './case.entities';
import { applyCaseSetup, type CaseSetup } from './case-setup';

const SETUP = {
  categories: [
    { key: 'fakturor', name: 'Fakturor', slaWorkingDays: 3, confidential: false },
    { key: 'avfall', name: 'Avfall', slaWorkingDays: 3, confidential: false },
  ],
  answerGroups: [
    {
      key: 'ekonomi',
      name: 'Svarsgrupp fakturor',
      department: 'Ekonomi',
      notificationEmail: 'fakturor@exempelstad.se',
      manager: { subject: 'm', name: 'Ola Chef', email: 'ola.chef@exempelstad.se' },
      members: [],
    },
  ],
} as unknown as CaseSetup;

describe('the case setup written at start', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two replicas: two connection pools on one database.
    sources.push(await openTestDataSource(database, CORE_ENTITIES));
    sources.push(await openTestDataSource(database, CORE_ENTITIES));
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await database?.drop();
  });

  // Replicas share PostgreSQL; the embedded SQLite file has one process (two pools would only
  // meet SQLite's own "database is locked").
  const replicas = process.env.DATABASE_URL
    ? 'at the same moment'
    : 'one after the other (SQLite: one process)';
  it(`is written once by replicas that start ${replicas} (no unique-key error)`, async () => {
    if (process.env.DATABASE_URL)
      await Promise.all([applyCaseSetup(sources[0], SETUP), applyCaseSetup(sources[1], SETUP)]);
    else for (const source of sources) await applyCaseSetup(source, SETUP);
    expect(await sources[0].getRepository(CaseCategory).count()).toBe(2);
    expect(await sources[0].getRepository(AnswerGroup).count()).toBe(1);
  });

  it('updates what changed in the config on the next start, keeping the ids', async () => {
    const before = await sources[0].getRepository(CaseCategory).findOneByOrFail({ key: 'avfall' });
    const renamed = {
      ...SETUP,
      categories: [SETUP.categories[0], { ...SETUP.categories[1], name: 'Avfall och återvinning' }],
    };
    await applyCaseSetup(sources[1], renamed as CaseSetup);
    const after = await sources[0].getRepository(CaseCategory).findOneByOrFail({ key: 'avfall' });
    expect(after).toMatchObject({ id: before.id, name: 'Avfall och återvinning' });
  });
});

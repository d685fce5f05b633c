import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { applyCaseSetup } from '../cases/case-setup';
import { CORE_ENTITIES } from '../index';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeService } from './knowledge.service';

describe('knowledge search keeps its stemmed articles in step with the database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, CORE_ENTITIES);
    await applyCaseSetup(dataSource, {
      categories: [{ key: 'fakturor', name: 'Fakturor', slaWorkingDays: 3, confidential: false }],
      answerGroups: [],
    });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('finds a new article, follows an edit made by another gateway, and forgets a removed one', async () => {
    const mine = new KnowledgeService(dataSource, () => new Date(now));
    const other = new KnowledgeService(dataSource, () => new Date(now));
    const input = { categoryKey: 'fakturor', body: 'Kontrollera betalningen.', checklist: [], routing: '' };
    const article = await mine.create({ ...input, title: 'Påminnelse om faktura' }, 'ekonomi-1');
    expect((await mine.search('fakturan')).map((a) => a.title)).toEqual(['Påminnelse om faktura']);

    now += 60_000;
    await other.update(article.id, { ...input, title: 'Parkeringstillstånd' }, 'ekonomi-1');
    expect(await mine.search('fakturan')).toEqual([]);
    expect((await mine.search('parkeringstillstånd')).map((a) => a.id)).toEqual([article.id]);

    await dataSource.getRepository(KnowledgeArticle).delete({ id: article.id });
    expect(await mine.search('parkeringstillstånd')).toEqual([]);
  });
});

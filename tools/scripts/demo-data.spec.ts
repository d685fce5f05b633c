import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoKnowledge, demoArticles } = require('./seed-demo-knowledge') as {
  seedDemoKnowledge: (url: string) => Promise<number>;
  demoArticles: () => { categoryKey: string; title: string; checklist: string[]; routing: string }[];
};

const embedded = JSON.parse(readFileSync(resolve(__dirname, '../../config/embedded.json'), 'utf8')) as {
  cases: {
    categories: { key: string; name: string }[];
    answerGroups: { key: string; name: string; manager: { name: string } }[];
  };
};

describe('the demo shows the whole chain: an article and an answer group for every category', () => {
  const articles = demoArticles();

  it.each(embedded.cases.categories.map((c) => [c.key, c.name]))(
    '%s (%s) has a Swedish checklist to read aloud, routed to an answer group with a manager',
    (key) => {
      const forCategory = articles.filter((a) => a.categoryKey === key);
      expect(forCategory.length).toBeGreaterThan(0);
      for (const article of forCategory) {
        expect(article.checklist.length).toBeGreaterThanOrEqual(3);
        const group = embedded.cases.answerGroups.find((g) => g.name === article.routing);
        expect(group?.manager.name).toBeTruthy();
      }
    },
  );

  describe('written through the API at start', () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP });
    });
    afterAll(async () => {
      await hub?.close();
    });

    it('writes every article once, and nothing again on the next start', async () => {
      expect(await seedDemoKnowledge(hub.url)).toBe(articles.length);
      expect(await seedDemoKnowledge(hub.url)).toBe(0);
      for (const category of embedded.cases.categories) {
        const { data } = await hub.graphql<{ knowledgeArticles: { checklist: string[] }[] }>(
          'query($k: String!) { knowledgeArticles(categoryKey: $k) { checklist } }',
          { k: category.key },
        );
        expect(data!.knowledgeArticles.length).toBeGreaterThan(0);
      }
    });
  });
});

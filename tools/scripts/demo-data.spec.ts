import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEMO_CASE_SETUP,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoGrants } = require('./seed-demo-grants') as {
  seedDemoGrants: (url: string) => Promise<number>;
};

describe('the demo opens the socionomer’s answer group in the secrecy departments, as two admins', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      cases: DEMO_CASE_SETUP,
      plugins: {
        'income-support': { connection: sandboxConnection(sandbox, 'income-support') },
        'home-care': { connection: sandboxConnection(sandbox, 'homecare') },
        'child-youth': { connection: sandboxConnection(sandbox, 'child-youth') },
        'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('requests and approves socialtjanst level 3 in each, recorded under two names, and nothing again on the next start', async () => {
    expect(await seedDemoGrants(hub.url)).toBe(3);
    expect(await seedDemoGrants(hub.url)).toBe(0);
    const admin = await hub.token('admin', 'admin-check');
    const { data, errors } = await hub.graphql<{
      mandates: { targetKey: string; department: string; effective: number }[];
      accessChanges: { action: string; actorSubject: string; department: string }[];
    }>(
      '{ mandates { targetKey department effective } accessChanges { action actorSubject department } }',
      {},
      { token: admin },
    );
    expect(errors).toBeUndefined();
    for (const department of ['Försörjningsstöd', 'Hemtjänst', 'Barn och unga']) {
      expect(
        data!.mandates.find((m) => m.targetKey === 'socialtjanst' && m.department === department)?.effective,
      ).toBe(3);
      const changes = data!.accessChanges.filter((c) => c.department === department);
      expect(changes.map((c) => [c.action, c.actorSubject]).sort()).toEqual([
        ['approve', 'demo-seed-approver'],
        ['request', 'demo-seed'],
      ]);
    }
    // An open department is left as configured.
    expect(data!.accessChanges.some((c) => c.department === 'Förskola')).toBe(false);
  });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoSpike } = require('./seed-demo-spike') as {
  seedDemoSpike: (url: string) => Promise<{ registered: number; published: boolean }>;
};

describe('the demo has a spike in one category today and a notice for it, through the API', () => {
  let hub: TestHub;
  const embeddedNotices = (
    JSON.parse(readFileSync(resolve(__dirname, '../../config/embedded.json'), 'utf8')) as {
      notices: { areas: string[] };
    }
  ).notices;

  beforeAll(async () => {
    hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP, notices: embeddedNotices });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('registers the contacts and publishes the notice once, and adds nothing on the next start', async () => {
    expect(await seedDemoSpike(hub.url)).toEqual({ registered: 12, published: true });
    expect(await seedDemoSpike(hub.url)).toEqual({ registered: 0, published: false });
    const manager = await hub.token('manager', 'manager-test', 'Maja Chef');
    const { data, errors } = await hub.graphql<{
      categorySpikes: { categoryKey: string; today: number; spiking: boolean }[];
      operatingNotices: { title: string; area: string; contactsDuring: number }[];
    }>(
      '{ categorySpikes { categoryKey today spiking } operatingNotices(categoryKey: "vatten-och-avlopp") { title area contactsDuring } }',
      {},
      { token: manager },
    );
    expect(errors).toBeUndefined();
    expect(data!.categorySpikes.find((s) => s.categoryKey === 'vatten-och-avlopp')).toEqual({
      categoryKey: 'vatten-och-avlopp',
      today: 12,
      spiking: true,
    });
    expect(data!.operatingNotices).toEqual([
      { title: 'Vattenavbrott i Centrum', area: 'Centrum', contactsDuring: 2 },
    ]);
    // Anna has an open case in the category: Mina ärenden shows her the notice.
    const anna = await hub.token('citizen', '199001012385', 'Anna Andersson');
    const mine = await hub.graphql<{ me: { operatingNotices: { title: string }[] } }>(
      '{ me { operatingNotices { title } } }',
      {},
      { token: anna },
    );
    expect(mine.data!.me.operatingNotices).toEqual([{ title: 'Vattenavbrott i Centrum' }]);
  });
});

import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

describe('the knowledge base: articles, Swedish search, suggestions for a case, the gap report', () => {
  let hub: TestHub;
  let agent: string;
  let officer: string;

  beforeAll(async () => {
    hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP });
    agent = await hub.token('agent', 'agent-alva');
    officer = await hub.token('case_officer', 'officer-nina');
  });
  afterAll(() => hub?.close());

  const create = (input: string, token = officer) =>
    hub.graphql<{ createKnowledgeArticle: { id: string; categoryKey: string } }>(
      `mutation { createKnowledgeArticle(input: ${input}) { id categoryKey title checklist routing } }`,
      {},
      { token },
    );

  it('lets department staff write an article, but not the first line', async () => {
    const { data, errors } = await create(
      '{ categoryKey: "fakturor", title: "Fakturor och påminnelser", body: "Så läser du fakturan. Påminnelseavgift 60 kr.", checklist: ["Fråga efter fakturanummer", "Kontrollera förfallodag"], routing: "Skicka till svarsgrupp fakturor om beloppet är fel." }',
    );
    expect(errors).toBeUndefined();
    expect(data!.createKnowledgeArticle.categoryKey).toBe('fakturor');
    const refused = await create('{ categoryKey: "fakturor", title: "x", body: "y" }', agent);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await create('{ categoryKey: "okand", title: "x", body: "y" }');
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CATEGORY',
    });
  });

  it('finds articles by Swedish word forms', async () => {
    const { data } = await hub.graphql<{ searchKnowledge: { title: string }[] }>(
      '{ searchKnowledge(query: "hur läser jag fakturan?") { title } }',
      {},
      { token: agent },
    );
    expect(data!.searchKnowledge.map((a) => a.title)).toEqual(['Fakturor och påminnelser']);
    const none = await hub.graphql<{ searchKnowledge: unknown[] }>(
      '{ searchKnowledge(query: "bygglov") { title } }',
      {},
      { token: agent },
    );
    expect(none.data!.searchKnowledge).toEqual([]);
  });

  it('suggests articles beside a case', async () => {
    const { data } = await hub.graphql<{ registerContact: { suggestedArticles: { title: string }[] } }>(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "fakturor", summary: "Förstår inte påminnelsen" }) { suggestedArticles { title } } }',
      {},
      { token: agent },
    );
    expect(data!.registerContact.suggestedArticles.map((a) => a.title)).toEqual(['Fakturor och påminnelser']);
  });

  it('lists what to write next: forwarded categories without an article', async () => {
    const register = async (category: string) => {
      const { data } = await hub.graphql<{ registerContact: { id: string } }>(
        `mutation { registerContact(input: { channel: PHONE, categoryKey: "${category}", summary: "x" }) { id } }`,
        {},
        { token: agent },
      );
      await hub.graphql(
        'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "ekonomi", message: "x") { id } }',
        { id: data!.registerContact.id },
        { token: agent },
      );
    };
    await register('parkering');
    await register('parkering');
    await register('hemtjanst');
    await register('fakturor');
    const day = (offset: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.now() + offset * 86_400_000),
      );
    const { data } = await hub.graphql<{ knowledgeGapReport: { categoryKey: string; forwarded: number }[] }>(
      'query($from: Date!, $to: Date!) { knowledgeGapReport(from: $from, to: $to) { categoryKey forwarded forwardedShare } }',
      { from: day(-1), to: day(1) },
      { token: agent },
    );
    expect(data!.knowledgeGapReport.map((g) => [g.categoryKey, g.forwarded])).toEqual([
      ['parkering', 2],
      ['hemtjanst', 1],
    ]);
  });

  it('ranks the articles for the contact being registered: the category’s own first, then others matching, at most the limit', async () => {
    // Another category's article that matches the words better than the category's own.
    expect(
      (
        await create(
          '{ categoryKey: "avfall", title: "Faktura för sophämtning och påminnelse", body: "Fakturan för sophämtning kommer kvartalsvis. Påminnelse efter 30 dagar.", checklist: ["Fråga efter fastigheten"], routing: "Svarsgrupp avfall" }',
        )
      ).errors,
    ).toBeUndefined();
    const ranked = (args: string) =>
      hub.graphql<{ knowledgeForContact: { title: string; categoryKey: string }[] }>(
        `{ knowledgeForContact(${args}) { title categoryKey } }`,
        {},
        { token: agent },
      );
    const forInvoice = await ranked('categoryKey: "fakturor", text: "påminnelse för sophämtning, fakturan"');
    expect(forInvoice.data!.knowledgeForContact).toEqual([
      { title: 'Fakturor och påminnelser', categoryKey: 'fakturor' },
      { title: 'Faktura för sophämtning och påminnelse', categoryKey: 'avfall' },
    ]);
    expect((await ranked('categoryKey: "fakturor", limit: 1')).data!.knowledgeForContact).toEqual([
      { title: 'Fakturor och påminnelser', categoryKey: 'fakturor' },
    ]);
    // A category nothing matches: no article, not somebody else's unrelated ones.
    expect((await ranked('categoryKey: "parkering"')).data!.knowledgeForContact).toEqual([]);
    for (const [args, field] of [
      ['categoryKey: "okand"', 'categoryKey'],
      ['categoryKey: "fakturor", limit: 0', 'limit'],
      ['categoryKey: "fakturor", limit: 11', 'limit'],
    ])
      expect((await ranked(args)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

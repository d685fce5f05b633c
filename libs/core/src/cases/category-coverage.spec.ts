import { caseSetupSchema } from './case-setup';
import { answeringPluginByCategory, categoryCoverageProblems } from './category-coverage';

const setup = (answeredBy: Record<string, string | undefined>) =>
  caseSetupSchema.parse({
    categories: Object.entries(answeredBy).map(([key, by]) => ({ key, name: key, answeredBy: by })),
  });

describe('answeredBy: the department plugin that answers a category (decision 0086)', () => {
  it('accepts installed plugins and maps category → plugin', () => {
    const cases = setup({ barnomsorgsplats: 'childcare-queue', fakturor: 'invoicing', parkering: undefined });
    expect(categoryCoverageProblems(cases, ['childcare-queue', 'invoicing'])).toEqual([]);
    expect([...answeringPluginByCategory(cases)]).toEqual([
      ['barnomsorgsplats', 'childcare-queue'],
      ['fakturor', 'invoicing'],
    ]);
  });

  it('names each answeredBy that is no installed plugin, with the installed ones', () => {
    const cases = setup({ barnomsorgsplats: 'childcare-queue', fakturor: 'invocing' });
    expect(categoryCoverageProblems(cases, ['childcare-queue'])).toEqual([
      'cases.categories[1].answeredBy: "invocing" (category "fakturor") is no installed plugin (installed: childcare-queue)',
    ]);
    expect(categoryCoverageProblems(cases, [])).toHaveLength(2);
  });

  it('refuses an answeredBy that is no plugin id at all', () => {
    expect(() => setup({ fakturor: 'Invoicing System' })).toThrow(/answeredBy/);
  });
});

import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { CaseCategory, ServiceCase } from '../cases/case.entities';
import { caseRuleBroken } from '../cases/case-errors';
import { notFound } from '../errors';
import { endOfStockholmDay } from '../sla/swedish-calendar';
import { KnowledgeArticle } from './knowledge-article.entity';
import { stemmedMatchScore, stemmedText, swedishStems, type StemmedText } from './swedish-text-search';

export interface ArticleInput {
  categoryKey: string;
  title: string;
  body: string;
  checklist: string[];
  routing: string;
}

export interface KnowledgeGap {
  categoryKey: string;
  name: string;
  contacts: number;
  forwarded: number;
  forwardedShare: number;
}

/**
 * The knowledge base (kunskapsdatabas): articles per category, Swedish-aware search,
 * suggestions for a case, and the gap report: categories the first line keeps forwarding
 * that have no article, i.e. what to write next to raise first-line resolution.
 * The base is small (hundreds of articles), so search ranks in memory over Swedish stems
 * and works the same on SQLite and PostgreSQL.
 */
export class KnowledgeService {
  /** Stemmed articles by id, kept between searches (see search). */
  private readonly stemmed = new Map<string, { updatedAt: number; title: string; text: StemmedText }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: ArticleInput, author: string): Promise<KnowledgeArticle> {
    const category = await this.category(input.categoryKey);
    const article = {
      id: randomUUID(),
      categoryId: category.id,
      ...this.clean(input),
      updatedBy: author,
      updatedAt: this.now(),
    };
    await this.dataSource.getRepository(KnowledgeArticle).insert(article);
    return article;
  }

  async update(id: string, input: ArticleInput, author: string): Promise<KnowledgeArticle> {
    const repository = this.dataSource.getRepository(KnowledgeArticle);
    const existing = await repository.findOneBy({ id });
    if (!existing) throw notFound(`There is no article ${id}.`);
    const category = await this.category(input.categoryKey);
    const updated = {
      ...existing,
      categoryId: category.id,
      ...this.clean(input),
      updatedBy: author,
      updatedAt: this.now(),
    };
    await repository.save(updated);
    return updated;
  }

  forCategory(categoryId: string): Promise<KnowledgeArticle[]> {
    return this.dataSource
      .getRepository(KnowledgeArticle)
      .find({ where: { categoryId }, order: { title: 'ASC' } });
  }

  /**
   * Articles matching the words of `query`, best first. Each article is stemmed once and kept
   * in memory (keyed by id and updated_at); a search asks the database only for the articles'
   * ids and times, then loads the few it returns. Re-stemming 2,000 articles per search held
   * the event loop for hundreds of milliseconds (issue 14).
   */
  async search(query: string, limit = 10): Promise<KnowledgeArticle[]> {
    const terms = swedishStems(query);
    if (!terms.length) return [];
    const hits = [...(await this.scores(terms))]
      .map(([id, { title, score }]) => ({ id, title, score }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'sv'))
      .slice(0, limit);
    return this.load(hits.map((h) => h.id));
  }

  /**
   * For the contact form: the category's own articles first, then others, each group by how
   * well it matches the category's name and what the contact is about (`text`); an article of
   * another category only when it matches at all. At most `limit`.
   */
  async rankedFor(
    category: Pick<CaseCategory, 'id' | 'name'>,
    text: string,
    limit = 3,
  ): Promise<KnowledgeArticle[]> {
    const own = new Set((await this.forCategory(category.id)).map((a) => a.id));
    const terms = swedishStems(`${category.name} ${text}`);
    const ranked = [...(await this.scores(terms))]
      .map(([id, { title, score }]) => ({ id, title, score, own: own.has(id) }))
      .filter((hit) => hit.own || hit.score > 0)
      .sort(
        (a, b) => Number(b.own) - Number(a.own) || b.score - a.score || a.title.localeCompare(b.title, 'sv'),
      )
      .slice(0, limit);
    return this.load(ranked.map((h) => h.id));
  }

  /** Every article's match score for the stems (0 without terms), from the stemmed articles kept in memory. */
  private async scores(terms: string[]): Promise<Map<string, { title: string; score: number }>> {
    const repository = this.dataSource.getRepository(KnowledgeArticle);
    const current = await repository.find({ select: { id: true, updatedAt: true } });
    const missing = current.filter((a) => this.stemmed.get(a.id)?.updatedAt !== a.updatedAt.getTime());
    for (let from = 0; from < missing.length; from += 500) {
      const batch = await repository.findBy({ id: In(missing.slice(from, from + 500).map((a) => a.id)) });
      for (const article of batch)
        this.stemmed.set(article.id, {
          updatedAt: article.updatedAt.getTime(),
          title: article.title,
          text: stemmedText({
            fields: [
              { text: article.title, weight: 3 },
              { text: `${article.body} ${article.checklist.join(' ')}`, weight: 1 },
            ],
          }),
        });
    }
    const live = new Set(current.map((a) => a.id));
    for (const id of this.stemmed.keys()) if (!live.has(id)) this.stemmed.delete(id);
    return new Map(
      [...this.stemmed].map(([id, entry]) => [
        id,
        { title: entry.title, score: terms.length ? stemmedMatchScore(terms, entry.text) : 0 },
      ]),
    );
  }

  /** The articles by id, in the order given (one query). */
  private async load(ids: string[]): Promise<KnowledgeArticle[]> {
    if (!ids.length) return [];
    const repository = this.dataSource.getRepository(KnowledgeArticle);
    const found = new Map((await repository.findBy({ id: In(ids) })).map((a) => [a.id, a]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** For a case: its category's articles first, then others its summary matches. */
  async suggestFor(
    serviceCase: Pick<ServiceCase, 'categoryId' | 'summary'>,
    limit = 5,
  ): Promise<KnowledgeArticle[]> {
    const own = await this.forCategory(serviceCase.categoryId);
    const matching = (await this.search(serviceCase.summary, limit)).filter(
      (a) => !own.some((o) => o.id === a.id),
    );
    return [...own, ...matching].slice(0, limit);
  }

  /** Categories with forwarded contacts in the period and no article, most forwarded first. */
  async gapReport(from: string, to: string): Promise<KnowledgeGap[]> {
    const start = endOfStockholmDay(
      new Date(Date.parse(`${from}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
    );
    const end = endOfStockholmDay(to);
    // Counted in the database (decision 0040): the period's cases are never loaded as entities.
    const counts = await this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .select('c.category_id', 'category_id')
      .addSelect('COUNT(*)', 'contacts')
      .addSelect('SUM(CASE WHEN c.forwarded_at IS NOT NULL THEN 1 ELSE 0 END)', 'forwarded')
      .where('c.created_at >= :start AND c.created_at < :end', { start, end })
      .groupBy('c.category_id')
      .getRawMany<{ category_id: string; contacts: number | string; forwarded: number | string | null }>();
    const byCategory = new Map(counts.map((r) => [r.category_id, r]));
    const covered = new Set(
      (
        await this.dataSource
          .getRepository(KnowledgeArticle)
          .createQueryBuilder('a')
          .select('DISTINCT a.category_id', 'category_id')
          .getRawMany<{ category_id: string }>()
      ).map((a) => a.category_id),
    );
    const categories = await this.dataSource.getRepository(CaseCategory).find();
    return categories
      .filter((category) => !covered.has(category.id))
      .map((category) => {
        const row = byCategory.get(category.id);
        const contacts = Number(row?.contacts ?? 0);
        const forwarded = Number(row?.forwarded ?? 0);
        return {
          categoryKey: category.key,
          name: category.name,
          contacts,
          forwarded,
          forwardedShare: contacts ? Math.round((forwarded / contacts) * 1000) / 1000 : 0,
        };
      })
      .filter((gap) => gap.forwarded > 0)
      .sort((a, b) => b.forwarded - a.forwarded || b.forwardedShare - a.forwardedShare);
  }

  private async category(key: string): Promise<CaseCategory> {
    const category = await this.dataSource.getRepository(CaseCategory).findOneBy({ key });
    if (!category) throw caseRuleBroken('UNKNOWN_CATEGORY', `There is no case category "${key}".`);
    return category;
  }

  private clean(input: ArticleInput) {
    const title = input.title.trim();
    if (!title) throw caseRuleBroken('TITLE_REQUIRED', 'An article needs a title.');
    return {
      title,
      body: input.body.trim(),
      checklist: input.checklist.map((c) => c.trim()).filter(Boolean),
      routing: input.routing.trim(),
    };
  }
}

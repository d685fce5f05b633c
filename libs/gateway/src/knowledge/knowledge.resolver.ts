import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CaseQueries,
  CaseService,
  KnowledgeService,
  badUserInput,
  type KnowledgeArticle,
} from '@frontdoor/core';
import { CalendarDate } from '@frontdoor/plugin-sdk';
import { HubClock } from '@frontdoor/hub';
import { Allow } from '../platform/guard/allow.decorator';
import { CaseInfo } from '../platform/schema/case.types';
import type { RequestContext } from '../platform/request/request-context';
import { checkReportPeriod } from '../platform/input/report-period';
import { KnowledgeArticleInfo, KnowledgeArticleInput, KnowledgeGapInfo } from './knowledge.types';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { CASE_EDITORS, STAFF } from '../platform/auth/role-groups';

/** Järfälla: the departments' own staff keep their articles up to date, with the hub's admins. */

@Resolver(() => KnowledgeArticleInfo)
export class KnowledgeResolver {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly queries: CaseQueries,
    private readonly clock: HubClock,
  ) {}

  @Query(() => [KnowledgeArticleInfo], {
    description:
      'Articles matching the words of `query` (Swedish word forms match: "fakturan" finds "Fakturor").',
  })
  @Allow(...STAFF)
  async searchKnowledge(@Args('query') query: string): Promise<KnowledgeArticleInfo[]> {
    return this.present(await this.knowledge.search(query));
  }

  @Query(() => [KnowledgeArticleInfo], { description: 'The articles of a case category.' })
  @Allow(...STAFF)
  async knowledgeArticles(@Args('categoryKey') categoryKey: string): Promise<KnowledgeArticleInfo[]> {
    const directory = await this.queries.directory();
    const category = [...directory.categories.values()].find((c) => c.key === categoryKey);
    if (!category) throw badUserInput(`There is no case category "${categoryKey}".`, 'categoryKey');
    return this.present(await this.knowledge.forCategory(category.id));
  }

  @Query(() => [KnowledgeArticleInfo], {
    description:
      'Articles for the contact being registered, best first: the category’s own, then others matching the category’s name and `text` (what the contact is about; Swedish word forms match). At most `limit` (1–10).',
  })
  @Allow(...STAFF)
  async knowledgeForContact(
    @Args('categoryKey') categoryKey: string,
    @Args('text', { type: () => String, nullable: true }) text: string | null,
    @Args('limit', { type: () => Int, defaultValue: 3 }) limit: number,
  ): Promise<KnowledgeArticleInfo[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 10) throw badUserInput('limit is 1–10.', 'limit');
    const directory = await this.queries.directory();
    const category = [...directory.categories.values()].find((c) => c.key === categoryKey);
    if (!category) throw badUserInput(`There is no case category "${categoryKey}".`, 'categoryKey');
    return this.present(await this.knowledge.rankedFor(category, text ?? '', limit));
  }

  @Query(() => [KnowledgeGapInfo], {
    description: 'Categories forwarded in the period that have no article, most forwarded first.',
  })
  @Allow(...STAFF)
  knowledgeGapReport(
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
  ): Promise<KnowledgeGapInfo[]> {
    checkReportPeriod(from, to, this.clock.now());
    return this.knowledge.gapReport(from, to);
  }

  @Mutation(() => KnowledgeArticleInfo)
  @Allow(...CASE_EDITORS)
  async createKnowledgeArticle(
    @Args('input') input: KnowledgeArticleInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticleInfo> {
    return (await this.present([await this.knowledge.create(input, principal.subject)]))[0];
  }

  @Mutation(() => KnowledgeArticleInfo)
  @Allow(...CASE_EDITORS)
  async updateKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: KnowledgeArticleInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticleInfo> {
    return (await this.present([await this.knowledge.update(id, input, principal.subject)]))[0];
  }

  private async present(articles: KnowledgeArticle[]): Promise<KnowledgeArticleInfo[]> {
    const { categories } = await this.queries.directory();
    return articles.map((a) => ({ ...a, categoryKey: categories.get(a.categoryId)?.key ?? '' }));
  }
}

@Resolver(() => CaseInfo)
export class CaseSuggestionsResolver {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly cases: CaseService,
    private readonly queries: CaseQueries,
  ) {}

  @ResolveField(() => [KnowledgeArticleInfo], {
    description: 'Articles for this case: its category’s first, then others its summary matches.',
  })
  async suggestedArticles(@Parent() info: CaseInfo): Promise<KnowledgeArticleInfo[]> {
    const serviceCase = await this.cases.get(info.id);
    const { categories } = await this.queries.directory();
    return (await this.knowledge.suggestFor(serviceCase)).map((a) => ({
      ...a,
      categoryKey: categories.get(a.categoryId)?.key ?? '',
    }));
  }
}

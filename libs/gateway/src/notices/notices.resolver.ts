import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import {
  NoticeRefused,
  OperatingNotices,
  ServiceCase,
  CaseCategory,
  badUserInput,
  categorySpikes,
  notFound,
  type OperatingNotice,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { In, Not } from 'typeorm';
import { Allow } from '../platform/guard/allow.decorator';
import { MANAGERS, STAFF } from '../platform/auth/role-groups';
import { Me } from '../platform/schema/me.types';
import { type RequestContext, principalOf } from '../platform/request/request-context';
import { CategorySpikeInfo, OperatingNoticeInfo, OperatingNoticeInput } from './notices.types';
import { SpikeRuleHolder } from './spike-rule-holder';

/**
 * Operating notices (driftmeddelanden, issue 26): managers publish and withdraw them, staff read
 * those in force (beside a category in the console) with their effect, a citizen sees those of
 * the categories they have an open case in, and managers see today's spikes that prompt one.
 */
@Resolver(() => OperatingNoticeInfo)
export class NoticesResolver {
  constructor(
    private readonly notices: OperatingNotices,
    private readonly clock: HubClock,
  ) {}

  @Query(() => [OperatingNoticeInfo], {
    description:
      'Operating notices in force now, newest first; with `categoryKey`, those of that category. With `includeEnded`, every notice of the last 90 days (managers).',
  })
  @Allow(...STAFF)
  async operatingNotices(
    @Args('categoryKey', { type: () => String, nullable: true }) categoryKey?: string | null,
    @Args('includeEnded', { type: () => Boolean, nullable: true }) includeEnded?: boolean | null,
  ): Promise<OperatingNotice[]> {
    if (includeEnded) {
      const now = this.clock.now();
      const list = await this.notices.between(new Date(now.getTime() - 90 * 86_400_000), now);
      return categoryKey ? list.filter((n) => n.categoryKey === categoryKey) : list;
    }
    return this.notices.inForce(categoryKey ? { categoryKeys: [categoryKey] } : {});
  }

  @ResolveField(() => Int, { nullable: true })
  async contactsDuring(
    @Parent() notice: OperatingNotice,
    @Context() ctx: RequestContext,
  ): Promise<number | null> {
    // The contact center's own figure: a citizen reading a notice is not told it.
    if (principalOf(ctx).role === 'citizen') return null;
    return this.notices.contactsDuring(notice);
  }

  @Mutation(() => OperatingNoticeInfo, {
    description:
      'Publishes an operating notice (managers, admins): shown beside its category in the console, to citizens with an open case in it, to the telephony platform (GET /telephony/notices) and with the service in Open311.',
  })
  @Allow(...MANAGERS)
  async publishOperatingNotice(
    @Args('input') input: OperatingNoticeInput,
    @Context() ctx: RequestContext,
  ): Promise<OperatingNotice> {
    try {
      return await this.notices.publish(
        { ...input, validFrom: input.validFrom ?? this.clock.now() },
        principalOf(ctx).subject,
      );
    } catch (error) {
      if (error instanceof NoticeRefused)
        throw badUserInput(`${error.field}: ${error.message}.`, `input.${error.field}`);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Ends a notice now (kept for the record).' })
  @Allow(...MANAGERS)
  async withdrawOperatingNotice(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    if (!(await this.notices.withdraw(id, principalOf(ctx).subject)))
      throw notFound(`No notice ${id} in force to withdraw.`);
    return true;
  }
}

/** Today's spikes per category, for the managers who publish notices. */
@Resolver(() => CategorySpikeInfo)
export class CategorySpikesResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    private readonly rule: SpikeRuleHolder,
  ) {}

  @Query(() => [CategorySpikeInfo], {
    description:
      'Each category’s contacts today against the same weekday’s usual level, spiking ones first (managers).',
  })
  @Allow(...MANAGERS)
  categorySpikes(): Promise<CategorySpikeInfo[]> {
    return categorySpikes(this.dataSource, this.clock.now(), this.rule.rule);
  }
}

/** What a citizen sees: the notices of the categories they have an open case in. */
@Resolver(() => Me)
export class MeNoticesResolver {
  constructor(
    private readonly notices: OperatingNotices,
    private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => [OperatingNoticeInfo], {
    description: 'Operating notices that concern your open cases’ categories, in force now.',
  })
  async operatingNotices(@Parent() me: Me): Promise<Omit<OperatingNoticeInfo, 'contactsDuring'>[]> {
    const open = await this.dataSource.getRepository(ServiceCase).find({
      select: { categoryId: true },
      where: { partyId: me.person.partyId, status: Not('CLOSED') },
    });
    if (!open.length) return [];
    const categories = await this.dataSource
      .getRepository(CaseCategory)
      .findBy({ id: In([...new Set(open.map((c) => c.categoryId))]) });
    const notices = await this.notices.inForce({ categoryKeys: categories.map((c) => c.key) });
    // A citizen's view: what the notice says, not its effect on the contact center.
    return notices.map(({ id, title, text, categoryKey, area, validFrom, validTo, withdrawnAt }) => ({
      id,
      title,
      text,
      categoryKey,
      area,
      validFrom,
      validTo,
      withdrawnAt,
      contactsDuring: null,
    }));
  }
}

import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CaseQueries,
  CaseService,
  InvalidCursorError,
  PartyService,
  badUserInput,
  encodeCursor,
  forbidden,
  parsePersonalNumber,
  type ServiceCase,
} from '@frontdoor/core';
import { AccessPolicy } from '../access/access-policy';
import { Allow } from '../auth/allow.decorator';
import type { Principal } from '../auth/principal';
import { auditTrailOf } from '../graphql/person-access';
import type { RequestContext } from '../graphql/request-context';
import { HubClock } from '../time/hub-clock';
import { toCaseInfo, toTimeline } from './case-mapper';
import { caseViewerOf } from './case-viewer';
import { CaseConnection, CaseEventInfo, CaseFilter, CaseInfo, RegisterContactInput } from './case.types';

const STAFF = ['agent', 'case_officer', 'manager', 'admin'] as const;
const actorOf = (principal: Principal) => ({ subject: principal.subject, name: principal.name });

/** The case chain over GraphQL: register, forward, assign, note, reply, close, reopen; find cases. */
@Resolver(() => CaseInfo)
export class CaseResolver {
  constructor(
    private readonly caseChain: CaseService,
    private readonly queries: CaseQueries,
    private readonly parties: PartyService,
    private readonly clock: HubClock,
    private readonly policy: AccessPolicy,
  ) {}

  @Mutation(() => CaseInfo, {
    description:
      'Registers a contact as a case; `resolvedAtFirstLine: true` closes it at once with the answer given.',
  })
  @Allow(...STAFF)
  async registerContact(
    @Args('input') input: RegisterContactInput,
    @Context() ctx: RequestContext,
  ): Promise<CaseInfo> {
    if (!input.summary.trim()) throw badUserInput('summary: say what the contact was about.', 'summary');
    const personalNumber = input.personalNumber ? parsePersonalNumber(input.personalNumber).value : undefined;
    const created = await this.caseChain.registerContact(
      { ...input, personalNumber },
      actorOf(ctx.principal!),
    );
    return this.present(created, ctx);
  }

  @Mutation(() => CaseInfo, {
    description:
      'Sends the case to a department’s answer group (svarsgrupp); the group is notified by e-mail and the SLA clock starts.',
  })
  @Allow(...STAFF)
  async forwardCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('answerGroupKey') groupKey: string,
    @Args('message') message: string,
    @Context() ctx: RequestContext,
  ) {
    return this.present(
      await this.caseChain.forwardCase(caseId, groupKey, message, actorOf(ctx.principal!)),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description: 'Assigns the case to a case officer; without `assigneeSubject`, takes it yourself.',
  })
  @Allow('case_officer', 'manager', 'admin')
  async assignCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('assigneeSubject', { type: () => String, nullable: true }) assignee: string | undefined,
    @Context() ctx: RequestContext,
  ) {
    const group = await this.assertGroupWork(caseId, ctx, 'assign');

    if (
      group &&
      assignee &&
      !(group.manager.subject === assignee || group.members.some((m) => m.subject === assignee))
    ) {
      throw badUserInput(`assigneeSubject: not a member of ${group.name}.`, 'assigneeSubject');
    }
    return this.present(
      await this.caseChain.assignCase(caseId, assignee ?? ctx.principal!.subject, actorOf(ctx.principal!)),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, { description: 'An internal note, never shown to the citizen.' })
  @Allow(...STAFF)
  async addCaseNote(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('text') text: string,
    @Context() ctx: RequestContext,
  ) {
    return this.present(await this.caseChain.addCaseNote(caseId, text, actorOf(ctx.principal!)), ctx);
  }

  @Mutation(() => CaseInfo, {
    description: 'Records the answer given to the citizen (shown in their timeline).',
  })
  @Allow(...STAFF)
  async replyToCitizen(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('text') text: string,
    @Context() ctx: RequestContext,
  ) {
    await this.assertGroupWork(caseId, ctx, 'reply to');
    return this.present(await this.caseChain.replyToCitizen(caseId, text, actorOf(ctx.principal!)), ctx);
  }

  @Mutation(() => CaseInfo, {
    description: 'Closes the case with its resolution; a pending SLA alarm is cancelled.',
  })
  @Allow(...STAFF)
  async closeCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('resolution') resolution: string,
    @Context() ctx: RequestContext,
  ) {
    await this.assertGroupWork(caseId, ctx, 'close');
    return this.present(await this.caseChain.closeCase(caseId, resolution, actorOf(ctx.principal!)), ctx);
  }

  @Mutation(() => CaseInfo)
  @Allow(...STAFF)
  async reopenCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
    @Context() ctx: RequestContext,
  ) {
    await this.assertGroupWork(caseId, ctx, 'reopen');
    return this.present(await this.caseChain.reopenCase(caseId, reason, actorOf(ctx.principal!)), ctx);
  }

  @Query(() => CaseInfo, { nullable: true, description: 'A case by id, with its timeline.' })
  @Allow(...STAFF)
  async case(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<CaseInfo> {
    return this.present(await this.caseChain.get(id), ctx);
  }

  @Query(() => CaseConnection, {
    description: 'Cases, newest first, filtered; confidential cases only for their answer group.',
  })
  @Allow(...STAFF)
  async cases(
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter: CaseFilter | undefined,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Context() ctx: RequestContext,
  ): Promise<CaseConnection> {
    if (first < 1 || first > 100) throw badUserInput('first: between 1 and 100.', 'first');
    const { personalNumber, ...rest } = filter ?? {};
    const partyId = personalNumber
      ? (await this.parties.partyFor(parsePersonalNumber(personalNumber, 'filter.personalNumber').value)).id
      : undefined;
    let page;
    try {
      page = await this.queries.list({ ...rest, partyId }, caseViewerOf(ctx, this.policy), first, after);
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw badUserInput('after: not a cursor from this list.', 'after');
      throw error;
    }
    const directory = await this.queries.directory();
    const now = this.clock.now();
    const trail = auditTrailOf(ctx);
    for (const item of page.items) if (item.partyId) trail.record(item.partyId, ['cases']);
    return {
      edges: page.items.map((item) => ({
        cursor: encodeCursor(item),
        node: toCaseInfo(item, directory, now),
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.items.length ? encodeCursor(page.items.at(-1)!) : null,
      },
      totalCount: page.totalCount,
    };
  }

  @ResolveField(() => [CaseEventInfo], {
    description: 'The timeline, oldest first. Citizens see no internal events and no officer names.',
  })
  async events(@Parent() info: CaseInfo, @Context() ctx: RequestContext): Promise<CaseEventInfo[]> {
    return toTimeline(await this.caseChain.events(info.id), ctx.principal?.role === 'citizen');
  }

  /**
   * Once a case is forwarded, its answer group owns it: only the group's members and
   * manager (and admins) may assign, reply, close or reopen it. Before that, the first
   * line works it. Anyone who may see a case may add a note to it.
   */
  private async assertGroupWork(caseId: string, ctx: RequestContext, what: string) {
    const serviceCase = await this.caseChain.get(caseId);
    if (!serviceCase.answerGroupId) return null;
    const group = (await this.queries.directory()).groups.get(serviceCase.answerGroupId)!;
    const principal = ctx.principal!;
    if (principal.role !== 'admin' && !this.policy.answerGroupsOf(principal).includes(group.key)) {
      throw forbidden(`This case is with ${group.name}; only its members may ${what} it.`);
    }
    return group;
  }

  /** Access (confidentiality) and audit for one case, then its GraphQL shape. */
  private async present(serviceCase: ServiceCase, ctx: RequestContext): Promise<CaseInfo> {
    if (!(await this.queries.mayView(serviceCase, caseViewerOf(ctx, this.policy)))) {
      throw forbidden('This is a confidential case (sekretessärende) of another answer group.');
    }
    if (serviceCase.partyId) auditTrailOf(ctx).record(serviceCase.partyId, ['cases']);
    return toCaseInfo(serviceCase, await this.queries.directory(), this.clock.now());
  }
}

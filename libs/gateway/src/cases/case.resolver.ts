import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CallLog,
  CallbackQueue,
  CaseEventType,
  CaseQueries,
  CaseService,
  InvalidCursorError,
  PartyService,
  badUserInput,
  citizenHeadline,
  citizenSeesEventType,
  encodeCursor,
  forbidden,
  parseCallbackContact,
  parseCaseReference,
  parsePersonalNumber,
  type ServiceCase,
} from '@frontdoor/core';
import { CalendarDate } from '@frontdoor/plugin-sdk';
import { HubClock } from '@frontdoor/hub';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import type { Principal } from '../platform/auth/principal';
import { auditTrailOf } from '../platform/request/person-access';
import { principalOf, type RequestContext } from '../platform/request/request-context';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import { maySeeCall } from '../platform/access/call-access';
import { presentOf, toCaseInfo, toTimeline } from '../platform/schema/case-mapper';
import { caseViewerOf } from './case-viewer';
import { caseWriterOf } from './case-writer';
import { callbackContact, casePerson, mayHandleCitizen } from './case-citizen';
import {
  CaseConnection,
  CaseContact,
  CaseEventInfo,
  CaseFilter,
  CaseInfo,
  CasePerson,
  RegisterContactInput,
} from '../platform/schema/case.types';
import { CASE_EDITORS, STAFF } from '../platform/auth/role-groups';

/** Text for the citizen beside the staff text ("Syns för invånaren"); without it they see only the fixed line. */
const citizenTextArg = {
  type: () => String,
  nullable: true,
  description:
    'Shown to the citizen under the fixed line of this event (Mina ärenden, Open311). The other text is staff text and is never shown to the citizen.',
} as const;

const versionArg = {
  type: () => Int,
  nullable: true,
  description: 'The case’s version as the client showed it; a newer one in the hub answers CONFLICT.',
} as const;

/** The case chain over GraphQL: register, forward, assign, note, reply, close, reopen; find cases. */
@Resolver(() => CaseInfo)
export class CaseResolver {
  constructor(
    private readonly caseChain: CaseService,
    private readonly queries: CaseQueries,
    private readonly parties: PartyService,
    private readonly clock: HubClock,
    private readonly policy: AccessPolicy,
    private readonly callLog: CallLog,
    private readonly callbacks: CallbackQueue,
  ) {}

  @Mutation(() => CaseInfo, {
    description:
      'Registers a contact as a case; `resolvedAtFirstLine: true` closes it at once with the answer given.',
  })
  @Allow(...STAFF)
  async registerContact(
    @Args('input') input: RegisterContactInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseInfo> {
    if (!input.summary.trim()) throw badUserInput('summary: say what the contact was about.', 'summary');
    const personalNumber = input.personalNumber ? parsePersonalNumber(input.personalNumber).value : undefined;
    const contact = input.contact ? parseCallbackContact(input.contact, 'input.contact') : null;
    const { callId, callbackId, ...contactInput } = input;
    if (callId) await this.assertCallOf(callId, principal);
    if (callbackId) await this.assertCallbackOf(callbackId, principal);
    // The case and its links to the call or callback are one write: no case left unlinked to retry into a duplicate.
    const created = await this.caseChain.registerContact(
      { ...contactInput, personalNumber, contact },
      this.writer(ctx),
      callId || callbackId
        ? async (tx, registered) => {
            if (callId) await this.callLog.linkCase(callId, registered.id, tx);
            if (callbackId) await this.callbacks.linkCase(callbackId, registered.id, tx);
          }
        : undefined,
    );
    return this.presentWritten(created, ctx);
  }

  /** A case may be linked only to a callback this user holds or made the last attempt of. */
  private async assertCallbackOf(callbackId: string, principal: Principal): Promise<void> {
    const callback = await this.callbacks.find(callbackId);
    if (!callback) throw badUserInput(`input.callbackId: no callback "${callbackId}".`, 'callbackId');
    const attempts = callback.takenBy ? [] : await this.callbacks.attempts(callbackId);
    const lastAgent = callback.takenBy ?? attempts.at(-1)?.agentId;
    if (lastAgent !== principal.subject)
      throw forbidden(`The callback "${callbackId}" is someone else’s; register the contact without it.`);
  }

  /** A case may be linked only to a call in the contact log that this user answered (managers: any). */
  private async assertCallOf(callId: string, principal: Principal): Promise<void> {
    const call = await this.callLog.find(callId);
    if (!call)
      throw badUserInput(
        `input.callId: no call "${callId}" in the contact log (has the telephony platform reported it?).`,
        'callId',
      );
    if (!maySeeCall(principal, call))
      throw forbidden(`The call "${callId}" was answered by someone else; register the contact without it.`);
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
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
  ) {
    return this.presentWritten(
      await this.caseChain.forwardCase(caseId, groupKey, message, this.writer(ctx), version ?? undefined),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description: 'Assigns the case to a case officer; without `assigneeSubject`, takes it yourself.',
  })
  @Allow(...CASE_EDITORS)
  async assignCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('assigneeSubject', { type: () => String, nullable: true }) assignee: string | undefined,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
  ) {
    return this.presentWritten(
      await this.caseChain.assignCase(caseId, assignee ?? undefined, this.writer(ctx), version ?? undefined),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, { description: 'An internal note, never shown to the citizen.' })
  @Allow(...STAFF)
  async addCaseNote(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('text') text: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
  ) {
    return this.presentWritten(
      await this.caseChain.addCaseNote(caseId, text, this.writer(ctx), version ?? undefined),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description:
      'Records the answer given to the citizen: written for the citizen, shown in their timeline as written.',
  })
  @Allow(...STAFF)
  async replyToCitizen(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('text') text: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
  ) {
    return this.presentWritten(
      await this.caseChain.replyToCitizen(caseId, text, this.writer(ctx), version ?? undefined),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description: 'Closes the case with its resolution; a pending SLA alarm is cancelled.',
  })
  @Allow(...STAFF)
  async closeCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('resolution') resolution: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
    @Args('citizenText', citizenTextArg) citizenText?: string | null,
  ) {
    return this.presentWritten(
      await this.caseChain.closeCase(caseId, resolution, this.writer(ctx), version ?? undefined, citizenText),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description:
      'Parks the case while the group waits for the citizen (WAITING_FOR_CUSTOMER): the SLA clock stops and the case wakes up by itself at the start of `wakeOn`.',
  })
  @Allow(...CASE_EDITORS)
  async parkCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('wakeOn', { type: () => CalendarDate, description: 'The Swedish date it wakes up, after today.' })
    wakeOn: string,
    @Args('reason') reason: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
    @Args('citizenText', citizenTextArg) citizenText?: string | null,
  ) {
    return this.presentWritten(
      await this.caseChain.parkCase(
        caseId,
        wakeOn,
        reason,
        this.writer(ctx),
        version ?? undefined,
        citizenText,
      ),
      ctx,
    );
  }

  @Mutation(() => CaseInfo, {
    description:
      'The citizen answered: back with the group, the SLA clock resumes with the days that were left.',
  })
  @Allow(...CASE_EDITORS)
  async resumeCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
    @Args('citizenText', citizenTextArg) citizenText?: string | null,
  ) {
    return this.presentWritten(
      await this.caseChain.resumeCase(caseId, reason, this.writer(ctx), version ?? undefined, citizenText),
      ctx,
    );
  }

  @Mutation(() => CaseInfo)
  @Allow(...STAFF)
  async reopenCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
    @Args('version', versionArg) version: number | undefined,
    @Context() ctx: RequestContext,
    @Args('citizenText', citizenTextArg) citizenText?: string | null,
  ) {
    return this.presentWritten(
      await this.caseChain.reopenCase(caseId, reason, this.writer(ctx), version ?? undefined, citizenText),
      ctx,
    );
  }

  @Query(() => CaseInfo, { nullable: true, description: 'A case by id, with its timeline.' })
  @Allow(...STAFF)
  async case(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<CaseInfo> {
    return this.present(await this.caseChain.get(id), ctx);
  }

  @Query(() => CaseInfo, {
    nullable: true,
    description:
      'The case a citizen quotes (FD-2026-4F7K2Q; case and spacing do not matter). Null when there is none, and for a confidential case of another answer group (not registered by the reader): the answer does not confirm it exists. Audited.',
  })
  @Allow(...STAFF)
  async caseByReference(
    @Args('reference') text: string,
    @Context() ctx: RequestContext,
  ): Promise<CaseInfo | null> {
    const reference = parseCaseReference(text);
    if (!reference) throw badUserInput('reference: a case reference looks like FD-2026-4F7K2Q.', 'reference');
    const found = await this.queries.findByReference(reference, caseViewerOf(ctx, this.policy));
    if (!found) return null;
    if (found.partyId) auditTrailOf(ctx).record(found.partyId, ['cases'], ['caseByReference']);
    return toCaseInfo(found, await this.queries.directory(), this.clock.now());
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
    return toTimeline(
      await this.caseChain.events(info.id),
      ctx.principal?.role === 'citizen',
      presentOf(info),
    );
  }

  @Query(() => String, {
    nullable: true,
    description:
      'The fixed line the citizen will see for an event of this type (the console’s preview, from the same table as Mina ärenden); null for a type the citizen never sees. The citizen text is shown under it as written (trimmed).',
  })
  @Allow(...STAFF)
  async citizenHeadline(
    @Args('type', { type: () => CaseEventType }) type: CaseEventType,
    @Args('wakeOn', { type: () => CalendarDate, nullable: true, description: 'PARKED: the wake-up date.' })
    wakeOn: string | null | undefined,
    @Args('answerGroupKey', {
      type: () => String,
      nullable: true,
      description: 'FORWARDED: the answer group it goes to.',
    })
    answerGroupKey: string | null | undefined,
  ): Promise<string | null> {
    if (!citizenSeesEventType(type)) return null;
    let groupName: string | null = null;
    if (answerGroupKey) {
      const directory = await this.queries.directory();
      const group = [...directory.groups.values()].find((g) => g.key === answerGroupKey);
      if (!group)
        throw badUserInput(`answerGroupKey: there is no answer group "${answerGroupKey}".`, 'answerGroupKey');
      groupName = group.name;
    }
    return citizenHeadline(type, { groupName, wakeDate: wakeOn ?? null });
  }

  @Query(() => CaseContact, {
    nullable: true,
    description:
      'The callback details of the person’s latest contact that had any, to prefill the next one (audited; blanked for a protected person).',
  })
  @Allow(...STAFF)
  async previousContact(
    @Args('personalNumber') personalNumberText: string,
    @Context() ctx: RequestContext,
  ): Promise<CaseContact | null> {
    const personalNumber = parsePersonalNumber(personalNumberText, 'personalNumber').value;
    const party = await this.parties.partyFor(personalNumber);
    const previous = await this.caseChain.previousContactOf(party.id);
    if (!previous) return null;
    const contact = await callbackContact(ctx, this.policy, previous, {
      partyId: party.id,
      personalNumber,
      purpose: previous.reference,
    });
    return contact && { ...contact, fromReference: previous.reference };
  }

  @ResolveField(() => CasePerson, {
    nullable: true,
    description:
      'The citizen, for those who handle the case (the first line, its answer group, admins); null for anyone else and for an anonymous contact. Audited.',
  })
  async person(@Parent() info: CaseInfo, @Context() ctx: RequestContext): Promise<CasePerson | null> {
    if (!info.partyId || !this.mayHandleCitizen(info, ctx)) return null;
    const personalNumber = await this.parties.personalNumberOf(info.partyId);
    return personalNumber ? casePerson(ctx, this.policy, info, personalNumber) : null;
  }

  @ResolveField(() => CaseContact, {
    nullable: true,
    description:
      'How to reach the citizen (callback), for those who handle the case; "Skyddad uppgift" for a protected person unless cleared. Audited.',
  })
  async contact(@Parent() info: CaseInfo, @Context() ctx: RequestContext): Promise<CaseContact | null> {
    if (!info.stored || !this.mayHandleCitizen(info, ctx)) return null;
    const personalNumber = info.partyId ? await this.parties.personalNumberOf(info.partyId) : null;
    return callbackContact(
      ctx,
      this.policy,
      info.stored,
      personalNumber ? { partyId: info.partyId!, personalNumber, purpose: info.reference } : null,
    );
  }

  private mayHandleCitizen(info: CaseInfo, ctx: RequestContext): boolean {
    const principal = principalOf(ctx);
    return principal.role !== 'citizen' && mayHandleCitizen(principal, this.policy, info);
  }

  /** The writer as the case chain decides access (CaseService decides, before it writes). */
  private writer(ctx: RequestContext) {
    return caseWriterOf(principalOf(ctx), this.policy);
  }

  /**
   * A case this writer has just changed: the case chain decided they may (decideCaseWrite), so
   * the answer is theirs even when the change took the case out of their sight (a confidential
   * case handed to another group); the fields about the citizen follow the case's new state.
   */
  private async presentWritten(serviceCase: ServiceCase, ctx: RequestContext): Promise<CaseInfo> {
    if (serviceCase.partyId) auditTrailOf(ctx).record(serviceCase.partyId, ['cases']);
    return toCaseInfo(serviceCase, await this.queries.directory(), this.clock.now());
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

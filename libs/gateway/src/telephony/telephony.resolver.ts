import { Inject } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  CallLog,
  forbidden,
  hubEventIterator,
  notFound,
  type HubEvents,
  type TelephonySettings,
} from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { CaseInfo } from '../platform/schema/case.types';
import { maySeeCall } from '../platform/access/call-access';
import type { RequestContext } from '../platform/request/request-context';
import { HUB_EVENTS } from '../platform/shared-state/shared-state.providers';
import { callOnScreen, callTopic, type CallOnScreen } from './call-notifier';
import { CallReads } from './call-reads';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { CallOnScreenInfo, callInfo } from './telephony.types';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { STAFF } from '../platform/auth/role-groups';

/** The caller on the agent's screen: the live notice (subscription) and the call by id (screen-pop URL). */
@Resolver(() => CallOnScreenInfo)
export class TelephonyResolver {
  constructor(
    private readonly callLog: CallLog,
    @Inject(HUB_EVENTS) private readonly events: HubEvents,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
    private readonly reads: CallReads,
  ) {}

  @Subscription(() => CallOnScreenInfo, {
    description:
      'Calls this user answers, the moment the telephony platform reports ANSWERED, and again on each later event of the call (ENDED, TRANSFERRED, ABANDONED: `endedAt` is set, `outcome` says how). graphql-ws on /graphql. Only the answering agent gets a call.',
    // Bound to the resolver by Nest: each push is an audited read, blanked for a protected caller.
    async resolve(this: TelephonyResolver, payload: CallOnScreen, _args: unknown, ctx: RequestContext) {
      return callInfo(await this.reads.pushed(ctx, payload));
    },
  })
  @Allow(...STAFF)
  myCalls(@CurrentPrincipal() principal: Principal): AsyncIterableIterator<CallOnScreen> {
    return hubEventIterator<CallOnScreen>(this.events, callTopic(principal.subject));
  }

  @Query(() => CallOnScreenInfo, {
    nullable: true,
    description:
      'The call this user is on now (answered by them, not yet ended, from the contact log): a console that reloads or reconnects shows it again. Null when there is none.',
  })
  @Allow(...STAFF)
  async myCurrentCall(
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CallOnScreenInfo | null> {
    // Only the principal's own: a manager asks `call` for someone else's.
    const call = await this.callLog.currentCallOf(principal.subject);
    return call ? callInfo(await this.reads.shown(ctx, callOnScreen(call, this.settings))) : null;
  }

  @Query(() => CallOnScreenInfo, {
    description:
      'A call from the contact log (the screen-pop URL /console/call?callId=…): the answering agent’s own, or any for managers.',
  })
  @Allow(...STAFF)
  async call(
    @Args('callId', { type: () => ID }) callId: string,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CallOnScreenInfo> {
    const call = await this.callLog.find(callId);
    if (!call)
      throw notFound(`No call "${callId}" in the contact log (has the telephony platform reported it?).`);
    if (!maySeeCall(principal, call)) throw forbidden('This call was answered by someone else.');
    return callInfo(await this.reads.shown(ctx, callOnScreen(call, this.settings)));
  }
}

/** The call a case was registered during, on the case (the contact log's link). */
@Resolver(() => CaseInfo)
export class CaseCallResolver {
  constructor(private readonly callLog: CallLog) {}

  @ResolveField(() => ID, { nullable: true, description: 'The call the contact came in on, if any.' })
  callId(@Parent() serviceCase: CaseInfo): Promise<string | null> {
    return this.callLog.callOfCase(serviceCase.id);
  }
}

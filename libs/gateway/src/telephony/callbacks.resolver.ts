import { Inject } from '@nestjs/common';
import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CallbackOutcomeRefused,
  CallbackQueue,
  ErrorCode,
  FrontdoorError,
  type TelephonySettings,
} from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { STAFF } from '../platform/auth/role-groups';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { CallbackNotices } from './callback-notices';
import { CallbackInfo, CallbackOutcomeInput, CallbackQueueInfo, callbackInfo } from './callback.types';

/**
 * The agents' side of the callback queue: take the next one (exactly one agent gets each,
 * across gateways: CallbackQueue.takeNext), see the one held, record how the call went.
 */
@Resolver(() => CallbackInfo)
export class CallbacksResolver {
  constructor(
    private readonly queue: CallbackQueue,
    private readonly notices: CallbackNotices,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  @Query(() => CallbackQueueInfo, { description: 'How many callbacks wait now, and since when.' })
  @Allow(...STAFF)
  async callbackQueue(): Promise<CallbackQueueInfo> {
    const now = await this.queue.waitingNow();
    return { waiting: now.waiting, oldestWaitingSince: now.oldestDueSince, scheduled: now.scheduled };
  }

  @Query(() => CallbackInfo, {
    nullable: true,
    description: 'The callback this user took and has not recorded an outcome of; null when none.',
  })
  @Allow(...STAFF)
  async myCallback(@CurrentPrincipal() principal: Principal): Promise<CallbackInfo | null> {
    const held = await this.queue.held(principal.subject);
    return held ? callbackInfo(held, this.settings) : null;
  }

  @Mutation(() => CallbackInfo, {
    nullable: true,
    description:
      'Takes the next callback due (the one due longest first); the one already held if any. Null when none is due. Each callback goes to exactly one agent.',
  })
  @Allow(...STAFF)
  async takeNextCallback(@CurrentPrincipal() principal: Principal): Promise<CallbackInfo | null> {
    const taken = await this.queue.takeNext(principal.subject);
    if (taken) await this.notices.changed();
    return taken ? callbackInfo(taken, this.settings) : null;
  }

  @Mutation(() => CallbackInfo, {
    description:
      'Records how the callback went: REACHED closes it; NO_ANSWER puts it back later, RETRY at `retryAt`; after telephony.callbacks.maxAttempts failed attempts it closes as UNREACHED.',
  })
  @Allow(...STAFF)
  async recordCallbackOutcome(
    @Args('callbackId', { type: () => ID }) callbackId: string,
    @Args('outcome', { type: () => CallbackOutcomeInput }) outcome: CallbackOutcomeInput,
    @Args('retryAt', { type: () => GraphQLISODateTime, nullable: true }) retryAt: Date | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CallbackInfo> {
    try {
      const recorded = await this.queue.recordOutcome(
        callbackId,
        principal.subject,
        outcome,
        retryAt ?? null,
      );
      await this.notices.changed();
      return callbackInfo(recorded, this.settings);
    } catch (error) {
      if (!(error instanceof CallbackOutcomeRefused)) throw error;
      if (error.reason === 'NOT_FOUND') throw new FrontdoorError(ErrorCode.NOT_FOUND, error.message);
      if (error.reason === 'NOT_YOURS')
        throw new FrontdoorError(ErrorCode.CONFLICT, error.message, { reason: 'CALLBACK_NOT_HELD' });
      throw new FrontdoorError(ErrorCode.BAD_USER_INPUT, error.message, {
        field: 'retryAt',
        reason: error.reason,
      });
    }
  }
}

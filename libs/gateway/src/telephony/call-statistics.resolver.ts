import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import {
  callStatistics,
  callbackStatistics,
  type QueueCallFigures,
  type QueueCallbackFigures,
  type TelephonySettings,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { QueueCallbackFiguresInfo } from './callback.types';
import { ServiceStatisticsInfo } from '../platform/schema/statistics.types';
import { CallPeriodSplitInput, QueueCallFiguresInfo } from './call-statistics.types';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';

/**
 * The calls' service goals on `serviceStatistics`: a field of its own, so the cases' figures
 * are computed only when asked for and the two aggregations stay apart. The period's dates
 * were validated by the statistics query itself.
 */
@Resolver(() => ServiceStatisticsInfo)
export class CallStatisticsResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  @ResolveField(() => [QueueCallFiguresInfo], {
    description:
      'Calls per telephony queue (telephony.queues): offered, answered within the queue’s seconds, abandoned, talk time.',
  })
  calls(
    @Parent() stats: ServiceStatisticsInfo,
    @Args('per', { type: () => CallPeriodSplitInput, defaultValue: CallPeriodSplitInput.PERIOD })
    per: CallPeriodSplitInput,
  ): Promise<QueueCallFigures[]> {
    return callStatistics(this.dataSource, stats.from, stats.to, this.settings, per);
  }

  @ResolveField(() => [QueueCallbackFiguresInfo], {
    description:
      'Callbacks per telephony queue requested in the period (Stockholm day of the request): reached, unreached, expired, and the call goal “called back in time”, decided callbacks only.',
  })
  callbacks(@Parent() stats: ServiceStatisticsInfo): Promise<QueueCallbackFigures[]> {
    return callbackStatistics(this.dataSource, stats.from, stats.to, this.settings, this.clock.now());
  }
}

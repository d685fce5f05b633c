import { Args, Query, Resolver } from '@nestjs/graphql';
import { CalendarDate } from '@frontdoor/plugin-sdk';
import { Allow } from '../platform/guard/allow.decorator';
import { StatisticsService } from './statistics.service';
import { ServiceStatisticsInfo } from '../platform/schema/statistics.types';
import { STAFF } from '../platform/auth/role-groups';

@Resolver(() => ServiceStatisticsInfo)
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Query(() => ServiceStatisticsInfo, {
    description:
      'Service-goal figures for contacts registered from `from` to `to` (both included). As CSV: GET /reports/service-statistics.csv?from=&to=.',
  })
  @Allow(...STAFF)
  serviceStatistics(
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
  ): Promise<ServiceStatisticsInfo> {
    return this.statistics.compute(from, to);
  }
}

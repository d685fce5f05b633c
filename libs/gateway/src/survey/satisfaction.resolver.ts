import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { satisfactionIndex } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { CalendarDate } from '@frontdoor/plugin-sdk';
import { Allow } from '../platform/guard/allow.decorator';
import { STAFF } from '../platform/auth/role-groups';
import { checkReportPeriod } from '../platform/input/report-period';
import { SatisfactionInfo } from './satisfaction.types';

@Resolver(() => SatisfactionInfo)
export class SatisfactionResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
  ) {}

  @Query(() => SatisfactionInfo, {
    description:
      'The citizens’ verdict (SKR’s 0-100 index) on contacts, by the day they answered, `from` to `to` (both included): in total, per channel, category and answer group. Comments are not included.',
  })
  @Allow(...STAFF)
  satisfaction(
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
  ): Promise<SatisfactionInfo> {
    checkReportPeriod(from, to, this.clock.now());
    return satisfactionIndex(this.dataSource, from, to);
  }
}

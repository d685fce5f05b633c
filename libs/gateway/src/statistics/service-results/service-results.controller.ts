import { Controller, Get, Header, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  callbackStatistics,
  callStatistics,
  satisfactionIndex,
  stockholmDate,
  type TelephonySettings,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { StatisticsService } from '../statistics.service';
import { TELEPHONY_SETTINGS } from '../../platform/config/telephony-settings';
import { periodResults, serviceResultsHtml, type ServiceResults } from './service-results';
import { Public } from '../../platform/guard/allow.decorator';

/**
 * The service goals' results, published for citizens (Luleå publishes them on the
 * municipality's website): no sign-in, aggregates only. Last month and this year so far.
 */
@Public()
@Controller()
export class ServiceResultsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    @Inject(TELEPHONY_SETTINGS) private readonly telephony: TelephonySettings,
  ) {}

  @Get('service-results')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  async page(): Promise<string> {
    return serviceResultsHtml(await this.results());
  }

  @Get('service-results.json')
  @Header('cache-control', 'public, max-age=300')
  json(): Promise<ServiceResults> {
    return this.results();
  }

  private async results(): Promise<ServiceResults> {
    const now = this.clock.now();
    const today = stockholmDate(now);
    const [year, month] = today.split('-').map(Number);
    const lastMonthStart =
      month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
    const lastMonthEnd = previousDay(`${today.slice(0, 7)}-01`);
    const periods: [string, string, string][] = [
      ['Förra månaden', lastMonthStart, lastMonthEnd],
      ['I år hittills', `${year}-01-01`, today],
    ];
    return {
      published: today,
      periods: await Promise.all(
        periods.map(async ([label, from, to]) =>
          periodResults(
            label,
            await this.statistics.compute(from, to),
            await callStatistics(this.dataSource, from, to, this.telephony),
            await satisfactionIndex(this.dataSource, from, to),
            await callbackStatistics(this.dataSource, from, to, this.telephony, now),
          ),
        ),
      ),
    };
  }
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

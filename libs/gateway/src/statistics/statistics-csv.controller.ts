import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  callStatistics,
  callStatisticsCsvRows,
  callbackStatistics,
  callbackStatisticsCsvRows,
  statisticsCsv,
  type TelephonySettings,
} from '@frontdoor/core';
import { DataSource } from 'typeorm';
import { HubClock } from '@frontdoor/hub';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { STAFF } from '../platform/auth/role-groups';
import { Allow } from '../platform/guard/allow.decorator';
import { StatisticsService } from './statistics.service';

/** The service-goal figures as CSV, for spreadsheets; the same guard, bearer token and roles as GraphQL. */
@Controller('reports')
export class StatisticsCsvController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    @Inject(TELEPHONY_SETTINGS) private readonly telephony: TelephonySettings,
  ) {}

  @Get('service-statistics.csv')
  @Allow(...STAFF)
  async csv(@Query('from') from: string, @Query('to') to: string, @Res() reply: FastifyReply): Promise<void> {
    // A bad period is BAD_USER_INPUT, answered 400 with its message by FrontdoorErrorFilter.
    const stats = await this.statistics.compute(String(from ?? ''), String(to ?? ''));
    // The calls' goals follow the cases' rows, in the same columns (telephony/call-statistics.ts).
    const calls = await callStatistics(this.dataSource, stats.from, stats.to, this.telephony);
    const callbacks = await callbackStatistics(
      this.dataSource,
      stats.from,
      stats.to,
      this.telephony,
      this.clock.now(),
    );
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="servicestatistik-${stats.from}-${stats.to}.csv"`)
      .send(
        `\uFEFF${statisticsCsv(stats)}${csvLines(callStatisticsCsvRows(calls))}` +
          csvLines(callbackStatisticsCsvRows(callbacks)),
      );
  }
}

function csvLines(rows: (string | number)[][]): string {
  const cell = (v: string | number) =>
    /[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return rows.map((r) => r.map(cell).join(';') + '\r\n').join('');
}

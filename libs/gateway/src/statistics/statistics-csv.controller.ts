import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Query,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { statisticsCsv } from '@frontdoor/core';
import { TokenVerifier } from '../auth/token-verifier';
import { StatisticsService } from './statistics.service';

const STAFF = new Set(['agent', 'case_officer', 'manager', 'admin']);

/** The service-goal figures as CSV, for spreadsheets; the same bearer token and roles as GraphQL. */
@Controller('reports')
export class StatisticsCsvController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly verifier: TokenVerifier,
  ) {}

  @Get('service-statistics.csv')
  async csv(
    @Headers('authorization') authorization: string | undefined,
    @Query('from') from: string,
    @Query('to') to: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let role: string;
    try {
      role = (await this.verifier.verifyHeader(authorization)).role;
    } catch (error) {
      throw new UnauthorizedException((error as Error).message);
    }
    if (!STAFF.has(role)) throw new ForbiddenException(`The role "${role}" may not read statistics.`);
    let stats;
    try {
      stats = await this.statistics.compute(String(from ?? ''), String(to ?? ''));
    } catch (error) {
      if (error instanceof GraphQLError) throw new BadRequestException(error.message);
      throw error;
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="servicestatistik-${stats.from}-${stats.to}.csv"`)
      .send(`\uFEFF${statisticsCsv(stats)}`);
  }
}

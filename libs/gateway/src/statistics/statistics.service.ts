import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { serviceStatistics, type ServiceStatistics, type ServiceTargets } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { checkReportPeriod } from '../platform/input/report-period';

/** Validates a period and computes the figures against the configured targets. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    private readonly targets: ServiceTargets,
  ) {}

  compute(from: string, to: string): Promise<ServiceStatistics> {
    checkReportPeriod(from, to, this.clock.now());
    return serviceStatistics(this.dataSource, from, to, this.targets, this.clock.now());
  }
}

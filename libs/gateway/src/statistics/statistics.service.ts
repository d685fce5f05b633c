import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  badUserInput,
  serviceStatistics,
  type ServiceStatistics,
  type ServiceTargets,
} from '@frontdoor/core';
import { HubClock } from '../time/hub-clock';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a period and computes the figures against the configured targets. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    private readonly targets: ServiceTargets,
  ) {}

  compute(from: string, to: string): Promise<ServiceStatistics> {
    if (!DATE.test(from) || !DATE.test(to))
      throw badUserInput('from/to: give calendar dates as YYYY-MM-DD.', 'from');
    if (from > to) throw badUserInput('from must not be after to.', 'from');
    return serviceStatistics(this.dataSource, from, to, this.targets, this.clock.now());
  }
}

import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DepartmentStatusBoard, PersonReader } from '@frontdoor/core';
import { ShutdownState } from '../shutdown/shutdown-state';
import { Public } from '../guard/allow.decorator';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly reader: PersonReader,
    private readonly departments: DepartmentStatusBoard,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is alive (restart it if not). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready to take traffic: the database must answer (503 otherwise). Each department
   * system is reported under `departments`, but one being down does not make the hub
   * unready: it still answers everything else, with that part marked unavailable
   * (docs/decisions/0003-readiness-and-departments.md).
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    // From the first moment of a SIGTERM: the load balancer stops sending while requests drain.
    if (this.shutdown.draining) throw new ServiceUnavailableException({ status: 'shutting down' });
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => {
        // Each department with the health URL tried and why it failed: an operator sees at once
        // which base URL is wrong, without reading logs.
        const states = await Promise.all(
          this.reader.plugins.map(async (p) => {
            const status = await this.departments.status(p.id);
            const detail = { status: status.healthy ? 'up' : 'down', url: status.url, reason: status.reason };
            return [p.id, detail] as const;
          }),
        );
        return this.indicators.check('departments').up(Object.fromEntries(states));
      },
    ]);
  }
}

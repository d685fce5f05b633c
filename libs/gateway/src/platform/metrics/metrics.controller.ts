import { Controller, Get, Header } from '@nestjs/common';
import { HubMetrics } from '@frontdoor/core';
import { Public } from '../guard/allow.decorator';

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HubMetrics) {}

  /** Prometheus scrape endpoint. Bind the gateway to an internal interface or protect this path at the proxy. */
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

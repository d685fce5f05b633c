import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { HubClock } from '@frontdoor/hub';
import { Public } from '../platform/guard/allow.decorator';

const advanceRequest = z.object({
  hours: z
    .number()
    .positive()
    .max(24 * 366),
});

/** Moves the hub's clock forward and back to real time, for demos and manual tests. Not mounted when NODE_ENV=production. */
@Public()
@Controller('dev/clock')
export class DevClockController {
  constructor(private readonly clock: HubClock) {}

  @Post('advance')
  @HttpCode(200)
  advance(@Body() body: unknown): { now: string } {
    const parsed = advanceRequest.safeParse(body);
    if (!parsed.success) throw new BadRequestException('expected { "hours": <positive number> }');
    return { now: this.clock.advance(parsed.data.hours * 3_600_000).toISOString() };
  }

  /**
   * Real time again. Jobs already run at the advanced time stay run (an alarm sent is sent);
   * a job scheduled while advanced waits for its time to come round in real time.
   */
  @Post('reset')
  @HttpCode(200)
  reset(): { now: string } {
    return { now: this.clock.reset().toISOString() };
  }
}

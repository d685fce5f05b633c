import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { nextOpeningAt, openingHoursOf, type TelephonySettings } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { Public } from '../platform/guard/allow.decorator';

const advanceRequest = z.object({
  hours: z
    .number()
    .positive()
    .max(24 * 366),
});

const openingRequest = z.object({ queue: z.string().min(1).max(60) }).strict();

/** Moves the hub's clock forward and back to real time, for demos and manual tests. Not mounted when NODE_ENV=production. */
@Public()
@Controller('dev/clock')
export class DevClockController {
  constructor(
    private readonly clock: HubClock,
    @Inject(TELEPHONY_SETTINGS) private readonly telephony: TelephonySettings,
  ) {}

  @Post('advance')
  @HttpCode(200)
  advance(@Body() body: unknown): { now: string } {
    const parsed = advanceRequest.safeParse(body);
    if (!parsed.success) throw new BadRequestException('expected { "hours": <positive number> }');
    return { now: this.clock.advance(parsed.data.hours * 3_600_000).toISOString() };
  }

  /**
   * Moves the clock forward to the next time the queue takes callbacks (not at all while it
   * does), so a demo at night or on a weekend can show a callback asked for "as soon as
   * possible" and taken. Answers the time and how far it moved.
   */
  @Post('open-for-callbacks')
  @HttpCode(200)
  openForCallbacks(@Body() body: unknown): { now: string; advancedHours: number } {
    const parsed = openingRequest.safeParse(body);
    if (!parsed.success) throw new BadRequestException('expected { "queue": "<telephony queue key>" }');
    if (!this.telephony.queues[parsed.data.queue])
      throw new BadRequestException(`no telephony queue ${parsed.data.queue}`);
    const start = this.clock.now();
    const opening = nextOpeningAt(openingHoursOf(this.telephony, parsed.data.queue), start);
    if (!opening) throw new BadRequestException('the queue does not open within two weeks');
    // A minute past the opening: the request is then inside the hours with room to spare.
    const delta = opening === start ? 0 : opening.getTime() - start.getTime() + 60_000;
    const now = delta > 0 ? this.clock.advance(delta) : this.clock.now();
    return { now: now.toISOString(), advancedHours: Math.round((delta / 3_600_000) * 100) / 100 };
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

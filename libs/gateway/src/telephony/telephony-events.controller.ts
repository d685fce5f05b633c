import { BadRequestException, Body, Controller, HttpCode, Inject, Post, UseFilters } from '@nestjs/common';
import { CallEventRefused, CallLog, parseCallEvent, type TelephonySettings } from '@frontdoor/core';
import { AllowServiceAccount } from '../platform/guard/allow.decorator';
import { CallEventFailureFilter } from './call-event-failure.filter';
import { CallNotifier } from './call-notifier';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';

/**
 * The telephony platform's webhook: one call event per request, from a service account
 * (client credentials) granted `telephonyEvents`. Idempotent per (callId, event): the
 * platform may retry, and events may come in any order. A bad event is refused whole with
 * 400 naming the field, and nothing is recorded.
 */
@Controller('telephony')
@UseFilters(CallEventFailureFilter)
export class TelephonyEventsController {
  constructor(
    private readonly callLog: CallLog,
    private readonly notifier: CallNotifier,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  @Post('events')
  @HttpCode(200)
  @AllowServiceAccount('telephonyEvents')
  async receive(@Body() body: unknown) {
    const parsed = parseCallEvent(body, this.settings);
    if (!parsed.ok) {
      const [firstProblem] = parsed.problems;
      throw new BadRequestException({
        code: 'BAD_USER_INPUT',
        field: firstProblem.field,
        message: parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems: parsed.problems,
      });
    }
    let recorded;
    try {
      recorded = await this.callLog.record(parsed.event);
    } catch (error) {
      // A time out of bounds, or one the call's other events contradict: refused whole.
      if (!(error instanceof CallEventRefused)) throw error;
      const problem = { field: error.field, message: error.message };
      throw new BadRequestException({
        code: 'BAD_USER_INPUT',
        field: error.field,
        reason: error.reason,
        message: `${error.field}: ${error.message}`,
        problems: [problem],
      });
    }
    const { call, duplicate } = recorded;
    if (!duplicate) await this.notifier.eventRecorded(parsed.event, call);
    return {
      callId: call.callId,
      event: parsed.event.event,
      duplicate,
      outcome: call.outcome,
      ...(parsed.ignored.length ? { ignored: parsed.ignored } : {}),
    };
  }
}

import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  UseFilters,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  CallbackQueue,
  CallbackRefused,
  parsePlatformCallbackRequest,
  type CallbackProblem,
  type TelephonySettings,
} from '@frontdoor/core';
import { AllowServiceAccount } from '../platform/guard/allow.decorator';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { CallEventFailureFilter } from './call-event-failure.filter';
import { CallbackNotices } from './callback-notices';

const logger = new Logger('Callbacks');

/**
 * The telephony platform's callback requests (issue 25, decision 0082): a caller who chose
 * "ring me back" in the IVR. The same service account and operation as the call events
 * (`telephonyEvents`). Idempotent on `requestId`; refused with 400 naming the field and a
 * `reason` (CLOSED, CALL_AT_CLOSED, CALL_AT_PAST, CALL_AT_TOO_LATE, or BAD_USER_INPUT's own).
 */
@Controller('telephony')
@UseFilters(CallEventFailureFilter)
export class CallbackRequestsController {
  constructor(
    private readonly queue: CallbackQueue,
    private readonly notices: CallbackNotices,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  @Post('callbacks')
  @HttpCode(200)
  @AllowServiceAccount('telephonyEvents')
  async receive(@Body() body: unknown, @Req() request: FastifyRequest) {
    const parsed = parsePlatformCallbackRequest(body, this.settings);
    if (!parsed.ok) throw refusal(parsed.problems, request.id);
    let recorded;
    try {
      recorded = await this.queue.request(parsed.request);
    } catch (error) {
      if (!(error instanceof CallbackRefused)) throw error;
      throw refusal([error.problem], request.id);
    }
    const { callback, duplicate } = recorded;
    if (!duplicate) await this.notices.changed();
    return {
      callbackId: callback.id,
      requestId: callback.externalId,
      duplicate,
      status: callback.status,
      number: callback.number,
      queue: callback.queue,
      dueAt: callback.dueAt.toISOString(),
      expiresAt: callback.expiresAt.toISOString(),
    };
  }
}

/** 400 in the webhook's documented shape; every refusal is logged with its reason for the operators. */
function refusal(problems: CallbackProblem[], requestId: string): BadRequestException {
  const [first] = problems;
  logger.warn(
    { requestId, code: 'BAD_USER_INPUT', field: first.field, reason: first.reason },
    'callback request refused',
  );
  return new BadRequestException({
    code: 'BAD_USER_INPUT',
    field: first.field,
    ...(first.reason === 'BAD_INPUT' ? {} : { reason: first.reason }),
    message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    problems: problems.map((p) => ({ field: p.field, message: p.message })),
  });
}

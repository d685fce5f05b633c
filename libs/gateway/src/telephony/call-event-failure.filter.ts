import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';

const logger = new Logger('Telephony');

/**
 * The webhook's answers in its documented shape (docs/errors.md, "The telephony webhook"),
 * failures of the hub included: with the database down it had answered Nest's own
 * `{ statusCode: 500, message }`, which the platform's integration does not read (issue 21,
 * item 10). A fault is 503 INTERNAL (the platform retries; an event already recorded is then
 * answered as a duplicate) and logged at error with the stack, for the request id it names.
 */
@Catch()
export class CallEventFailureFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // The callback requests' endpoint (callback-requests.controller.ts) answers in the same shape.
    const what = request.url.startsWith('/telephony/callbacks') ? 'callback request' : 'call event';
    // The guard's refusals (@AllowServiceAccount): 401 without a valid token, 403 for anyone else.
    if (exception instanceof FrontdoorError && exception.code === ErrorCode.UNAUTHENTICATED) {
      void reply.code(401).send({ code: 'UNAUTHENTICATED', message: exception.message });
      return;
    }
    if (exception instanceof FrontdoorError && exception.code === ErrorCode.FORBIDDEN) {
      void reply.code(403).send({
        code: 'FORBIDDEN',
        message: `${exception.message} Call events and callback requests come from the telephony platform’s service account.`,
      });
      return;
    }
    if (exception instanceof HttpException) {
      // The controller's own refusals (400) already carry the documented body.
      const body = exception.getResponse();
      const status = exception.getStatus();
      void reply.code(status).send(typeof body === 'object' ? body : { statusCode: status, message: body });
      return;
    }
    logger.error({ err: exception, requestId: request.id }, `${what} not recorded`);
    void reply.code(503).send({
      code: 'INTERNAL',
      message:
        `The ${what} could not be recorded (request id ${request.id}). Send it again: ` +
        `${what === 'call event' ? 'an event' : 'a request'} already recorded is answered as a duplicate.`,
      requestId: request.id,
    });
  }
}

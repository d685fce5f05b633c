import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import { sendFault } from '../platform/errors/http-translation';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { CustomerEventsRefused } from './customer-events.service';

const logger = new Logger('MinaArenden');

/**
 * The endpoint's refusals in its documented body, `{felkod, meddelande, korrelationsId}`,
 * with the correlation id and `cache-control: no-store` as on every answer: the guard's
 * (401 EJ_AUTENTISERAD, 403 EJ_BEHORIG, logged at warn) and the service's (400, 503).
 * Anything else is a fault, answered 500 as Fastify's own error handler did before the
 * endpoint was a controller.
 */
@Catch()
export class CustomerEventsFailureFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const correlationId = correlationIdOf(request);
    reply.header(CORRELATION_HEADER, correlationId).header('cache-control', 'no-store');
    const fail = (status: number, felkod: string, meddelande: string) =>
      void reply.code(status).send({ felkod, meddelande, korrelationsId: correlationId });

    if (
      exception instanceof FrontdoorError &&
      (exception.code === ErrorCode.UNAUTHENTICATED || exception.code === ErrorCode.FORBIDDEN)
    ) {
      const status = exception.code === ErrorCode.UNAUTHENTICATED ? 401 : 403;
      logger.warn({ correlationId, requestId: request.id, status }, 'kundhändelser refused');
      return fail(status, status === 401 ? 'EJ_AUTENTISERAD' : 'EJ_BEHORIG', exception.message);
    }
    if (exception instanceof CustomerEventsRefused)
      return fail(exception.status, exception.felkod, exception.message);
    logger.error({ err: exception, requestId: request.id }, 'kundhändelser failed');
    sendFault(reply, request.id);
  }
}

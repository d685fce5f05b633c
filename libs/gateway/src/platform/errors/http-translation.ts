import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';

/**
 * The HTTP answer of each code a REST controller may refuse with: Nest's own exceptions, so the
 * body is the `{ message, error, statusCode }` the controllers answered before (given no options
 * object, which would drop `error`). INTERNAL has none: it stays a fault, 500 and logged.
 */
const REFUSALS: Partial<Record<ErrorCode, (message: string) => HttpException>> = {
  [ErrorCode.BAD_USER_INPUT]: (message) => new BadRequestException(message),
  [ErrorCode.UNAUTHENTICATED]: (message) => new UnauthorizedException(message),
  [ErrorCode.FORBIDDEN]: (message) => new ForbiddenException(message),
  [ErrorCode.NOT_FOUND]: (message) => new NotFoundException(message),
  [ErrorCode.CONFLICT]: (message) => new ConflictException(message),
  // The department is down (its circuit open, no answer in time): try again later.
  [ErrorCode.SOURCE_UNAVAILABLE]: (message) => new ServiceUnavailableException(message),
  // The department answered, but nothing its plugin can read: a bad gateway in HTTP's words.
  [ErrorCode.SOURCE_INVALID_RESPONSE]: (message) => new BadGatewayException(message),
  [ErrorCode.RATE_LIMITED]: (message) =>
    new HttpException(
      HttpException.createBody(message, 'Too Many Requests', HttpStatus.TOO_MANY_REQUESTS),
      HttpStatus.TOO_MANY_REQUESTS,
    ),
};

/** A core refusal as an HTTP exception; undefined for INTERNAL, which is the hub's fault. */
export function toHttpException(error: FrontdoorError): HttpException | undefined {
  return REFUSALS[error.code]?.(error.message);
}

/** Whatever a controller threw, with a core refusal put in HTTP's terms; anything else as it is. */
export function inHttpTerms(thrown: unknown): unknown {
  return (thrown instanceof FrontdoorError && toHttpException(thrown)) || thrown;
}

/**
 * A fault (not a refusal) of a REST surface whose own filter catches everything: 500 in the
 * shape Fastify's own error handler gives, which those surfaces answered before they were
 * controllers, but never the fault's own text (a database error names tables, a driver error
 * values): the caller gets the request id the filter logged the fault under.
 */
export function sendFault(reply: FastifyReply, requestId: string): void {
  void reply.code(500).send({
    statusCode: 500,
    error: 'Internal Server Error',
    message: `Something went wrong in Frontdoor; it is logged under request id ${requestId}.`,
  });
}

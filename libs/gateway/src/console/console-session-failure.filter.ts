import { Catch, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import { sendFault } from '../platform/errors/http-translation';
import { TokenVerifier } from '../platform/auth/token-verifier';
import { verifyRequestToken } from '../platform/auth/request-token';

const logger = new Logger('Console');

/**
 * The session's refusals in the console's own bodies, never cached: the guard's 401 as
 * `{ error: 'UNAUTHENTICATED', message }` and its 403 (a valid token that is not staff's) as
 * `{ error: 'NOT_STAFF', role }`. The guard does not hand a refused caller on, so the role is
 * read from the request's verified token (the guard's outcome, not a second verification).
 * Anything else is a fault, answered 500 as Fastify's own error handler did before the route
 * was a controller.
 */
@Catch()
@Injectable()
export class ConsoleSessionFailureFilter implements ExceptionFilter {
  constructor(private readonly verifier: TokenVerifier) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    reply.header('cache-control', 'no-store');
    if (exception instanceof FrontdoorError && exception.code === ErrorCode.UNAUTHENTICATED) {
      await reply.code(401).send({ error: 'UNAUTHENTICATED', message: exception.message });
      return;
    }
    if (exception instanceof FrontdoorError && exception.code === ErrorCode.FORBIDDEN) {
      let role;
      try {
        ({ role } = await verifyRequestToken(this.verifier, request));
      } catch (error) {
        await reply.code(401).send({ error: 'UNAUTHENTICATED', message: (error as Error).message });
        return;
      }
      await reply.code(403).send({ error: 'NOT_STAFF', role });
      return;
    }
    logger.error({ err: exception, requestId: request.id }, 'console session failed');
    sendFault(reply, request.id);
  }
}

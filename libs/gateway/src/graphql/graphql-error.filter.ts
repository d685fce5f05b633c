import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every error thrown in a resolver or guard straight back to Apollo, which formats it
 * and errorLogPlugin logs it once. Without this, Nest's own handler logged each one, expected
 * refusals (FORBIDDEN, UNAUTHENTICATED) included, at error level with a stack trace.
 * HTTP controllers keep Nest's default handling.
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<'graphql' | 'http'>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}

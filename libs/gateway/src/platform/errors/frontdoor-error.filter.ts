import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { inGraphQLTerms } from './graphql-translation';
import { inHttpTerms } from './http-translation';

/**
 * Where everything a resolver, guard or controller throws leaves Nest, and so where a core
 * error (FrontdoorError) is put in its surface's terms, once.
 *
 * GraphQL: handed straight back to Apollo (core errors as GraphQL errors), which formats it
 * and errorLogPlugin logs it once. Without this, Nest's own handler logged each one, expected
 * refusals (FORBIDDEN, UNAUTHENTICATED) included, at error level with a stack trace. This is
 * also the only translation subscriptions get: graphql-ws sends their errors unformatted.
 *
 * HTTP: a core refusal becomes its status (BAD_USER_INPUT 400 …); anything else gets Nest's
 * default handling (500, logged). A controller's own filter (the telephony webhook's) comes first.
 */
@Catch()
export class FrontdoorErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<'graphql' | 'http'>() === 'graphql') return inGraphQLTerms(exception);
    return super.catch(inHttpTerms(exception), host);
  }
}

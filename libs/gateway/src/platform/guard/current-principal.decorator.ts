import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { principalOf } from '../request/request-context';

/**
 * The caller the guard verified, for a resolver or a controller handler. The guard runs
 * first and refuses anyone it cannot verify, so a handler never sees a missing principal.
 */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  if (context.getType<GqlContextType>() === 'graphql')
    return principalOf(GqlExecutionContext.create(context).getContext());
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal)
    throw new Error('No principal: the handler declares no access (@Allow) for the guard to check.');
  return principal;
});

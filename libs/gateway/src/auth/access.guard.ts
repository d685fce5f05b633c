import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden } from '@frontdoor/core';
import type { RequestContext } from '../graphql/request-context';
import { ALLOWED_ROLES } from './allow.decorator';
import type { Role } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * Runs before every query and mutation: verifies the bearer token, then checks the
 * caller's role against the operation's @Allow. No @Allow means nobody (fail closed).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<'graphql' | 'http'>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    ctx.principal ??= await this.verifier.verifyHeader(ctx.req.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]);
    if (!allowed?.includes(ctx.principal.role)) {
      throw forbidden(`The role "${ctx.principal.role}" may not use ${gql.getInfo().fieldName}.`);
    }
    return true;
  }
}

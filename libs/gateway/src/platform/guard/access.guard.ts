import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, GraphQLSchemaHost } from '@nestjs/graphql';
import { forbidden } from '@frontdoor/core';
import { ConfigError } from '../config/gateway-config';
import type { RequestContext } from '../request/request-context';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SERVICE_OPERATION } from './allow.decorator';
import { assertGranted, assertRole, assertServiceAccount, verifiedCaller } from './http-access';
import { REST_OPERATIONS, type RestOperation } from '../auth/service-accounts';
import type { Role } from '../auth/principal';
import { TokenVerifier } from '../auth/token-verifier';
import { verifyRequestToken } from '../auth/request-token';

/**
 * Runs before every query, mutation and HTTP handler: verifies the bearer token, then checks
 * the caller's role against the entry point's @Allow. No @Allow means nobody (fail closed).
 * A service account (client credentials, `auth.serviceAccounts`) may call exactly the
 * operations named for it in config instead: that list is its @Allow. An HTTP handler may
 * instead be @Public() or @AllowServiceAccount(operation).
 */
@Injectable()
export class AccessGuard implements CanActivate, OnApplicationBootstrap {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly schemaHost: GraphQLSchemaHost,
  ) {}

  /** A service account naming an operation the schema does not have is a config error, found at start. */
  onApplicationBootstrap(): void {
    const schema = this.schemaHost.schema;
    const known = new Set([
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ...REST_OPERATIONS,
    ]);
    const problems: string[] = [];
    for (const clientId of this.verifier.serviceAccountIds) {
      for (const operation of this.verifier.serviceAccountOperations(clientId) ?? []) {
        if (!known.has(operation))
          problems.push(
            `auth.serviceAccounts.${clientId}.operations: no query or mutation "${operation}" in this hub (nor an HTTP endpoint operation: ${REST_OPERATIONS.join(', ')})`,
          );
      }
    }
    if (problems.length) throw new ConfigError(problems);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<'graphql' | 'http'>() === 'http') return this.mayCallHttp(context);
    if (context.getType<'graphql' | 'http'>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    // Verified by the /graphql hook before the document was parsed (graphql-auth-hook.ts).
    ctx.principal ??= ctx.req.principal ?? (await verifyRequestToken(this.verifier, ctx.req));
    const operation = gql.getInfo().fieldName;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) throw forbidden(`Nobody may use ${operation}: it declares no roles.`);
    if (ctx.principal.clientId) assertGranted(this.verifier, ctx.principal.clientId, operation);
    else assertRole(ctx.principal, allowed, operation);
    return true;
  }

  /** The same decision for a REST controller; its filter puts a refusal in the surface's shape. */
  private async mayCallHttp(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const serviceOperation = this.reflector.getAllAndOverride<RestOperation | undefined>(
      SERVICE_OPERATION,
      targets,
    );
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    const operation = `${request.method} ${request.routeOptions.url ?? request.url}`;
    if (!serviceOperation && !allowed) throw forbidden(`Nobody may use ${operation}: it declares no roles.`);
    const principal = await verifiedCaller(this.verifier, request);
    if (serviceOperation) assertServiceAccount(this.verifier, principal, serviceOperation);
    else assertRole(principal, allowed!, operation);
    request.principal = principal;
    return true;
  }
}

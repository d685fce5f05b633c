import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';
import { verifyRequestToken } from './request-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the /graphql auth hook once the bearer token is verified. */
    principal?: Principal;
  }
}

const logger = new Logger('Auth');

/**
 * Every request to /graphql must carry a valid bearer token, checked before the body is even
 * parsed as GraphQL: a stranger gets HTTP 401 and costs the hub one signature check, not a
 * parse, a validation and an execution (`{ __typename }` used to be answered without a token).
 * The body is GraphQL-shaped and sent as `application/graphql-response+json`, so clients
 * (the agent console's Apollo Client) still read `extensions.code` UNAUTHENTICATED from it.
 */
export function registerGraphQLAuth(app: FastifyInstance, verifier: TokenVerifier): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isGraphQL(request) || request.method === 'OPTIONS') return;
    try {
      request.principal = await verifyRequestToken(verifier, request);
    } catch (error) {
      if (!(error instanceof FrontdoorError) || error.code !== ErrorCode.UNAUTHENTICATED) throw error;
      logger.log(
        { requestId: request.id, code: ErrorCode.UNAUTHENTICATED, reason: error.message },
        'request refused: not signed in',
      );
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .header('content-type', 'application/graphql-response+json; charset=utf-8')
        .send({ errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
    }
  });
}

function isGraphQL(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0];
  return path === '/graphql' || path === '/graphql/';
}

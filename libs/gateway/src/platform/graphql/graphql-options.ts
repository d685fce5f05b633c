import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonReader } from '@frontdoor/core';
import type { TokenVerifier } from '../auth/token-verifier';
import type { GatewayConfig } from '../config/gateway-config';
import { errorLimitPlugin } from './error-limit.plugin';
import { errorLogPlugin } from './error-log.plugin';
import { createErrorFormatter } from './format-error';
import { queryCostPlugin } from './query-cost.plugin';
import { aliasLimit, directiveLimit, expansionLimit } from './query-limits';
import type { RequestContext } from '../request/request-context';
import { textInputPlugin } from './text-input.plugin';
import { wsServerOptions, type WsExtra } from './ws-server-options';

/** Apollo Server's settings: the schema from the resolvers, the hostile-input limits, errors and the request context. */
export function graphqlOptions(
  config: GatewayConfig,
  reader: PersonReader,
  verifier: TokenVerifier,
): ApolloDriverConfig {
  const production = config.env.NODE_ENV === 'production';
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // No "did you mean …" field suggestions for strangers in production.
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Documents past the token limit are refused while parsing, before any other work.
    parseOptions: { maxTokens: config.env.GRAPHQL_MAX_TOKENS },
    validationRules: [
      expansionLimit(config.env.GRAPHQL_MAX_DEPTH),
      aliasLimit(config.env.GRAPHQL_MAX_ALIASES),
      directiveLimit(config.env.GRAPHQL_MAX_DIRECTIVES),
    ],
    validationOptions: { maxErrors: config.env.GRAPHQL_MAX_ERRORS },
    plugins: [
      // Apollo's cache-control plugin wraps every field resolver to collect hints the hub never
      // gives (a person's data is never cacheable); ResponsePlugin sets `no-store` itself.
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin(config.env.GRAPHQL_MAX_COST),
      textInputPlugin(),
      errorLogPlugin(),
      errorLimitPlugin(config.env.GRAPHQL_MAX_ERRORS),
    ],
    formatError: createErrorFormatter(production),
    // Subscriptions (the caller on the agent's screen) over WebSocket with graphql-ws on the
    // same path: the token in the connection's init message (`authorization`) verified before
    // the connection is accepted (a bad one closes it, 4403), again on every subscribe, and the
    // socket closed when it expires. Nest passes graphql-ws's options through, though its type
    // does not name all of them.
    subscriptions: {
      'graphql-ws': wsServerOptions(verifier, {
        maxTokens: config.env.GRAPHQL_MAX_TOKENS,
        maxDepth: config.env.GRAPHQL_MAX_DEPTH,
        maxAliases: config.env.GRAPHQL_MAX_ALIASES,
        maxDirectives: config.env.GRAPHQL_MAX_DIRECTIVES,
        maxErrors: config.env.GRAPHQL_MAX_ERRORS,
      }) as object,
    },
    context: (req: FastifyRequest | WsContext, reply: FastifyReply): RequestContext => {
      if (isWsContext(req)) {
        // A subscription: the principal verified at connect; the guard reads it from here.
        const principal = req.extra.principal;
        return {
          req: { headers: {}, principal } as unknown as FastifyRequest,
          reply: undefined as unknown as FastifyReply,
          requestId: randomUUID(),
          principal,
          reads: reader.forRequest(),
          sourceErrors: [],
        };
      }
      return {
        req,
        reply,
        requestId: String(req.id ?? randomUUID()),
        reads: reader.forRequest(),
        sourceErrors: [],
      };
    },
  };
}

/** What graphql-ws hands the context function (instead of Fastify's request and reply). */
interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: WsExtra;
}

function isWsContext(value: FastifyRequest | WsContext): value is WsContext {
  return typeof value === 'object' && value !== null && 'extra' in value && !('raw' in value);
}

import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonReader } from '@frontdoor/core';
import type { GatewayConfig } from '../config/gateway-config';
import { errorLimitPlugin } from '../graphql/error-limit.plugin';
import { errorLogPlugin } from '../graphql/error-log.plugin';
import { createErrorFormatter } from '../graphql/format-error';
import { queryCostPlugin } from '../graphql/query-cost.plugin';
import { aliasLimit, depthLimit, directiveLimit } from '../graphql/query-limits';
import type { RequestContext } from '../graphql/request-context';

/** Apollo Server's settings: the schema from the resolvers, the hostile-input limits, errors and the request context. */
export function graphqlOptions(config: GatewayConfig, reader: PersonReader): ApolloDriverConfig {
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
      depthLimit(config.env.GRAPHQL_MAX_DEPTH),
      aliasLimit(config.env.GRAPHQL_MAX_ALIASES),
      directiveLimit(config.env.GRAPHQL_MAX_DIRECTIVES),
    ],
    validationOptions: { maxErrors: config.env.GRAPHQL_MAX_ERRORS },
    plugins: [
      // Apollo's cache-control plugin wraps every field resolver to collect hints the hub never
      // gives (a person's data is never cacheable); ResponsePlugin sets `no-store` itself.
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin(config.env.GRAPHQL_MAX_COST),
      errorLogPlugin(),
      errorLimitPlugin(config.env.GRAPHQL_MAX_ERRORS),
    ],
    formatError: createErrorFormatter(production),
    context: (req: FastifyRequest, reply: FastifyReply): RequestContext => ({
      req,
      reply,
      requestId: String(req.id ?? randomUUID()),
      reads: reader.forRequest(),
      sourceErrors: [],
    }),
  };
}

import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import { graphqlExtensionsOf } from '../errors/graphql-translation';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));
/** Apollo's and graphql-js's own codes for a malformed request: the client's mistake. */
export const CLIENT_MISTAKES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * Keeps `extensions.code` within the documented list (docs/errors.md). Anything the hub
 * did not mean to say becomes INTERNAL; in production its message is masked and the
 * original is logged with the request id (errorLogPlugin).
 */
export function createErrorFormatter(production: boolean) {
  return (given: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    const formatted = withCoreExtensions(given, original);
    const code = String(formatted.extensions?.code ?? '');
    const {
      stacktrace: _stacktrace,
      originalError: _originalError,
      ...extensions
    } = formatted.extensions ?? {};
    if (CONTRACT_CODES.has(code) && code !== ErrorCode.INTERNAL) return { ...formatted, extensions };
    if (CLIENT_MISTAKES.has(code))
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
    if (code === ErrorCode.INTERNAL && extensions.requestId) return { ...formatted, extensions };
    // Logged once, with its stack, by errorLogPlugin.
    return {
      message: production
        ? 'Internal error. The request id in the response header x-request-id finds it in the logs.'
        : formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}

/**
 * Core errors are put in GraphQL's terms by FrontdoorErrorFilter as they leave a resolver or
 * guard; one thrown where Nest does not see it (a resolver outside Nest) arrives here raw, and
 * gets the same translation rather than being masked as INTERNAL.
 */
function withCoreExtensions(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const thrown = unwrapResolverError(original);
  return thrown instanceof FrontdoorError
    ? { ...formatted, extensions: graphqlExtensionsOf(thrown) }
    : formatted;
}

import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Reasons of the hostile-input limits (query-limits.ts, query-cost.plugin.ts). */
const LIMIT_REASONS = new Set([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_LARGE',
]);

/**
 * Bounds the errors in one response. A document refused by a hostile-input limit gets only
 * that refusal (not also one error per duplicated directive or unknown field, which is what
 * an auditor such as graphql-cop counts); any other response keeps at most `maxErrors`, the
 * last one saying how many were left out.
 */
export function errorLimitPlugin(maxErrors: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors) result.errors = limitErrors(result.errors, maxErrors);
        },
      };
    },
  };
}

export function limitErrors(
  errors: readonly GraphQLFormattedError[],
  maxErrors: number,
): GraphQLFormattedError[] {
  const refusals = errors.filter((e) => LIMIT_REASONS.has(String(e.extensions?.reason ?? '')));
  const kept = refusals.length ? refusals : [...errors];
  if (kept.length <= maxErrors) return kept;
  const shown = kept.slice(0, maxErrors - 1);
  const omitted = kept.length - shown.length;
  return [
    ...shown,
    {
      message: `${omitted} more errors were left out; at most ${maxErrors} are given in one response.`,
      extensions: {
        code: kept[maxErrors - 1].extensions?.code ?? 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ERRORS',
        omitted,
      },
    },
  ];
}

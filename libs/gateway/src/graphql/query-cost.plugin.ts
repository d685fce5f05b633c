import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@frontdoor/core';

/**
 * Refuses an operation whose estimated cost (one per field, lists counted once) passes
 * `maxCost`, before anything runs. Computed after variables are known, which validation
 * rules cannot see.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema: schema as GraphQLSchema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`The query costs ${cost}; at most ${maxCost} is allowed. Ask for fewer fields or split it.`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'QUERY_TOO_COSTLY', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

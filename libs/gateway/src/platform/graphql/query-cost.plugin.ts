import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@frontdoor/core';

/**
 * Refuses an operation whose estimated cost (one per field, lists counted once) passes
 * `maxCost`, before anything runs. Computed after variables are known, which validation
 * rules cannot see.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo hands out one parsed document per distinct query text, so the cost of a query
  // without variables (which @skip/@include could read) is computed once per document and
  // operation: walking the query was 3-5 % of a request (docs/performance.md).
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const estimators = [simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cacheable = !request.variables || Object.keys(request.variables).length === 0;
          const operation = request.operationName ?? '';
          let cost = cacheable ? costs.get(document)?.get(operation) : undefined;
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema: schema as GraphQLSchema,
                query: document,
                operationName: request.operationName,
                variables: request.variables,
                estimators,
              });
            } catch (error) {
              // graphql-query-complexity gives up past 10,000 nodes (fragments spread many times):
              // the client's document is too large, not a fault of the hub.
              throw new GraphQLError(
                `The query is too large to run: ${(error as Error).message} Ask for fewer fields or split it.`,
                {
                  extensions: {
                    code: ErrorCode.BAD_USER_INPUT,
                    reason: 'QUERY_TOO_LARGE',
                    http: { status: 400 },
                  },
                },
              );
            }
            if (cacheable) {
              const perOperation = costs.get(document) ?? new Map<string, number>();
              perOperation.set(operation, cost);
              costs.set(document, perOperation);
            }
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `The query costs ${cost}; at most ${maxCost} is allowed. Ask for fewer fields or split it.`,
              {
                extensions: {
                  code: ErrorCode.BAD_USER_INPUT,
                  reason: 'QUERY_TOO_COSTLY',
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

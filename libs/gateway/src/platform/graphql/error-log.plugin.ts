import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@frontdoor/core';
import { CLIENT_MISTAKES } from './format-error';

const logger = new Logger('GraphQL');

/** Refusals an operations team should see but never be paged for. */
const WARN_CODES = new Set<string>([
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SOURCE_UNAVAILABLE,
  ErrorCode.SOURCE_INVALID_RESPONSE,
]);
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL),
  ...CLIENT_MISTAKES,
]);

/** Whether an error is an expected outcome (the caller's or a department's), not a fault of the hub. */
export function isExpected(error: GraphQLError): boolean {
  return CLIENT_CODES.has(String(error.extensions?.code ?? ''));
}

/**
 * The one place GraphQL errors are logged. Expected outcomes (FORBIDDEN, BAD_USER_INPUT,
 * NOT_FOUND, a department down…) give one line per response at info or warn, with request
 * id, operation and codes, and no stack: an alert on error-level logs must not fire for a
 * wrong password. Anything else is the hub's fault: one line per error at error, with the stack.
 */
export function errorLogPlugin(): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<{ requestId?: string }>> {
      return {
        async didEncounterErrors({ errors, contextValue, operationName, request, operation }) {
          const where = {
            requestId: contextValue.requestId,
            operation: operationName ?? request.operationName ?? null,
            fields: rootFields(operation),
          };
          const expected = errors.filter(isExpected);
          if (expected.length) {
            const codes = [...new Set(expected.map((e) => String(e.extensions.code)))];
            const line = {
              ...where,
              codes,
              errors: expected.slice(0, 5).map((e) => ({
                code: e.extensions.code,
                ...(e.extensions.reason ? { reason: e.extensions.reason } : {}),
                ...(e.extensions.plugin ? { plugin: e.extensions.plugin } : {}),
                message: e.message.slice(0, 300),
                ...(e.path ? { path: e.path.join('.') } : {}),
              })),
            };
            if (codes.some((c) => WARN_CODES.has(c))) logger.warn(line, 'GraphQL request refused in part');
            else logger.log(line, 'GraphQL request refused in part');
          }
          for (const error of errors) {
            if (isExpected(error)) continue;
            logger.error(
              { ...where, err: error.originalError ?? error, path: error.path?.join('.') },
              'internal error in GraphQL',
            );
          }
        },
      };
    },
  };
}

function rootFields(operation: OperationDefinitionNode | null | undefined): string[] | undefined {
  if (!operation) return undefined;
  return operation.selectionSet.selections
    .filter((s) => s.kind === Kind.FIELD)
    .map((s) => s.name.value)
    .slice(0, 10);
}

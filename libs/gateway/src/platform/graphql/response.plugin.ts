import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AuditService, ErrorCode, HubMetrics } from '@frontdoor/core';
import { toGraphQLError } from '../errors/graphql-translation';
import type { RequestContext } from '../request/request-context';

/**
 * The last step of every GraphQL request, before the answer leaves the hub:
 * adds the department failures beside the partial data, writes the audit rows
 * (group-committed with other requests' by AuditService; if that fails, no personal data
 * leaves: fail closed), marks the answer `no-store`, and times the request.
 */
@Plugin()
export class ResponsePlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger('GraphQL');

  constructor(
    private readonly audit: AuditService,
    private readonly metrics: HubMetrics,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    const stopTimer = this.metrics.graphqlDuration.startTimer();
    return {
      willSendResponse: async ({ contextValue: ctx, response, operationName }) => {
        // Answers hold personal data: no browser or proxy may keep them.
        response.http.headers.set('cache-control', 'no-store');
        const body = response.body;
        if (body.kind !== 'single') return;
        const result = body.singleResult;
        if (ctx.sourceErrors?.length) {
          result.errors = [
            ...(result.errors ?? []),
            ...ctx.sourceErrors.map((e) => toGraphQLError(e).toJSON()),
          ];
        }
        if (ctx.audit) {
          try {
            await this.audit.write(ctx.audit);
          } catch (error) {
            this.logger.error(
              { requestId: ctx.requestId, err: error },
              'audit write failed; answer withheld',
            );
            result.data = null;
            result.errors = [
              new GraphQLError('The read could not be audited, so nothing was returned. Try again.', {
                extensions: { code: ErrorCode.INTERNAL, requestId: ctx.requestId },
              }).toJSON(),
            ];
          }
        }
        stopTimer({
          operation: this.metrics.operationLabel(operationName),
          outcome: result.errors?.length ? 'error' : 'ok',
        });
      },
    };
  }
}

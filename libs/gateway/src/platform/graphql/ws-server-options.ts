import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type Source,
  type ValidationRule,
} from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/token-verifier';
import { toGraphQLError } from '../errors/graphql-translation';
import { aliasLimit, directiveLimit, expansionLimit } from './query-limits';

/**
 * Subscriptions one socket may hold at once. A console holds one or two (its calls, the
 * contact center); every one is a listener each call event is pushed through, and 500 on one
 * socket made a single call event cost 0.84 s of CPU.
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;

/**
 * How a socket is closed when its token runs out: 4403, graphql-ws's Forbidden, as for a token
 * refused at connect, which its client retries (unlike 4401), so a console reconnects with a
 * fresh token.
 */
export const TOKEN_EXPIRED = { code: 4403, reason: 'Token expired' } as const;

/** setTimeout's longest delay; a token valid longer ends its socket then, and the client reconnects. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the hub keeps per socket: who connected, with which token, and the timer that ends it. */
export interface WsExtra {
  /** The socket itself (graphql-ws's `ws` server puts it here). */
  readonly socket: WebSocket;
  principal?: Principal;
  authorization?: string;
  expiry?: NodeJS.Timeout;
}

export interface WsLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxErrors: number;
}

/**
 * graphql-ws's hooks for /graphql: the token in `connection_init` is verified before the
 * socket is accepted and checked again on every `subscribe`, and the socket is closed when the
 * token expires (its subscriptions end with it). Over the socket only subscriptions, under the
 * same limits as POST /graphql; a refused operation gets an error message for its id, and the
 * socket stays open.
 */
export function wsServerOptions(
  verifier: TokenVerifier,
  limits: WsLimits,
): Partial<ServerOptions<Record<string, unknown>, WsExtra>> {
  const rules: ValidationRule[] = [
    // First, though every rule is set up before any walks the document: it refuses a fragment bomb.
    expansionLimit(limits.maxDepth),
    ...specifiedRules,
    subscriptionsOnly,
    aliasLimit(limits.maxAliases),
    directiveLimit(limits.maxDirectives),
  ];
  const parseDocument = (source: string | Source) => parse(source, { maxTokens: limits.maxTokens });
  return {
    parse: parseDocument,
    validate: (schema: GraphQLSchema, document: DocumentNode) =>
      validate(schema, document, rules, { maxErrors: limits.maxErrors }),
    onConnect: async ({ connectionParams, extra }) => {
      const header = connectionParams?.authorization;
      try {
        const { principal, validForMs } = await verifier.verifyHeaderForConnection(
          typeof header === 'string' ? header : undefined,
        );
        // Closed while the token was checked: nothing to end later.
        if (extra.socket.readyState !== extra.socket.OPEN) return false;
        extra.principal = principal;
        extra.authorization = header as string;
        extra.expiry = setTimeout(
          () => extra.socket.close(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason),
          Math.min(Math.max(validForMs, 0), MAX_TIMER_MS),
        ).unref();
        return true;
      } catch {
        return false;
      }
    },
    onClose: ({ extra }) => clearTimeout(extra.expiry),
    onSubscribe: async (ctx, _id, payload) =>
      (await tokenStillValid(verifier, ctx)) ??
      tooManySubscriptions(ctx) ??
      syntaxError(parseDocument, payload.query),
  };
}

/**
 * The token checked again: the expiry timer closes the socket on time, but a subscribe that
 * gets here first (a clock moved, a timer late under load) is refused and ends the socket too.
 */
async function tokenStillValid(
  verifier: TokenVerifier,
  { extra }: Context<Record<string, unknown>, WsExtra>,
): Promise<GraphQLError[] | undefined> {
  try {
    await verifier.verifyHeader(extra.authorization);
    return undefined;
  } catch (error) {
    // After the error message for this subscribe has been sent (graphql-ws sends it right away).
    setImmediate(() => extra.socket.close(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason));
    return [
      error instanceof FrontdoorError
        ? toGraphQLError(error)
        : new GraphQLError('The bearer token could not be checked again.', {
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          }),
    ];
  }
}

function tooManySubscriptions(ctx: Context<Record<string, unknown>, WsExtra>): GraphQLError[] | undefined {
  // graphql-ws has already reserved this subscribe's id among the socket's operations.
  if (Object.keys(ctx.subscriptions).length <= MAX_SUBSCRIPTIONS_PER_SOCKET) return undefined;
  return [
    new GraphQLError(
      `This socket already holds ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions; at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} are allowed. Complete one first.`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'TOO_MANY_SUBSCRIPTIONS' } },
    ),
  ];
}

/**
 * A document that does not parse (or is past the token limit) is refused for its own id:
 * graphql-ws would otherwise throw while parsing and close the whole socket (4500). Parsed
 * again by graphql-ws after this; a subscribe is rare enough that the second parse is cheap.
 */
function syntaxError(
  parseDocument: (source: string) => DocumentNode,
  query: string,
): GraphQLError[] | undefined {
  try {
    parseDocument(query);
    return undefined;
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : undefined;
    return [
      new GraphQLError(syntax?.message ?? 'The document could not be read.', {
        source: syntax?.source,
        positions: syntax?.positions,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      }),
    ];
  }
}

/** Queries and mutations are answered over HTTP only, where Apollo's plugins (the audit flush, the cost limit, the error log) run. */
const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription')
      context.reportError(
        new GraphQLError(
          `Only subscriptions are served over WebSocket; send this ${node.operation} to POST /graphql.`,
          { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } },
        ),
      );
  },
});

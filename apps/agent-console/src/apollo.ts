import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/**
 * Tells the console the WebSocket is back after a break ('reconnected'): notices sent in the
 * gap are lost, so what they would have said is asked again (the call on the line, App).
 */
export const socketEvents = new EventTarget();

/**
 * One client per signed-in session: every request carries the session's bearer token. When
 * the hub no longer accepts the token (expired, signed out elsewhere), `onSignedOut` takes the
 * agent back to the sign-in page instead of leaving a screen of errors. Subscriptions (the
 * caller on the screen, the managers' live view) go over a WebSocket to the same /graphql
 * (graphql-ws), the token in its first message; it reconnects by itself.
 */
export function createApolloClient(token: string, onSignedOut: () => void): ApolloClient {
  const signedOut = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
      onSignedOut();
  });
  const http = new HttpLink({ uri: '/graphql', headers: { authorization: `Bearer ${token}` } });
  const ws = new GraphQLWsLink(
    createClient({
      url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: Infinity,
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) socketEvents.dispatchEvent(new Event('reconnected'));
        },
      },
    }),
  );
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION
      );
    },
    ws,
    http,
  );
  return new ApolloClient({
    link: ApolloLink.from([signedOut, transport]),
    cache: new InMemoryCache({ typePolicies: { Person: { keyFields: ['personalNumber'] } } }),
  });
}

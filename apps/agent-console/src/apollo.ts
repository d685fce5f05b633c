import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

/**
 * One client per signed-in session: every request carries the session's bearer token. When
 * the hub no longer accepts the token (expired, signed out elsewhere), `onSignedOut` takes the
 * agent back to the sign-in page instead of leaving a screen of errors.
 */
export function createApolloClient(token: string, onSignedOut: () => void): ApolloClient {
  const signedOut = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
      onSignedOut();
  });
  return new ApolloClient({
    link: ApolloLink.from([
      signedOut,
      new HttpLink({ uri: '/graphql', headers: { authorization: `Bearer ${token}` } }),
    ]),
    cache: new InMemoryCache({ typePolicies: { Person: { keyFields: ['personalNumber'] } } }),
  });
}

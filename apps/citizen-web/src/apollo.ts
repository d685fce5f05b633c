import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

/** One client per signed-in citizen; an expired token takes them back to the sign-in page. */
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

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One client per signed-in session: every request carries the session's bearer token. */
export function createApolloClient(token: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache({ typePolicies: { Person: { keyFields: ['personalNumber'] } } }),
  });
}

/**
 * Row 1's yardstick: a bare @apollo/server standalone answering a query comparable to the
 * hub's `{ plugins { id } }`: a static list, no auth, no limits, no logging.
 *   BARE_APOLLO_PORT=4130 node dist/tools/bench/src/bare-apollo.js
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { YARDSTICK_PLUGINS } from './yardstick-plugins';

const server = new ApolloServer({
  typeDefs: 'type Plugin { id: ID! } type Query { plugins: [Plugin!]! }',
  resolvers: { Query: { plugins: () => YARDSTICK_PLUGINS } },
});
startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.BARE_APOLLO_PORT ?? 4130) },
}).then(
  ({ url }) => console.log(`bare apollo at ${url}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

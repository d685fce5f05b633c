/**
 * Row 1's second yardstick: the fixed stack with nothing of the hub's in it. NestJS on the
 * Fastify adapter with GraphQL on Apollo Server through @nestjs/apollo (code first, like the
 * gateway), one resolver answering `{ plugins { id } }` from a static list: no auth, no rate
 * limit, no logging, no limits, no audit. The gap between it and bare @apollo/server is what the
 * stack costs; the gap between it and the gateway is what the hub's own per-request work costs.
 *   BARE_NEST_PORT=4131 node dist/tools/bench/src/bare-nest-apollo.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Field, GraphQLModule, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { YARDSTICK_PLUGINS } from './yardstick-plugins';

@ObjectType('Plugin')
class PluginType {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => PluginType)
class PluginsResolver {
  @Query(() => [PluginType])
  plugins(): ReadonlyArray<PluginType> {
    return YARDSTICK_PLUGINS;
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      path: '/graphql',
      playground: false,
      // As the gateway (graphql-options.ts): the cache-control plugin wraps every field.
      plugins: [ApolloServerPluginCacheControlDisabled()],
    }),
  ],
  providers: [PluginsResolver],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: false,
  });
  // For the bench's start-up wait.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/ready', async () => 'ok');
  await app.listen(Number(process.env.BARE_NEST_PORT ?? 4131), '127.0.0.1');
  console.log('bare nest + apollo listening');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

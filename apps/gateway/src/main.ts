import { PluginLoadError } from '@frontdoor/core';
import { ConfigError, createGateway, installGracefulShutdown, loadGatewayConfig } from '@frontdoor/gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGateway({ config, shutdownHooks: false });
  installGracefulShutdown(app, { drainTimeoutMs: config.env.SHUTDOWN_DRAIN_TIMEOUT_MS });
  await app.listen({ host: config.env.HOST, port: config.env.PORT });
  console.log(`Frontdoor gateway: GraphQL at ${await app.getUrl()}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PluginLoadError) {
    console.error(`Frontdoor cannot start.\n${error.message}`);
  } else {
    console.error('Frontdoor cannot start:', error);
  }
  process.exit(1);
});

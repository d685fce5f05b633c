#!/usr/bin/env node
// The demo OpenID Connect provider as its own process: `node tools/dev-issuer/src/server.js`.
// Env: DEV_ISSUER_PORT (4020; 0 = any free port), CONSOLE_REDIRECT_URIS and CITIZEN_REDIRECT_URIS (comma-separated),
// DEV_ISSUER_WASTE_SECRET, DEV_ISSUER_MINA_ARENDEN_SECRET, DEV_ISSUER_INVOICING_SECRET, DEV_ISSUER_USERS_FILE, DEV_ISSUER_ACCESS_TOKEN_TTL_S.
// Prints "dev-issuer listening on <issuer>" once it answers; refuses NODE_ENV=production.
import { startDevIssuer } from './dev-issuer.js';

const env = process.env;
const list = (value) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

try {
  const port = Number(env.DEV_ISSUER_PORT ?? 4020);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`DEV_ISSUER_PORT: expected a port number, got "${env.DEV_ISSUER_PORT}"`);
  const ttl = Number(env.DEV_ISSUER_ACCESS_TOKEN_TTL_S ?? 3600);
  if (!Number.isInteger(ttl) || ttl < 1)
    throw new Error('DEV_ISSUER_ACCESS_TOKEN_TTL_S: expected whole seconds');
  const issuer = await startDevIssuer({
    port,
    consoleRedirectUris: list(env.CONSOLE_REDIRECT_URIS),
    citizenRedirectUris: list(env.CITIZEN_REDIRECT_URIS),
    serviceClients: {
      'waste-system': env.DEV_ISSUER_WASTE_SECRET || 'sandbox-waste-system-secret',
      // The national Mina ärenden's forwarding service, pulling customer events (kundhändelser).
      'mina-arenden': env.DEV_ISSUER_MINA_ARENDEN_SECRET || 'sandbox-mina-arenden-secret',
      // Not a service account in config/embedded.json: its tokens show the hub refusing an unknown client.
      'invoicing-system': env.DEV_ISSUER_INVOICING_SECRET || 'sandbox-invoicing-system-secret',
    },
    usersFile: env.DEV_ISSUER_USERS_FILE,
    accessTokenTtlS: ttl,
  });
  console.log(`dev-issuer listening on ${issuer.issuer}`);
  const stop = () => issuer.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`dev-issuer did not start: ${error.message}`);
  process.exit(1);
}

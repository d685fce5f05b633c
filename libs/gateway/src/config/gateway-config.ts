import type { AccessConfig } from '../access/access-config';
import { authSettings, type AuthSettings } from './auth-settings';
import { ConfigError } from './config-error';
import { gatewayFileSchema, readConfigFile, type GatewayFile } from './config-file';
import { gatewayEnvSchema, received, type GatewayEnv } from './gateway-env';

// The pieces live beside this file (env schema, config file, auth settings, the error); these
// re-exports keep the one import path the rest of the gateway uses.
export { ConfigError } from './config-error';
export { DEV_ISSUER } from './auth-settings';
export { gatewayEnvSchema, type GatewayEnv } from './gateway-env';
export { gatewayFileSchema } from './config-file';

export interface GatewayConfig {
  env: GatewayEnv;
  plugins: GatewayFile['plugins'];
  cases: GatewayFile['cases'];
  serviceTargets: GatewayFile['serviceTargets'];
  telephony: GatewayFile['telephony'];
  retention: GatewayFile['retention'];
  access: AccessConfig;
  auth: AuthSettings;
}

/**
 * Reads and validates the whole configuration: environment, then the config file with
 * `${VAR}` / `${VAR:-default}` placeholders filled from the environment (so secrets stay
 * out of the file). Throws ConfigError listing every problem, never starts half-configured.
 */
export function loadGatewayConfig(
  source: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): GatewayConfig {
  const env = gatewayEnvSchema.safeParse(source);
  if (!env.success)
    throw new ConfigError(
      env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${received(source, i.path)}`),
    );

  const file = readConfigFile(env.data.FRONTDOOR_CONFIG, source, cwd);
  const parsedFile = gatewayFileSchema.safeParse(file.content);
  if (!parsedFile.success) {
    throw new ConfigError(
      parsedFile.error.issues.map((i) => `${file.path}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }

  return {
    env: env.data,
    plugins: parsedFile.data.plugins,
    cases: parsedFile.data.cases,
    serviceTargets: parsedFile.data.serviceTargets,
    telephony: parsedFile.data.telephony,
    retention: parsedFile.data.retention,
    access: parsedFile.data.access,
    auth: authSettings(env.data, parsedFile.data.auth),
  };
}

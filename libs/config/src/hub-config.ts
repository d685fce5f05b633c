import type { AccessConfig } from './access-config';
import { authSettings, type AuthSettings } from './auth-settings';
import { ConfigError } from './config-error';
import { hubFileSchema, readConfigFile, type HubFile } from './config-file';
import { hubEnvSchema, received, type HubEnv } from './hub-env';

/** One configuration for every Frontdoor process: the gateways and the workers read the same. */
export interface HubConfig {
  env: HubEnv;
  plugins: HubFile['plugins'];
  cases: HubFile['cases'];
  serviceTargets: HubFile['serviceTargets'];
  telephony: HubFile['telephony'];
  messaging: HubFile['messaging'];
  retention: HubFile['retention'];
  access: AccessConfig;
  auth: AuthSettings;
  notices: HubFile['notices'];
  bankId: HubFile['bankId'];
}

/**
 * Reads and validates the whole configuration: environment, then the config file with
 * `${VAR}` / `${VAR:-default}` placeholders filled from the environment (so secrets stay
 * out of the file). Throws ConfigError listing every problem, never starts half-configured.
 */
export function loadHubConfig(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HubConfig {
  const env = hubEnvSchema.safeParse(source);
  if (!env.success)
    throw new ConfigError(
      env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${received(source, i.path)}`),
    );
  const file = readConfigFile(env.data.FRONTDOOR_CONFIG, source, cwd);
  const parsedFile = hubFileSchema.safeParse(file.content);
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
    messaging: parsedFile.data.messaging,
    retention: parsedFile.data.retention,
    access: parsedFile.data.access,
    notices: parsedFile.data.notices,
    auth: authSettings(env.data, parsedFile.data.auth),
    bankId: parsedFile.data.bankId,
  };
}

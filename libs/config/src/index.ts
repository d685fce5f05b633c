export { loadHubConfig, type HubConfig } from './hub-config';
export { ConfigError } from './config-error';
export { hubEnvSchema, type HubEnv } from './hub-env';
export { hubFileSchema, type HubFile } from './config-file';
export { DEV_ISSUER, type AuthSettings } from './auth-settings';
export { authFileSchema, PERSON_ROLES, type AuthMapping } from './auth-file';
export {
  accessConfigSchema,
  DEFAULT_ROLE_MANDATES,
  mandateLevelSchema,
  type AccessConfig,
} from './access-config';
export { ROLES, roleSchema, type Role } from './roles';

export { loadHubConfig, type HubConfig } from './hub-config';
export { ConfigError } from './config-error';
export { hubEnvSchema, type HubEnv } from './hub-env';
export { DEV_ISSUER, type AuthSettings } from './auth-settings';
export { authFileSchema, PERSON_ROLES, type AuthMapping } from './auth-file';
export {
  DEFAULT_PURPOSE_REASONS,
  DEFAULT_ROLE_MANDATES,
  type AccessConfig,
  type PurposeReason,
} from './access-config';
export { ROLES, roleSchema, type Role } from './roles';
export {
  bankIdSettingsSchema,
  identificationSettingsSchema,
  type BankIdSettings,
  type IdentificationSettings,
} from './bankid-settings';

export { createGateway, type CreateGatewayOptions } from './create-gateway';
export {
  loadGatewayConfig,
  ConfigError,
  gatewayEnvSchema,
  type GatewayConfig,
} from './platform/config/gateway-config';
export { TokenVerifier } from './platform/auth/token-verifier';
export { PluginHost } from './platform/plugin-runtime/plugin-host';
export { migrateDatabase } from './migrate-database';
export { installGracefulShutdown } from './platform/shutdown/graceful-shutdown';
export { ShutdownState } from './platform/shutdown/shutdown-state';
export { HUB_EVENTS } from './platform/shared-state/shared-state.providers';
export { CallNotifier } from './telephony/call-notifier';
export { ARGUMENT_TEXT_LIMITS, textRuleFor } from './platform/graphql/text-input.plugin';

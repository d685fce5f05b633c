export { createGateway, type CreateGatewayOptions } from './create-gateway';
export {
  loadGatewayConfig,
  ConfigError,
  gatewayEnvSchema,
  type GatewayConfig,
} from './config/gateway-config';
export { TokenVerifier } from './auth/token-verifier';
export { PluginHost } from './plugins/plugin-host';
export { migrateDatabase } from './migrate-database';
export { installGracefulShutdown } from './shutdown/graceful-shutdown';
export { ShutdownState } from './shutdown/shutdown-state';
export { HUB_EVENTS } from './shared-state/shared-state.providers';
export { CallNotifier } from './telephony/call-notifier';
export { ARGUMENT_TEXT_LIMITS, textRuleFor } from './graphql/text-input.plugin';

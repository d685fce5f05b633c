// The configuration is loaded by @frontdoor/config, so the worker reads it without the gateway;
// these are the gateway's names for it, kept for its own files and existing callers.
export {
  ConfigError,
  DEV_ISSUER,
  hubEnvSchema as gatewayEnvSchema,
  loadHubConfig as loadGatewayConfig,
  type HubConfig as GatewayConfig,
} from '@frontdoor/config';

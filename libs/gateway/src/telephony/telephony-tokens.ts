/**
 * Operations outside GraphQL that a service account may be granted in
 * `auth.serviceAccounts.<client>.operations`, beside the GraphQL ones: the telephony
 * platform's webhook (POST /telephony/events).
 */
export const HTTP_OPERATIONS = ['telephonyEvents'] as const;

/** The `telephony` config section (queues, service goals). */
export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');

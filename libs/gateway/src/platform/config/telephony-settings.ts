/** The `telephony` config section (queues, service goals). */
export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');

export {
  startHub,
  childcarePluginOnly,
  allPluginsWithRegister,
  TestClock,
  LogLines,
  type TestHub,
  type StartHubOptions,
  type GraphQLResponse,
} from './test-hub';
export {
  startDevIssuer,
  loginThroughIssuer,
  clientCredentialsToken,
  type DevIssuerHandle,
  type IssuerLogin,
} from './dev-issuer-handle';
export {
  startSandbox,
  sandboxConnection,
  sandboxMessaging,
  sandboxBankIdConnection,
  TEST_TODAY,
  type SandboxBankId,
  type SandboxHandle,
  type SandboxSystem,
} from './sandbox-handle';
export { createTestDatabase, type TestDatabase } from '@frontdoor/persistence';
export { demoRegisterPlugin } from './fixtures/demo-register.plugin';
export {
  INCOME_SUPPORT_FIXTURE,
  incomeSupportFixturePlugin,
  incomeSupportFixtureSettings,
  openIncomeSupportFixtureToAgents,
} from './fixtures/income-support-fixture.plugin';
export { DEMO_CASE_SETUP, demoCasesFor } from './demo-case-setup';
export {
  postCallEvent,
  subscribe,
  type PlatformCallEvent,
  type SubscriptionHandle,
} from './telephony-platform';
export { freePort, accepts, waitForPort } from './ports';
export { callSubscribers, untilCallSubscribers } from './call-subscribers';
export { hubDatabaseEnv } from './hub-database-env';
export { recentDay, dayAfter } from './recent-day';

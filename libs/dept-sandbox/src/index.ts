export {
  buildSandbox,
  buildSandboxParts,
  DEFAULT_SANDBOX_KEYS,
  type SandboxOptions,
  type SandboxParts,
} from './app';
export * from './systems/bankid';
export { DEMO_PEOPLE, type DemoPerson } from './demo-people';
export type { Fault } from './faults';
export { RequestLog, type LoggedRequest } from './request-log';
export { startMailCatcher } from './mail-catcher';
export { callScenario, type ScenarioEvent, type ScenarioOptions } from './systems/telephony/call-scenario';
export { childInCustody, namesakes, type RegisterRecord } from './systems/register/register.data';
export { SEARCH_CAP } from './systems/register/register-search';

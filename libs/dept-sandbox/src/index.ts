export { buildSandbox, DEFAULT_SANDBOX_KEYS, type SandboxOptions } from './app';
export { DEMO_PEOPLE, type DemoPerson } from './demo-people';
export type { Fault } from './faults';
export { startMailCatcher } from './mail-catcher';
export { callScenario, type ScenarioEvent, type ScenarioOptions } from './systems/telephony/call-scenario';
export { childInCustody, namesakes, type RegisterRecord } from './systems/register/register.data';
export { SEARCH_CAP } from './systems/register/register-search';

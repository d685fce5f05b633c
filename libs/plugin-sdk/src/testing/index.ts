export { describePluginContract, type PluginContractOptions, type ContractSystem } from './plugin-contract';

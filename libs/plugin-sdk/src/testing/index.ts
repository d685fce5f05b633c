export {
  describePluginContract,
  expectPathsReached,
  type PluginContractOptions,
  type ContractSystem,
} from './plugin-contract';

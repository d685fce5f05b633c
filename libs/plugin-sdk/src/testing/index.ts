export {
  describePluginContract,
  expectNoSecretInStatuses,
  expectPathsReached,
  type PluginContractOptions,
  type ContractSystem,
} from './plugin-contract';

export {
  describePluginContract,
  expectNoSecretInStatuses,
  expectPathsReached,
  expectStatusLevelsReached,
  type PluginContractOptions,
  type ContractSystem,
} from './plugin-contract';

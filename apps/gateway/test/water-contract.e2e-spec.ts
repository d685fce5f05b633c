import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { waterPlugin, waterSubscriptionCatalogue } from '@frontdoor/plugin-water';
import { TEST_TODAY, sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The water system, played by the sandbox over real HTTP, for the contract kit. */
async function waterSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'water'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'water', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: waterPlugin,
  startSystem: waterSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [waterSubscriptionCatalogue],
  actions: {
    registerMeterReading: {
      input: { personalNumber: '199001012385', meterId: 'M-40012', reading: 1301, readOn: TEST_TODAY },
    },
  },
});

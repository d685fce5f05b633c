import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { parkingFineCatalogue, parkingPermitCatalogue, parkingPlugin } from '@frontdoor/plugin-parking';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The parking system, played by the sandbox over real HTTP, for the contract kit. */
async function parkingSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'parking'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'parking', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: parkingPlugin,
  startSystem: parkingSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [parkingPermitCatalogue, parkingFineCatalogue],
  actions: {
    requestParkingFineReview: {
      input: {
        personalNumber: '199001012385',
        fineId: 'FP-2026-003120',
        reason: 'SIGN_UNCLEAR',
        message: 'Skylten om datumparkering satt bakom ett träd och syntes inte.',
      },
    },
  },
});

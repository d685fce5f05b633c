import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { homeCareDecisionCatalogue, homeCarePlugin } from '@frontdoor/plugin-home-care';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The home-care system, played by the sandbox over real HTTP, for the contract kit. */
async function homeCareSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'homecare'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'homecare', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: homeCarePlugin,
  startSystem: homeCareSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '190001019801',
  personWithout: '189001019802',
  catalogues: [homeCareDecisionCatalogue],
  actions: {
    requestHomeCareChange: {
      input: {
        personalNumber: '190001019801',
        kind: 'PAUSE_VISITS',
        pauseFrom: '2026-11-26',
        pauseTo: '2026-12-03',
        message: 'Olga ligger på lasarettet, dottern hör av sig när hon kommer hem.',
      },
    },
  },
});

import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { swimBookingCatalogue, swimQueueCatalogue, swimmingPlugin } from '@frontdoor/plugin-swimming';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The bath system, played by the sandbox over real HTTP, for the contract kit. */
async function swimSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'swim'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'swim', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: swimmingPlugin,
  startSystem: swimSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [swimQueueCatalogue, swimBookingCatalogue],
  actions: {
    cancelSwimBooking: {
      input: { personalNumber: '199001012385', bookingId: 'SB-2026-88120', reason: 'Elsa är sjuk' },
    },
  },
});

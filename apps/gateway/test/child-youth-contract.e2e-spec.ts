import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import {
  childYouthPlugin,
  interventionCatalogue,
  investigationCatalogue,
} from '@frontdoor/plugin-child-youth';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The social-services system for children (Barn och unga), played by the sandbox over real HTTP. */
async function childYouthSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'child-youth'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'child-youth', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: childYouthPlugin,
  startSystem: childYouthSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  // Elsa: an investigation, a kontaktperson and a kontaktfamilj (whose home is a whereabouts).
  personWithMatters: '201708142425',
  personWithout: '189001019802',
  // Tilde: an investigation marked sekretess mot vårdnadshavare.
  closedToRepresentatives: '202402292383',
  catalogues: [investigationCatalogue, interventionCatalogue],
  actions: {
    requestCaseOfficerCallback: {
      input: {
        personalNumber: '201708142425',
        callbackNumber: '070-123 45 67',
        message: 'Mamma Anna vill prata om kontaktfamiljen.',
      },
    },
  },
});

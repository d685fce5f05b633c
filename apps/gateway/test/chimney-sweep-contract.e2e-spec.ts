import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { chimneySweepPlugin, protocolResultCatalogue } from '@frontdoor/plugin-chimney-sweep';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The sweep register, played by the sandbox over real HTTP, for the contract kit. */
async function sweepRegister(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'chimney-sweep'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'chimney-sweep', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: chimneySweepPlugin,
  startSystem: sweepRegister,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [protocolResultCatalogue],
});

import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { schoolAbsencePlugin, stockholmDay } from '@frontdoor/plugin-school-absence';
import { sandboxConnection, startSandbox } from '@frontdoor/testing';

/** The school administration system, played by the sandbox over real HTTP, for the contract kit. */
async function schoolSystem(): Promise<ContractSystem> {
  const sandbox = await startSandbox();
  return {
    connection: sandboxConnection(sandbox, 'school'),
    config: {},
    setFault: (mode) => (mode ? sandbox.setFault({ system: 'school', mode }) : sandbox.clearFaults()),
    close: () => sandbox.close(),
  };
}

describePluginContract({
  plugin: schoolAbsencePlugin,
  startSystem: schoolSystem,
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  // Elsa, a pupil with school, class and absences (her school is where she is by day: whereabouts).
  personWithMatters: '201708142425',
  personWithout: '189001019802',
  // Absences have no status catalogue of their own: a registered absence is COMPLETED.
  catalogues: [],
  actions: {
    reportPupilSick: {
      input: {
        pupilPersonalNumber: '201708142425',
        guardianPersonalNumber: '199001012385',
        date: stockholmDay(),
        partOfDay: 'FULL_DAY',
      },
    },
  },
});

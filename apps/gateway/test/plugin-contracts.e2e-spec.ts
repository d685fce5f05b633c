import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import type { ConnectionSettingsInput } from '@frontdoor/plugin-sdk';
import { childcareQueuePlugin, childcareStatusCatalogue } from '@frontdoor/plugin-childcare-queue';
import { buildingPermitsPlugin, permitStageCatalogue } from '@frontdoor/plugin-building-permits';
import { incomeSupportPlugin, incomeSupportStateCatalogue } from '@frontdoor/plugin-income-support';
import { invoicingPlugin, invoiceStatusCatalogue } from '@frontdoor/plugin-invoicing';
import { populationRegisterPlugin } from '@frontdoor/plugin-population-register';
import { wasteCollectionPlugin, wasteSubscriptionCatalogue } from '@frontdoor/plugin-waste-collection';
import { sandboxConnection, startSandbox, type SandboxSystem } from '@frontdoor/testing';

/** The department system a plugin talks to, played by the sandbox over real HTTP, for the contract kit. */
function sandboxSystem(system: SandboxSystem, config: Record<string, unknown> = {}) {
  return async (): Promise<ContractSystem> => {
    const sandbox = await startSandbox();
    const connection: ConnectionSettingsInput = sandboxConnection(sandbox, system);
    return {
      connection,
      config,
      setFault: (mode) => (mode ? sandbox.setFault({ system, mode }) : sandbox.clearFaults()),
      close: () => sandbox.close(),
    };
  };
}

describePluginContract({
  plugin: childcareQueuePlugin,
  startSystem: sandboxSystem('childcare'),
  invalidConfigs: [{ key: '(root)', config: { baseUrl: 'http://127.0.0.1/' } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [childcareStatusCatalogue],
});

describePluginContract({
  plugin: wasteCollectionPlugin,
  startSystem: sandboxSystem('waste'),
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [wasteSubscriptionCatalogue],
  queries: { property: { found: { address: 'storgatan 12' }, none: { address: 'Ingenstans 999' } } },
  actions: {
    orderBulkyWastePickup: {
      input: {
        propertyId: 'P-1001',
        preferredDate: '2026-12-01',
        description: 'En soffa',
        orderedBy: '199001012385',
      },
    },
  },
});

describePluginContract({
  plugin: invoicingPlugin,
  startSystem: sandboxSystem('invoicing', { pageSize: 2 }),
  invalidConfigs: [{ key: 'pageSize', config: { pageSize: 0 } }],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [invoiceStatusCatalogue],
});

// A secrecy department (SDK 4.2): Bertil Berg's decided application; the kit also checks that
// the decided amount (its secret field) is in no status text, for any kind of reader.
describePluginContract({
  plugin: incomeSupportPlugin,
  startSystem: sandboxSystem('income-support'),
  invalidConfigs: [{ key: '(root)', config: { apiKey: 'k' } }],
  personWithMatters: '196408233234',
  personWithout: '199001012385',
  catalogues: [incomeSupportStateCatalogue],
});

describePluginContract({
  plugin: buildingPermitsPlugin,
  startSystem: sandboxSystem('permits'),
  personWithMatters: '196408233234',
  personWithout: '189001019802',
  catalogues: [permitStageCatalogue],
  queries: {
    buildingPermit: { found: { caseNumber: 'bn 2026-000123' }, none: { caseNumber: 'BN 2026-999999' } },
  },
});

describePluginContract({
  plugin: populationRegisterPlugin,
  startSystem: sandboxSystem('register'),
  invalidConfigs: [{ key: '(root)', config: { apiKey: 'k' } }],
  personWithMatters: '199001012385',
  personWithout: '191212121212',
  catalogues: [],
  matters: false,
  queries: { personSearch: { found: { name: 'Anna Andersson' }, none: { name: 'Zyxwvu' } } },
});

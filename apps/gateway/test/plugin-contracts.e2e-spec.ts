import { describePluginContract, type ContractSystem } from '@frontdoor/plugin-sdk/testing';
import { childcareQueuePlugin, childcareStatusCatalogue } from '@frontdoor/plugin-childcare-queue';
import { buildingPermitsPlugin, permitStageCatalogue } from '@frontdoor/plugin-building-permits';
import { invoicingPlugin, invoiceStatusCatalogue } from '@frontdoor/plugin-invoicing';
import { populationRegisterPlugin } from '@frontdoor/plugin-population-register';
import { wasteCollectionPlugin, wasteSubscriptionCatalogue } from '@frontdoor/plugin-waste-collection';
import { startSandbox } from '@frontdoor/testing';

/** The department system a plugin talks to, played by the sandbox, for the contract kit. */
function sandboxSystem(
  system: 'childcare' | 'invoicing' | 'permits' | 'waste' | 'register',
  config: (url: string) => Record<string, unknown>,
) {
  return async (): Promise<ContractSystem> => {
    const sandbox = await startSandbox();
    return {
      config: config(sandbox.url),
      setFault: (mode) => (mode ? sandbox.setFault({ system, mode }) : sandbox.clearFaults()),
      close: () => sandbox.close(),
    };
  };
}

describePluginContract({
  plugin: childcareQueuePlugin,
  startSystem: sandboxSystem('childcare', (url) => ({
    baseUrl: `${url}/childcare/`,
    apiKey: 'sandbox-childcare-key',
  })),
  invalidConfigs: [
    { key: 'baseUrl', config: { baseUrl: 'not a url', apiKey: 'k' } },
    { key: 'apiKey', config: { baseUrl: 'http://127.0.0.1/', apiKey: '' } },
  ],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [childcareStatusCatalogue],
});

describePluginContract({
  plugin: wasteCollectionPlugin,
  startSystem: sandboxSystem('waste', (url) => ({ baseUrl: `${url}/waste/`, apiKey: 'sandbox-waste-key' })),
  invalidConfigs: [
    { key: 'baseUrl', config: { apiKey: 'k' } },
    { key: 'apiKey', config: { baseUrl: 'http://127.0.0.1/' } },
  ],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [wasteSubscriptionCatalogue],
});

describePluginContract({
  plugin: invoicingPlugin,
  startSystem: sandboxSystem('invoicing', (url) => ({
    baseUrl: `${url}/invoicing/`,
    clientId: 'frontdoor-sandbox',
    clientSecret: 'sandbox-invoicing-secret',
    pageSize: 2,
  })),
  invalidConfigs: [
    { key: 'clientSecret', config: { baseUrl: 'http://127.0.0.1/', clientId: 'x', clientSecret: '' } },
    {
      key: 'pageSize',
      config: { baseUrl: 'http://127.0.0.1/', clientId: 'x', clientSecret: 'y', pageSize: 0 },
    },
  ],
  personWithMatters: '199001012385',
  personWithout: '189001019802',
  catalogues: [invoiceStatusCatalogue],
});

describePluginContract({
  plugin: buildingPermitsPlugin,
  startSystem: sandboxSystem('permits', (url) => ({
    baseUrl: `${url}/permits/`,
    apiKey: 'sandbox-permits-key',
  })),
  invalidConfigs: [
    { key: 'baseUrl', config: { baseUrl: 'permits', apiKey: 'k' } },
    { key: 'apiKey', config: { baseUrl: 'http://127.0.0.1/' } },
  ],
  personWithMatters: '196408233234',
  personWithout: '189001019802',
  catalogues: [permitStageCatalogue],
});

describePluginContract({
  plugin: populationRegisterPlugin,
  startSystem: sandboxSystem('register', (url) => ({
    baseUrl: `${url}/register/`,
    apiKey: 'sandbox-register-key',
  })),
  invalidConfigs: [
    { key: 'baseUrl', config: { baseUrl: 'navet', apiKey: 'k' } },
    { key: 'apiKey', config: { baseUrl: 'http://127.0.0.1/', apiKey: '' } },
  ],
  personWithMatters: '199001012385',
  personWithout: '202402292383',
  catalogues: [],
  matters: false,
});

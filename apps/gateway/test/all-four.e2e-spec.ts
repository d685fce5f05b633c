import { PluginHost } from '@frontdoor/gateway';
import { startHub, startSandbox, type SandboxHandle, type TestHub } from '@frontdoor/testing';

const OVERVIEW = `{ person(personalNumber: "199001012385") {
  statuses { source reference state label }
  sources { plugin state }
} }`;

interface Overview {
  person: { statuses: { source: string; reference: string }[]; sources: { plugin: string; state: string }[] };
}

describe('the all-four demo person: one question, four departments', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox });
    await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('merges the statuses of all four plugins, newest first', async () => {
    const { data, errors } = await hub.graphql<Overview>(OVERVIEW);
    expect(errors).toBeUndefined();
    const { statuses, sources } = data!.person;
    expect(new Set(statuses.map((s) => s.source))).toEqual(
      new Set(['childcare-queue', 'invoicing', 'waste-collection', 'building-permits']),
    );
    expect(statuses.map((s) => s.reference)).toEqual([
      'P-1001', // waste data imported today
      'FSK-2026-0412', // offer made 2 days ago
      'BN 2026-000187', // documents requested 3 days ago
      'BN 2026-000123',
      '2026-10045',
      '2026-09031',
      'FSK-2026-0977',
      '2026-08017',
      '2026-07002',
      '2026-06950',
    ]);
    expect(sources.map((s) => s.state)).toEqual(['OK', 'OK', 'OK', 'OK']);
  });

  it('with one department hanging, still answers from the other three within the deadline, waste from its import', async () => {
    await sandbox.setFault({ system: 'childcare', mode: 'hang' });
    await sandbox.setFault({ system: 'waste', mode: 'hang' });
    try {
      const started = Date.now();
      const { data, errors } = await hub.graphql<Overview>(
        `{ person(personalNumber: "196408233234") { statuses { source } sources { plugin state } } }`,
      );
      const elapsed = Date.now() - started;
      const { statuses, sources } = data!.person;
      expect(new Set(statuses.map((s) => s.source))).toEqual(new Set(['invoicing', 'building-permits']));
      expect(sources).toEqual([
        { plugin: 'childcare-queue', state: 'FAILED' },
        { plugin: 'invoicing', state: 'OK' },
        { plugin: 'waste-collection', state: 'OK' }, // not a customer, but answered from imported data while its system hangs
        { plugin: 'building-permits', state: 'OK' },
      ]);
      expect(errors?.map((e) => e.extensions?.plugin)).toEqual(['childcare-queue']);
      expect(elapsed).toBeLessThan(1500 + 1000);
    } finally {
      await sandbox.clearFaults();
    }
  });
});

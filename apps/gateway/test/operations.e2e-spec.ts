import {
  childcarePluginOnly,
  startHub,
  sandboxConnection,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

interface HealthBody {
  status: string;
  details: Record<string, { status: string } & Record<string, string>>;
}

describe('health and metrics endpoints', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        'childcare-queue': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'childcare'),
        },
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('is live', async () => {
    const response = await fetch(`${hub.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready with the database up, and reports each department', async () => {
    const response = await fetch(`${hub.url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.departments).toEqual({
      status: 'up',
      'childcare-queue': { status: 'up', url: `${sandbox.url}/childcare/api/v1/health` },
    });
  });

  it('is not ready when the database is gone', async () => {
    // No jobs in this gateway: a queue poll in flight on a DataSource destroyed under it never
    // settles (pg's ended pool), which is this test's way of losing the database, not the point.
    const isolated = await startHub({
      sandbox,
      plugins: childcarePluginOnly(sandbox),
      env: { JOBS_IN_PROCESS: 'false' },
    });
    try {
      await isolated.dataSource.destroy();
      const response = await fetch(`${isolated.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as HealthBody).details.database.status).toBe('down');
    } finally {
      await isolated.close();
    }
  });

  it('exposes request latency per operation and department call latency and errors', async () => {
    await hub.graphql(
      'query OverviewForAgent { person(personalNumber: "199001012385") { statuses { reference } } }',
    );
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    await hub.graphql('{ person(personalNumber: "199001012385") { statuses { reference } } }');
    await sandbox.clearFaults();

    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toMatch(
      /frontdoor_graphql_request_duration_seconds_count\{operation="OverviewForAgent",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /frontdoor_plugin_call_duration_seconds_count\{plugin="childcare-queue",operation="person",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /frontdoor_plugin_errors_total\{plugin="childcare-queue",code="SOURCE_UNAVAILABLE"\} 1/,
    );
  });
});

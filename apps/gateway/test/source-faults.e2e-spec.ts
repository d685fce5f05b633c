import { childcareQueuePlugin } from '@frontdoor/plugin-childcare-queue';
import {
  demoRegisterPlugin,
  startHub,
  sandboxConnection,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const QUERY = `{ person(personalNumber: "199001012385") {
  personalNumber
  statuses { source reference }
  childcareQueue { applications { applicationId } }
  demoRegister { name }
} }`;

const DEADLINE_MS = 400;

function plugins(sandbox: SandboxHandle, breaker = { consecutiveFailures: 50, halfOpenAfterMs: 60_000 }) {
  return {
    'childcare-queue': {
      timeoutMs: DEADLINE_MS,
      breaker,
      cache: { ttlMs: 0, staleIfErrorMs: 0 },
      connection: sandboxConnection(sandbox, 'childcare'),
    },
    'demo-register': {
      timeoutMs: DEADLINE_MS,
      connection: { baseUrl: sandbox.url, auth: { scheme: 'none' } },
    },
  };
}

const loadModule = (specifier: string) =>
  specifier === '@frontdoor/plugin-demo-register'
    ? { plugin: demoRegisterPlugin }
    : { plugin: childcareQueuePlugin };

describe('a department system that fails yields its part as an error, the rest still answers', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: plugins(sandbox), loadModule });
    // The first request of a fresh process pays for connections and JIT; on a loaded CI
    // machine that alone can pass the short deadline these tests use.
    await hub.graphql(QUERY);
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('answers from both departments when nothing is wrong', async () => {
    const { data, errors } = await hub.graphql(QUERY);
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      person: {
        childcareQueue: {
          applications: [{ applicationId: 'FSK-2026-0412' }, { applicationId: 'FSK-2026-0977' }],
        },
        demoRegister: { name: 'Anna Andersson' },
      },
    });
  });

  it.each([
    {
      mode: 'slow' as const,
      delayMs: 1500,
      code: 'SOURCE_UNAVAILABLE',
      reason: `no answer within ${DEADLINE_MS} ms`,
    },
    { mode: 'hang' as const, code: 'SOURCE_UNAVAILABLE', reason: `no answer within ${DEADLINE_MS} ms` },
    { mode: 'error' as const, code: 'SOURCE_UNAVAILABLE', reason: 'HTTP 500' },
    { mode: 'garbage' as const, code: 'SOURCE_INVALID_RESPONSE', reason: 'applications' },
  ])(
    'childcare $mode: $code on its fields, the other department intact, within the deadline',
    async ({ mode, delayMs, code, reason }) => {
      await sandbox.setFault({ system: 'childcare', mode, delayMs });
      const started = Date.now();
      const { status, data, errors } = await hub.graphql(QUERY);
      const elapsed = Date.now() - started;

      expect(status).toBe(200);
      expect(data).toEqual({
        person: {
          personalNumber: '199001012385',
          statuses: [{ source: 'demo-register', reference: 'DEMO-1' }],
          childcareQueue: null,
          demoRegister: { name: 'Anna Andersson' },
        },
      });
      // One error for the detail field, one for its part of the status list; both name the plugin.
      expect(errors?.map((e) => e.path?.join('.')).sort()).toEqual([
        'person.childcareQueue',
        'person.statuses',
      ]);
      for (const error of errors!) {
        expect(error.extensions).toEqual({ code, plugin: 'childcare-queue', department: 'Förskola' });
        expect(error.message).toContain(reason);
      }
      // The deadline bounds the wait (with slack for a loaded machine); without it a hang would never return.
      expect(elapsed).toBeLessThan(DEADLINE_MS + 1000);
    },
  );
});

describe('the circuit breaker pauses a department that keeps failing', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: plugins(sandbox, { consecutiveFailures: 3, halfOpenAfterMs: 60_000 }),
      loadModule,
    });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('opens after the configured failures and stops calling the department', async () => {
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    const statusesOnly = '{ person(personalNumber: "199001012385") { statuses { source } } }';
    for (let i = 0; i < 3; i++) {
      const { errors } = await hub.graphql(statusesOnly);
      expect(errors?.[0].message).toContain('HTTP 500');
    }
    // The department is healthy again, but the open circuit does not call it until half-open.
    await sandbox.clearFaults();
    const { errors } = await hub.graphql(statusesOnly);
    expect(errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', plugin: 'childcare-queue' });
    expect(errors?.[0].message).toContain('circuit open');
  });
});

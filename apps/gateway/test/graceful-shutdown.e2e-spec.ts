import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createTestDatabase,
  sandboxConnection,
  startSandbox,
  type SandboxHandle,
  type TestDatabase,
} from '@frontdoor/testing';

const ROOT = resolve(__dirname, '../../..');

interface GatewayProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The real gateway process (`npm run gateway`), as an operator runs it. */
async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const until = Date.now() + 30_000;
  let url: string | undefined;
  while (!url) {
    url = /GraphQL at (http:\/\/[^\s]+)\/graphql/.exec(stdout)?.[1];
    if (child.exitCode !== null) throw new Error(`gateway exited at start: ${stderr}`);
    if (Date.now() > until) throw new Error(`gateway did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Pino's JSON lines in the process's stdout. */
const logLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });

describe('graceful shutdown of the gateway process (SIGTERM)', () => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  beforeAll(async () => {
    sandbox = await startSandbox();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.drop();
  });

  it('fails readiness at once, answers the request in flight, refuses new connections, exits 0 without error logs', async () => {
    const configPath = join(mkdtempSync(join(tmpdir(), 'fd-shutdown-')), 'frontdoor.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        plugins: {
          'childcare-queue': {
            timeoutMs: 5000,
            connection: sandboxConnection(sandbox, 'childcare'),
          },
        },
      }),
    );
    const gateway = await startGatewayProcess({
      ...database.env,
      FRONTDOOR_CONFIG: configPath,
      SHUTDOWN_DRAIN_TIMEOUT_MS: '8000',
    });
    try {
      const tokenResponse = await fetch(`${gateway.url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'agent', sub: 'agent-shutdown' }),
      });
      const { token } = (await tokenResponse.json()) as { token: string };
      expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);

      await sandbox.setFault({ system: 'childcare', mode: 'slow', delayMs: 1500 });
      const inFlight = fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: '{ person(personalNumber: "199001012385") { statuses { reference } } }',
        }),
      });
      await new Promise((r) => setTimeout(r, 300));
      const signalledAt = Date.now();
      gateway.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      // New connections are refused (a load balancer tries the other replica).
      await expect(fetch(`${gateway.url}/health/ready`)).rejects.toThrow();

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        person: { statuses: [{ reference: 'FSK-2026-0412' }, { reference: 'FSK-2026-0977' }] },
      });

      expect(await gateway.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(8000);
      expect(gateway.stderr()).toBe('');
      const lines = logLines(gateway.stdout());
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['shutting down: readiness off, finishing requests in flight', 'stopped']),
      );
    } finally {
      await sandbox.clearFaults();
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  }, 60_000);
});

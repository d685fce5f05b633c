import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type SandboxHandle } from '@frontdoor/testing';

const ROOT = resolve(__dirname, '../../..');
const CHILDCARE_KEY = 'sandbox-childcare-key';
const WRONG_INVOICING_SECRET = 'wrong-secret-Zq81xP';

/**
 * Runs the real gateway process with the most verbose logging, drives it through
 * successes and failures, and greps everything it printed for the secrets and tokens it handled.
 */
describe('secrets never appear in logs or errors', () => {
  let sandbox: SandboxHandle;
  let gateway: ChildProcess;
  let output = '';
  let url = '';

  beforeAll(async () => {
    sandbox = await startSandbox();
    const dir = mkdtempSync(join(tmpdir(), 'fd-secrets-'));
    const config = join(dir, 'frontdoor.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        plugins: {
          'childcare-queue': {
            cache: { ttlMs: 0, staleIfErrorMs: 0 },
            connection: {
              baseUrl: `${sandbox.url}/childcare/`,
              auth: { scheme: 'api-key', key: '${CHILDCARE_KEY}' },
            },
          },
          invoicing: {
            connection: {
              baseUrl: `${sandbox.url}/invoicing/`,
              auth: {
                scheme: 'oauth2-client-credentials',
                clientId: 'frontdoor-sandbox',
                clientSecret: '${INVOICING_SECRET}',
              },
            },
          },
        },
      }),
    );
    gateway = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        LOG_LEVEL: 'trace',
        DATA_DIR: dir,
        FRONTDOOR_CONFIG: config,
        CHILDCARE_KEY,
        INVOICING_SECRET: WRONG_INVOICING_SECRET,
      },
    });
    gateway.stdout!.on('data', (chunk) => (output += chunk));
    gateway.stderr!.on('data', (chunk) => (output += chunk));
    const until = Date.now() + 30_000;
    while (!/GraphQL at (http:\/\/\S+)\/graphql/.test(output)) {
      if (Date.now() > until) throw new Error(`gateway did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    url = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output)![1];
  }, 40_000);
  afterAll(async () => {
    gateway?.kill('SIGTERM');
    await sandbox?.close();
  });

  it('keeps API keys, client secrets and bearer tokens out of everything printed and answered', async () => {
    const { token } = (await (
      await fetch(`${url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'agent', sub: 'agent-1' }),
      })
    ).json()) as { token: string };
    const ask = async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-api-key': CHILDCARE_KEY,
        },
        body: JSON.stringify({
          query:
            '{ person(personalNumber: "199001012385") { statuses { reference } invoices { invoiceNumber } } }',
        }),
      });
      return response.text();
    };
    const answers = [await ask()];
    for (const mode of ['error', 'garbage'] as const) {
      await sandbox.setFault({ system: 'childcare', mode });
      answers.push(await ask());
    }
    await sandbox.clearFaults();
    await new Promise((r) => setTimeout(r, 300)); // let the last log lines flush

    expect(answers.join()).toContain('SOURCE_UNAVAILABLE'); // the wrong invoicing secret was used and failed
    expect(output).toContain('department system call failed'); // the logs did record the failures
    for (const secret of [CHILDCARE_KEY, WRONG_INVOICING_SECRET, token]) {
      expect(output).not.toContain(secret);
      expect(answers.join()).not.toContain(secret);
    }
  });
});

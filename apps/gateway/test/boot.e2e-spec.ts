import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Runs the real gateway process as an operator would, and collects how it ends. */
function runGateway(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fd-boot-')),
        PORT: '0',
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`gateway did not exit; stderr: ${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

function configFile(plugins: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-boot-config-')), 'frontdoor.config.json');
  writeFileSync(path, JSON.stringify({ plugins }));
  return path;
}

describe('a bad configuration stops the gateway with a message naming the key', () => {
  it('for an environment value', async () => {
    const { code, stderr } = await runGateway({ PORT: 'http' });
    expect(code).toBe(1);
    expect(stderr).toContain('Frontdoor cannot start.');
    expect(stderr).toContain('PORT:');
  });

  it('for a plugin’s own configuration, naming the plugin and the key, without echoing the secret', async () => {
    const path = configFile({
      'childcare-queue': {
        connection: { baseUrl: 'childcare.local', auth: { scheme: 'api-key', key: 'top-secret-key' } },
      },
    });
    const { code, stderr } = await runGateway({ FRONTDOOR_CONFIG: path });
    expect(code).toBe(1);
    expect(stderr).toContain('plugins.childcare-queue.connection.baseUrl:');
    expect(stderr).not.toContain('top-secret-key');
  });

  it('for the demo issuer in production', async () => {
    const { code, stderr } = await runGateway({ NODE_ENV: 'production', AUTH_DEV_ISSUER: 'true' });
    expect(code).toBe(1);
    expect(stderr).toContain('AUTH_DEV_ISSUER');
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANKID_CERT_FILES, type Fault } from '@frontdoor/dept-sandbox';
import { TEST_TODAY, waitForPort } from '@frontdoor/testing';

const ROOT = join(__dirname, '../../..');

/** The department sandbox in a process of its own, and the admin calls a bench makes to it. */
export interface SandboxProcess {
  url: string;
  setFault(fault: Fault): Promise<void>;
  /** The hub's `bankId` section: the sandbox's RP API and the certificate files it wrote. */
  bankIdConnection: { baseUrl: string; clientCertFile: string; clientKeyFile: string; caFile: string };
  /** The caller acts in the BankID app (the sandbox's admin call). */
  bankIdCaller(orderRef: string, action: 'approve'): Promise<void>;
  bankIdOrders(): Promise<{ orderRef: string; personalNumber: string; status: string }[]>;
  close(): void;
}

/**
 * Starts apps/dept-sandbox as a child process on `port` (BankID on port + 1, its mail catcher
 * on port + 2), on the day the test hubs think it is, so that the departments' own work runs
 * on its own event loop and is not counted as the hub's.
 */
export async function startSandboxProcess(port: number): Promise<SandboxProcess> {
  const certificates = mkdtempSync(join(tmpdir(), 'frontdoor-bench-bankid-'));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/dept-sandbox/src/main.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_BANKID_PORT: String(port + 1),
      SANDBOX_SMTP_PORT: String(port + 2),
      SANDBOX_BANKID_CERT_DIR: certificates,
      SANDBOX_TODAY: TEST_TODAY,
    },
  });
  try {
    await waitForPort(port, 60_000, 'dept-sandbox');
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const admin = async (path: string, body: unknown, status: number) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== status)
      throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  };
  return {
    url,
    setFault: (fault) => admin('/admin/faults', fault, 204),
    bankIdConnection: {
      baseUrl: `https://127.0.0.1:${port + 1}/rp/v6.0/`,
      clientCertFile: join(certificates, BANKID_CERT_FILES.clientCert),
      clientKeyFile: join(certificates, BANKID_CERT_FILES.clientKey),
      caFile: join(certificates, BANKID_CERT_FILES.ca),
    },
    bankIdCaller: (orderRef, action) => admin(`/admin/bankid/orders/${orderRef}/${action}`, {}, 200),
    bankIdOrders: async () => (await (await fetch(`${url}/admin/bankid/orders`)).json()) as never,
    close: () => child.kill('SIGTERM'),
  };
}

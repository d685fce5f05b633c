import { buildSandbox, type Fault, type SandboxOptions } from '@frontdoor/dept-sandbox';

/** The department sandbox listening on a free loopback port, with its fault controls. */
export interface SandboxHandle {
  url: string;
  setFault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_TODAY = '2026-11-24';

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const app = buildSandbox({ today: TEST_TODAY, ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const control = async (method: string, body?: unknown) => {
    const response = await fetch(`${url}/admin/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status !== 204)
      throw new Error(`sandbox /admin/faults ${method}: ${response.status} ${await response.text()}`);
  };
  return {
    url,
    setFault: (fault) => control('POST', fault),
    clearFaults: () => control('DELETE'),
    close: () => app.close(),
  };
}

/** The department systems the sandbox plays, by the path prefix they live under. */
export type SandboxSystem =
  | 'childcare'
  | 'invoicing'
  | 'permits'
  | 'waste'
  | 'register'
  | 'income-support'
  | 'homecare'
  | 'water'
  | 'chimney-sweep';

/**
 * The `connection` an installation would configure for one sandbox system: its base URL
 * and the auth it speaks (API keys, OAuth2 client credentials for invoicing), as in
 * `config/embedded.json`.
 */
export function sandboxConnection(sandbox: { url: string }, system: SandboxSystem) {
  const baseUrl = `${sandbox.url}/${system}/`;
  if (system === 'invoicing') {
    return {
      baseUrl,
      auth: {
        scheme: 'oauth2-client-credentials' as const,
        clientId: 'frontdoor-sandbox',
        clientSecret: 'sandbox-invoicing-secret',
      },
    };
  }
  return { baseUrl, auth: { scheme: 'api-key' as const, key: `sandbox-${system}-key` } };
}

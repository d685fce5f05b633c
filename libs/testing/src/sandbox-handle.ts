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

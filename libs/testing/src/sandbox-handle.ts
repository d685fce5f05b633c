import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BANKID_CERT_FILES,
  buildBankIdServer,
  buildSandboxParts,
  generateBankIdCertificates,
  type BankIdTestCertificates,
  type Fault,
  type LoggedRequest,
  type SandboxOptions,
} from '@frontdoor/dept-sandbox';

/** The department sandbox listening on a free loopback port, with its fault controls. */
export interface SandboxHandle {
  url: string;
  /** The BankID RP API over HTTPS with mutual TLS, its test certificates and the caller's side. */
  bankId: SandboxBankId;
  setFault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** What the sandbox's systems were asked, oldest first; `system` is the path prefix (e.g. `income-support`). */
  requests(system?: SandboxSystem): LoggedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

export interface SandboxBankId {
  /** e.g. https://127.0.0.1:1234/rp/v6.0/ */
  baseUrl: string;
  certificates: BankIdTestCertificates & { directory: string };
  /** The caller acts in the app: `approve` (optionally as another person), `decline`, `fail`, `hint`. */
  caller(orderRef: string, action: 'approve' | 'decline' | 'fail' | 'hint', body?: unknown): Promise<void>;
  /** The orders the sandbox holds, newest last (to find the one the hub started). */
  orders(): Promise<
    { orderRef: string; personalNumber: string; status: string; hintCode?: string; collects: number }[]
  >;
}

export const TEST_TODAY = '2026-11-24';

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const parts = buildSandboxParts({ today: TEST_TODAY, ...options });
  const app = parts.app;
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const certificates = await generateBankIdCertificates(mkdtempSync(join(tmpdir(), 'frontdoor-bankid-')));
  const bankIdServer = buildBankIdServer(parts.bankIdOrders, parts.faults, certificates);
  const bankIdUrl = await bankIdServer.listen({ host: '127.0.0.1', port: 0 });
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
    bankId: {
      baseUrl: `${bankIdUrl}/rp/v6.0/`,
      certificates: { ...certificates, directory: certificates.directory! },
      async caller(orderRef, action, body) {
        const response = await fetch(`${url}/admin/bankid/orders/${orderRef}/${action}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        });
        if (response.status !== 200)
          throw new Error(`sandbox bankid ${action}: ${response.status} ${await response.text()}`);
      },
      async orders() {
        return (await (await fetch(`${url}/admin/bankid/orders`)).json()) as never;
      },
    },
    setFault: (fault) => control('POST', fault),
    clearFaults: () => control('DELETE'),
    requests: (system) => parts.requests.list(system),
    clearRequests: () => parts.requests.clear(),
    close: async () => {
      await bankIdServer.close();
      await app.close();
    },
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
  | 'child-youth'
  | 'parking'
  | 'swim'
  | 'water'
  | 'chimney-sweep'
  | 'school';

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

/**
 * The `messaging` section pointing at the sandbox's SMS provider and digital mailbox, as in
 * `config/embedded.json`; short timeouts so a slow provider is a failed try in a test, and
 * delivery reports read at once.
 */
export function sandboxMessaging(sandbox: { url: string }, overrides: Record<string, unknown> = {}) {
  return {
    sms: {
      baseUrl: `${sandbox.url}/sms/`,
      apiKey: 'sandbox-sms-key',
      sender: 'Exempelstad',
      timeoutMs: 1000,
      // The sandbox has the operator's report at once.
      deliveryReportAfterMs: 0,
    },
    digitalMailbox: {
      baseUrl: `${sandbox.url}/mailbox/`,
      apiKey: 'sandbox-mailbox-key',
      senderOrgNumber: '212000-0000',
      senderName: 'Exempelstads kommun',
      timeoutMs: 1000,
    },
    attemptsBeforeFallback: 2,
    ...overrides,
  };
}

/** The hub's `bankId` connection to the sandbox: its URL and the certificate files it wrote. */
export function sandboxBankIdConnection(sandbox: SandboxHandle) {
  const file = (name: string) => join(sandbox.bankId.certificates.directory, name);
  return {
    baseUrl: sandbox.bankId.baseUrl,
    clientCertFile: file(BANKID_CERT_FILES.clientCert),
    clientKeyFile: file(BANKID_CERT_FILES.clientKey),
    caFile: file(BANKID_CERT_FILES.ca),
  };
}

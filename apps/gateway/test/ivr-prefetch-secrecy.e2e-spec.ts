import { CallNotifier } from '@frontdoor/gateway';
import {
  postCallEvent,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const BERTIL = '196408233234'; // has an income-support application and a childcare application
const PLATFORM = 'telephony-platform';

/**
 * Issue 24 (commit e3ccc50): a personal number keyed in the IVR starts the departments' reads
 * before the call is answered, but never a secrecy department's: its data is read only once the
 * caller is identified (decision 0076). Proven from the sandbox's side, by what its systems were
 * asked.
 */
describe('the IVR prefetch never asks a secrecy department', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let platform: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        'income-support': { connection: sandboxConnection(sandbox, 'income-support') },
        'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
        'population-register': { connection: sandboxConnection(sandbox, 'register') },
      },
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    });
    platform = await hub.token('service', PLATFORM);
  });
  afterAll(async () => {
    await hub?.app.get(CallNotifier).idle();
    await hub?.close();
    await sandbox?.close();
  });

  const askedAbout = (system: 'childcare' | 'register' | 'income-support', pn: string) =>
    sandbox.requests(system).filter((r) => r.path.includes(pn));

  /** Bounded wait for the prefetch's read of an open department to reach the sandbox. */
  async function untilAsked(system: 'childcare' | 'register', pn: string, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (askedAbout(system, pn).length === 0) {
      if (Date.now() > until) throw new Error(`${system} was not asked about ${pn} within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('asks the open departments about the IVR personal number, and income support not at all', async () => {
    sandbox.clearRequests();
    const offered = await postCallEvent(hub.url, platform, {
      callId: 'call-ivr-prefetch-1',
      event: 'OFFERED',
      at: new Date().toISOString(),
      queue: 'kundtjanst',
      from: '070-123 45 67',
      to: '0920-45 30 00',
      ivrPersonalNumber: BERTIL,
    });
    expect(offered.status).toBe(200);

    // The prefetch ran: the open departments were asked about Bertil ...
    await untilAsked('childcare', BERTIL);
    await untilAsked('register', BERTIL);
    // ... and has finished (every department it asks, it asks at once), so nothing is still on its way.
    await hub.app.get(CallNotifier).idle();

    expect(askedAbout('income-support', BERTIL)).toEqual([]);
    expect(sandbox.requests('income-support').filter((r) => !r.path.endsWith('/health'))).toEqual([]);
  });
});

import { DEMO_CASE_SETUP, postCallEvent, recentDay, startHub, type TestHub } from '@frontdoor/testing';

/** The day this file's call happens: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

/**
 * A contact registered during a call is one write with its link to the call: if the link cannot
 * be written, no case is left behind (a retry would otherwise make a second, unlinked one).
 */
describe('registerContact with callId: the case and its link to the call, together or not at all', () => {
  let hub: TestHub;
  const cases = async () =>
    Number((await hub.dataSource.query('SELECT count(*) AS n FROM service_case'))[0].n as number | string);
  const register = (token: string, callId: string) =>
    hub.graphql<{ registerContact: { id: string; callId: string | null } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "Tunnan", callId: "${callId}" }) { id callId } }`,
      {},
      { token },
    );

  beforeAll(async () => {
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
      env: { JOBS_IN_PROCESS: 'false' },
    });
  });
  afterAll(() => hub?.close());

  it('writes no case when the link cannot be written, and links it when it can', async () => {
    const platform = await hub.token('service', 'telephony-platform');
    const alva = await hub.token('agent', 'agent-alva');
    const common = { callId: 'atomic-1', queue: 'kundtjanst', from: '+46701234567', to: '0920-45 30 00' };
    expect(
      (await postCallEvent(hub.url, platform, { ...common, event: 'OFFERED', at: `${DAY}T09:00:00Z` }))
        .status,
    ).toBe(200);
    expect(
      (
        await postCallEvent(hub.url, platform, {
          ...common,
          event: 'ANSWERED',
          at: `${DAY}T09:00:10Z`,
          agentId: 'agent-alva',
        })
      ).status,
    ).toBe(200);
    const before = await cases();
    await hub.dataSource.query('ALTER TABLE call_case RENAME TO call_case_away');
    try {
      const refused = await register(alva, 'atomic-1');
      expect(refused.errors?.[0].extensions?.code).toBe('INTERNAL');
      expect(await cases()).toBe(before);
    } finally {
      await hub.dataSource.query('ALTER TABLE call_case_away RENAME TO call_case');
    }
    const linked = await register(alva, 'atomic-1');
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.registerContact.callId).toBe('atomic-1');
    expect(await cases()).toBe(before + 1);
  });
});

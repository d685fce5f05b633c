import { AuditRecord, Party } from '@frontdoor/core';
import { CallNotifier } from '@frontdoor/gateway';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import {
  postCallEvent,
  sandboxConnection,
  startHub,
  startSandbox,
  subscribe,
  type SandboxHandle,
  type TestHub,
  recentDay,
  untilCallSubscribers,
} from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

/**
 * A call whose caller keyed a personal number in the IVR names that person: reading it (the
 * screen-pop `call(callId)` or the pushed `myCalls`) is audited like any read of the person,
 * and for Cecilia Carlsson (skyddade personuppgifter) the personal number and the number she
 * called from are blanked like `case.contact` for a reader without clearance.
 */
const CECILIA = '200002292399';
const ANNA = '199001012385';
const CECILIA_PHONE = '070-555 12 34';
const CALL_FIELDS = 'callId from fromText ivrPersonalNumber';

interface CallShown {
  callId: string;
  from: string | null;
  fromText: string | null;
  ivrPersonalNumber: string | null;
}

describe('calls: the IVR personal number and the caller’s number, audited and blanked for a protected person', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let platform: string;
  let n = 0;

  /** A call offered with the IVR's personal number and answered by `agent`. */
  const answeredCall = async (agent: string, personalNumber: string, from: string) => {
    const callId = `protected-call-${++n}`;
    const common = { callId, queue: 'kundtjanst', from, to: '0920-45 30 00' };
    const offered = {
      ...common,
      event: 'OFFERED',
      at: `${DAY}T09:00:00Z`,
      ivrPersonalNumber: personalNumber,
    };
    expect((await postCallEvent(hub.url, platform, offered)).status).toBe(200);
    const answered = { ...common, event: 'ANSWERED', at: `${DAY}T09:00:20Z`, agentId: agent };
    expect((await postCallEvent(hub.url, platform, answered)).status).toBe(200);
    return callId;
  };

  const readCall = async (callId: string, token: string) => {
    const response = await hub.graphql<{ call: CallShown }>(
      `{ call(callId: "${callId}") { ${CALL_FIELDS} } }`,
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.call;
  };

  const auditRows = async (personalNumber: string, purpose: string) => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber });
    return hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id, purpose } });
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: { 'population-register': { connection: sandboxConnection(sandbox, 'register') } },
      access: { protectedIdentity: { clearedRoles: ['admin'] } },
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    });
    platform = await hub.token('service', 'telephony-platform');
  });
  afterAll(async () => {
    await hub?.app.get(CallNotifier).idle();
    await hub?.close();
    await sandbox?.close();
  });

  it('blanks Cecilia’s personal number and number on `call` for her agent, and audits the read with the call as purpose', async () => {
    const callId = await answeredCall('agent-alva', CECILIA, CECILIA_PHONE);
    const shown = await readCall(callId, await hub.token('agent', 'agent-alva'));
    expect(shown).toEqual({
      callId,
      from: PROTECTED_TEXT,
      fromText: PROTECTED_TEXT,
      ivrPersonalNumber: PROTECTED_TEXT,
    });
    const rows = await auditRows(CECILIA, callId);
    expect(rows.map((r) => [r.actorSubject, r.actorRole, r.fieldGroups])).toEqual([
      ['agent-alva', 'agent', ['call']],
    ]);
  });

  it('blanks Cecilia’s call on `myCurrentCall` too (a console that reloads), and audits the read with the call as purpose', async () => {
    const callId = `protected-call-${++n}`;
    const common = { callId, queue: 'kundtjanst', from: CECILIA_PHONE, to: '0920-45 30 00' };
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
    for (const event of [
      { ...common, event: 'OFFERED', at: at(40), ivrPersonalNumber: CECILIA },
      { ...common, event: 'ANSWERED', at: at(20), agentId: 'agent-current' },
    ])
      expect((await postCallEvent(hub.url, platform, event)).status).toBe(200);
    const response = await hub.graphql<{ myCurrentCall: CallShown | null }>(
      `{ myCurrentCall { ${CALL_FIELDS} } }`,
      {},
      { token: await hub.token('agent', 'agent-current') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.myCurrentCall).toEqual({
      callId,
      from: PROTECTED_TEXT,
      fromText: PROTECTED_TEXT,
      ivrPersonalNumber: PROTECTED_TEXT,
    });
    const rows = await auditRows(CECILIA, callId);
    expect(rows.map((r) => [r.actorSubject, r.fieldGroups])).toEqual([['agent-current', ['call']]]);
  });

  it('blanks them for an uncleared manager too, and shows them to a cleared reader, each read audited', async () => {
    const callId = await answeredCall('agent-alva', CECILIA, CECILIA_PHONE);
    expect(await readCall(callId, await hub.token('manager', 'chef-mia'))).toMatchObject({
      from: PROTECTED_TEXT,
      ivrPersonalNumber: PROTECTED_TEXT,
    });
    expect(await readCall(callId, await hub.token('admin', 'admin-ada'))).toEqual({
      callId,
      from: '+46705551234',
      fromText: CECILIA_PHONE,
      ivrPersonalNumber: CECILIA,
    });
    const rows = await auditRows(CECILIA, callId);
    expect(rows.map((r) => r.actorSubject).sort()).toEqual(['admin-ada', 'chef-mia']);
  });

  it('shows an unprotected caller as is, and still audits the read', async () => {
    const callId = await answeredCall('agent-alva', ANNA, '070-123 45 67');
    expect(await readCall(callId, await hub.token('agent', 'agent-alva'))).toEqual({
      callId,
      from: '+46701234567',
      fromText: '070-123 45 67',
      ivrPersonalNumber: ANNA,
    });
    expect((await auditRows(ANNA, callId)).map((r) => r.fieldGroups)).toEqual([['call']]);
  });

  it('pushes Cecilia’s call to her agent’s console blanked, its audit row committed before the push', async () => {
    const calls = await subscribe<{ myCalls: CallShown }>(
      hub.url,
      await hub.token('agent', 'agent-bo'),
      `subscription { myCalls { ${CALL_FIELDS} } }`,
    );
    try {
      // Bounded wait until the console listens, so the call is not published before it does.
      await untilCallSubscribers(hub, 'agent-bo');
      const callId = await answeredCall('agent-bo', CECILIA, CECILIA_PHONE);
      const pushed = (await calls.next()).myCalls;
      expect(pushed).toEqual({
        callId,
        from: PROTECTED_TEXT,
        fromText: PROTECTED_TEXT,
        ivrPersonalNumber: PROTECTED_TEXT,
      });
      const rows = await auditRows(CECILIA, callId);
      expect(rows.map((r) => [r.actorSubject, r.fieldGroups])).toEqual([['agent-bo', ['call']]]);
    } finally {
      await calls.close();
    }
  });
});

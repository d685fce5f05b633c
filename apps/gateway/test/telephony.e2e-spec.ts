import { AuditRecord, CallContact, CallEventRecord, Party, stockholmPeriods } from '@frontdoor/core';
import { CallNotifier } from '@frontdoor/gateway';
import {
  DEMO_CASE_SETUP,
  postCallEvent,
  startHub,
  startSandbox,
  subscribe,
  childcarePluginOnly,
  type PlatformCallEvent,
  type SandboxHandle,
  type TestHub,
  recentDay,
  untilCallSubscribers,
} from '@frontdoor/testing';

/** The day this file's calls happen: recent, so the hub's contact log still keeps it. */
const DAY = recentDay(2);

const PLATFORM = 'telephony-platform';
const ANNA = '199001012385';

describe('telephony: call events into the contact log, and the caller on the answering agent’s screen', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let platform: string;
  let alva: string;
  let bo: string;
  let n = 0;
  const callId = () => `call-${++n}`;
  const event = (
    id: string,
    kind: PlatformCallEvent['event'],
    at: string,
    extra: Partial<PlatformCallEvent> = {},
  ) => ({
    callId: id,
    event: kind,
    at,
    queue: 'kundtjanst',
    from: '070-123 45 67',
    to: '0920-45 30 00',
    ...extra,
  });
  const post = (body: unknown, token: string | null = platform) => postCallEvent(hub.url, token, body);
  /**
   * A time in a call that happened minutes ago. Events arriving before their call's OFFERED are
   * taken only while the OFFERED may still be on its way (an hour), so tests of arrival order
   * use recent calls.
   */
  const start = Date.now() - 10 * 60_000;
  const recent = (seconds: number) => new Date(start + seconds * 1000).toISOString();

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: childcarePluginOnly(sandbox),
      cases: DEMO_CASE_SETUP,
      auth: {
        serviceAccounts: {
          [PLATFORM]: { operations: ['telephonyEvents'] },
          other: { operations: ['plugins'] },
        },
      },
    });
    platform = await hub.token('service', PLATFORM);
    alva = await hub.token('agent', 'agent-alva', 'Alva Agent');
    bo = await hub.token('agent', 'agent-bo', 'Bo Agent');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('takes events only from a service account granted telephonyEvents', async () => {
    const body = event(callId(), 'OFFERED', `${DAY}T09:00:00Z`);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, alva)).status).toBe(403);
    expect((await post(body, await hub.token('service', 'other'))).status).toBe(403);
    expect(await hub.dataSource.getRepository(CallEventRecord).countBy({ callId: body.callId })).toBe(0);
  });

  it.each([
    ['a missing call id', { callId: undefined }, 'callId'],
    ['an unknown event', { event: 'RINGING' }, 'event'],
    ['a time without offset', { at: '2026-11-24 09:00' }, 'at'],
    ['a queue not configured', { queue: 'okand' }, 'queue'],
    ['a caller number that is none', { from: 'not-a-number' }, 'from'],
    ['ANSWERED without the agent', { event: 'ANSWERED' }, 'agentId'],
    ['a field the hub does not know', { colour: 'blue' }, '(body)'],
    ['an agent id with a NUL', { event: 'ANSWERED', agentId: 'agent-alva\u0000' }, 'agentId'],
    ['a queue over its length', { queue: 'k'.repeat(61) }, 'queue'],
  ])('refuses %s with 400 naming the field, recording nothing', async (_label, change, field) => {
    const id = callId();
    const { status, body } = await post({ ...event(id, 'OFFERED', `${DAY}T09:00:00Z`), ...change });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await hub.dataSource.getRepository(CallEventRecord).countBy({ callId: id })).toBe(0);
    expect(await hub.dataSource.getRepository(CallContact).countBy({ callId: id })).toBe(0);
  });

  it.each([
    ['ten years ahead', '2036-11-24T09:00:00Z', 'AT_IN_FUTURE'],
    ['older than the contact log keeps calls (400 days)', '2020-01-01T09:00:00Z', 'AT_TOO_OLD'],
  ])('refuses an event %s with 400 naming at, recording nothing', async (_label, at, reason) => {
    const id = callId();
    const { status, body } = await post(event(id, 'OFFERED', at));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at', reason });
    expect(await hub.dataSource.getRepository(CallEventRecord).countBy({ callId: id })).toBe(0);
    expect(await hub.dataSource.getRepository(CallContact).countBy({ callId: id })).toBe(0);
  });

  it('refuses an event its call’s other events contradict: answered before offered, ended before answered', async () => {
    const id = callId();
    expect((await post(event(id, 'OFFERED', `${DAY}T09:10:00Z`))).status).toBe(200);
    const early = await post(event(id, 'ANSWERED', `${DAY}T09:09:00Z`, { agentId: 'agent-alva' }));
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at', reason: 'OUT_OF_SEQUENCE' });
    expect((await post(event(id, 'ANSWERED', `${DAY}T09:10:30Z`, { agentId: 'agent-alva' }))).status).toBe(
      200,
    );
    const endedEarly = await post(event(id, 'ENDED', `${DAY}T09:10:10Z`));
    expect(endedEarly.body).toMatchObject({ field: 'at', reason: 'OUT_OF_SEQUENCE' });
    // The same whichever came first: an OFFERED later than the call's answer.
    const other = callId();
    expect((await post(event(other, 'ANSWERED', recent(30), { agentId: 'agent-alva' }))).status).toBe(200);
    expect((await post(event(other, 'OFFERED', recent(40)))).body).toMatchObject({ field: 'at' });
    const events = hub.dataSource.getRepository(CallEventRecord);
    expect((await events.findBy({ callId: id })).map((e) => e.event).sort()).toEqual(['ANSWERED', 'OFFERED']);
    expect((await events.findBy({ callId: other })).map((e) => e.event)).toEqual(['ANSWERED']);
    // Ended, so Alva is not left on a call for the contact center's figures below.
    expect((await post(event(other, 'ENDED', recent(90)))).status).toBe(200);
    expect(await hub.dataSource.getRepository(CallContact).findOneByOrFail({ callId: id })).toMatchObject({
      outcome: 'IN_CALL',
      waitMs: 30_000,
    });
  });

  it('refuses ANSWERED or ENDED for a call never OFFERED, once its OFFERED can no longer be on its way', async () => {
    const id = callId();
    const twoHoursAgo = (seconds: number) =>
      new Date(Date.now() - 2 * 3600_000 + seconds * 1000).toISOString();
    for (const body of [
      event(id, 'ANSWERED', twoHoursAgo(0), { agentId: 'agent-alva' }),
      event(id, 'ENDED', twoHoursAgo(60)),
    ]) {
      const { status, body: answer } = await post(body);
      expect(status).toBe(400);
      expect(answer).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event', reason: 'NOT_OFFERED' });
      expect(String(answer.message)).toMatch(/never OFFERED/);
    }
    expect(await hub.dataSource.getRepository(CallEventRecord).countBy({ callId: id })).toBe(0);
    expect(await hub.dataSource.getRepository(CallContact).countBy({ callId: id })).toBe(0);
  });

  it('logs a call with E.164 numbers, wait and talk, the same whatever order or how often events arrive', async () => {
    const inOrder = callId();
    const shuffled = callId();
    const events = (id: string) => [
      event(id, 'OFFERED', recent(0)),
      event(id, 'ANSWERED', recent(42), { agentId: 'agent-alva' }),
      event(id, 'ENDED', recent(222)),
    ];
    for (const e of events(inOrder)) expect((await post(e)).status).toBe(200);
    const [offered, answered, ended] = events(shuffled);
    const answers = [];
    for (const e of [ended, answered, ended, offered, answered]) answers.push((await post(e)).body);
    expect(answers.map((a) => a.duplicate)).toEqual([false, false, true, false, true]);

    const calls = hub.dataSource.getRepository(CallContact);
    const [a, b] = [
      await calls.findOneByOrFail({ callId: inOrder }),
      await calls.findOneByOrFail({ callId: shuffled }),
    ];
    expect(a).toMatchObject({
      queue: 'kundtjanst',
      fromNumber: '+46701234567',
      toNumber: '+46920453000',
      agentId: 'agent-alva',
      outcome: 'ANSWERED',
      waitMs: 42_000,
      talkMs: 180_000,
    });
    const { day, week, month } = stockholmPeriods(new Date(recent(0)));
    expect(a).toMatchObject({ offeredDay: day, offeredWeek: week, offeredMonth: month });
    const { callId: _a, updatedAt: _ua, ...restA } = a;
    const { callId: _b, updatedAt: _ub, ...restB } = b;
    expect(restB).toEqual(restA);
    expect(await hub.dataSource.getRepository(CallEventRecord).countBy({ callId: shuffled })).toBe(3);
  });

  it('keeps every event when a call’s events arrive at the same moment, and a retry at once is one', async () => {
    const ids = Array.from({ length: 15 }, () => callId());
    const answers = await Promise.all(
      ids.flatMap((id) => [
        post(event(id, 'ENDED', recent(300))),
        post(event(id, 'ANSWERED', recent(60), { agentId: 'agent-alva' })),
        post(event(id, 'OFFERED', recent(0))),
        post(event(id, 'OFFERED', recent(0))),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((a) => a.body.duplicate).length).toBe(ids.length);
    const calls = hub.dataSource.getRepository(CallContact);
    for (const id of ids)
      expect(await calls.findOneByOrFail({ callId: id })).toMatchObject({
        outcome: 'ANSWERED',
        waitMs: 60_000,
        talkMs: 240_000,
      });
  });

  it('logs a caller who hangs up in the queue as abandoned, also when the platform sends only ENDED', async () => {
    const id = callId();
    await post(event(id, 'OFFERED', `${DAY}T10:00:00Z`, { from: 'anonymous' }));
    await post(event(id, 'ENDED', `${DAY}T10:01:30Z`, { from: 'anonymous' }));
    expect(await hub.dataSource.getRepository(CallContact).findOneByOrFail({ callId: id })).toMatchObject({
      outcome: 'ABANDONED',
      waitMs: 90_000,
      fromNumber: null,
      talkMs: null,
    });
  });

  it('keeps an event whose IVR personal number is invalid, without the number', async () => {
    const id = callId();
    const { status, body } = await post(
      event(id, 'OFFERED', `${DAY}T10:00:00Z`, { ivrPersonalNumber: '123' }),
    );
    expect(status).toBe(200);
    expect(body.ignored).toEqual(['ivrPersonalNumber']);
    expect(
      (await hub.dataSource.getRepository(CallContact).findOneByOrFail({ callId: id })).ivrPersonalNumber,
    ).toBeNull();
  });

  it('delivers the answered call to the answering agent’s console only', async () => {
    const alvaCalls = await subscribe<{ myCalls: { callId: string; fromText: string; queueName: string } }>(
      hub.url,
      alva,
      'subscription { myCalls { callId fromText queueName ivrPersonalNumber } }',
    );
    const boCalls = await subscribe<{ myCalls: { callId: string } }>(
      hub.url,
      bo,
      'subscription { myCalls { callId } }',
    );
    try {
      await untilCallSubscribers(hub, 'agent-alva');
      await untilCallSubscribers(hub, 'agent-bo');
      const forAlva = callId();
      const forBo = callId();
      await post(event(forAlva, 'OFFERED', `${DAY}T11:00:00Z`));
      await post(event(forAlva, 'ANSWERED', `${DAY}T11:00:10Z`, { agentId: 'agent-alva' }));
      // Bo's call's OFFERED has not arrived yet (webhooks come in any order): the answer still counts.
      await post(event(forBo, 'ANSWERED', recent(20), { agentId: 'agent-bo' }));
      expect((await alvaCalls.next()).myCalls).toMatchObject({
        callId: forAlva,
        fromText: '070-123 45 67',
        queueName: 'Kundtjänst',
      });
      // Bo's first notice is his own call: Alva's, published before it, never reached him.
      expect((await boCalls.next()).myCalls.callId).toBe(forBo);
    } finally {
      await alvaCalls.close();
      await boCalls.close();
    }
  });

  it('answers only subscriptions over WebSocket: a person query must go over HTTP, where it is audited', async () => {
    const before = await hub.dataSource.getRepository(AuditRecord).count();
    const viaSocket = await subscribe<{ errors?: { message: string }[] }>(
      hub.url,
      alva,
      `{ person(personalNumber: "${ANNA}") { personalNumber } }`,
    );
    const refused = await viaSocket.next().catch((error: unknown) => error);
    await viaSocket.close();
    expect(JSON.stringify(refused)).toContain('Only subscriptions are served over WebSocket');
    expect(await hub.dataSource.getRepository(AuditRecord).count()).toBe(before);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: callId`).join(' ');
    const tooMany = await subscribe(hub.url, alva, `subscription { myCalls { ${aliases} } }`);
    const limited = await tooMany.next().catch((error: unknown) => error);
    await tooMany.close();
    expect(JSON.stringify(limited)).toMatch(/alias/i);
  });

  it('refuses a subscription without a valid token', async () => {
    const refused = await subscribe(hub.url, 'not-a-token', 'subscription { myCalls { callId } }')
      .then((s) => s.next(2000))
      .catch((error: { code?: number }) => error);
    expect((refused as { code?: number }).code).toBe(4403);
  });

  it('asks the departments while the caller waits, audits only when the agent opens the person, with the call as purpose', async () => {
    const id = callId();
    await post(event(id, 'OFFERED', `${DAY}T12:00:00Z`, { ivrPersonalNumber: '19900101-2385' }));
    await hub.app.get(CallNotifier).idle();
    const auditRows = async () => {
      const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber: ANNA });
      return party ? hub.dataSource.getRepository(AuditRecord).find({ where: { partyId: party.id } }) : [];
    };
    expect(await auditRows()).toEqual([]);
    // The department goes down once the caller is queued: the answer asked ahead still serves the agent.
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    try {
      await post(event(id, 'ANSWERED', `${DAY}T12:00:30Z`, { agentId: 'agent-alva' }));
      const screen = await hub.graphql<{ call: { ivrPersonalNumber: string } }>(
        `{ call(callId: "${id}") { ivrPersonalNumber } }`,
        {},
        { token: alva },
      );
      expect(screen.data!.call.ivrPersonalNumber).toBe(ANNA);
      const opened = await hub.graphql<{ person: { sources: { plugin: string; state: string }[] } }>(
        `query($pn: String!, $purpose: String) { person(personalNumber: $pn, purpose: $purpose) { sources { plugin state } } }`,
        { pn: ANNA, purpose: id },
        { token: alva },
      );
      expect(opened.data!.person.sources).toEqual([{ plugin: 'childcare-queue', state: 'OK' }]);
    } finally {
      await sandbox.clearFaults();
    }
    const rows = await auditRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.purpose === id && r.actorSubject === 'agent-alva')).toBe(true);
  });

  it('shows a call to its agent and managers only, and links the contact registered during it', async () => {
    const id = callId();
    await post(event(id, 'OFFERED', `${DAY}T13:00:00Z`));
    await post(event(id, 'ANSWERED', `${DAY}T13:00:05Z`, { agentId: 'agent-alva' }));
    const look = (token: string) => hub.graphql(`{ call(callId: "${id}") { callId } }`, {}, { token });
    expect((await look(bo)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await look(await hub.token('manager', 'chef-1'))).errors).toBeUndefined();
    expect(
      (await hub.graphql('{ call(callId: "no-such-call") { callId } }', {}, { token: alva })).errors?.[0]
        .extensions?.code,
    ).toBe('NOT_FOUND');

    const register = (token: string, call: string) =>
      hub.graphql<{ registerContact: { id: string; callId: string | null } }>(
        `mutation($call: ID) { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", summary: "Köplats", callId: $call, contact: { phone: "070-123 45 67" } }) { id callId } }`,
        { call },
        { token },
      );
    const unknown = await register(alva, 'no-such-call');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'callId' });
    expect((await register(bo, id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const linked = await register(alva, id);
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.registerContact.callId).toBe(id);
  });

  it('gives an agent their own current call again (a console that reloads), tells their console when it ends, and none after', async () => {
    const cilla = await hub.token('agent', 'agent-cilla', 'Cilla Agent');
    type Current = {
      myCurrentCall: {
        callId: string;
        outcome: string;
        offeredAt: string;
        endedAt: string | null;
        waitedSeconds: number;
      } | null;
    };
    const current = async (token: string) => {
      const { data, errors } = await hub.graphql<Current>(
        '{ myCurrentCall { callId outcome offeredAt endedAt waitedSeconds } }',
        {},
        { token },
      );
      return { data, errors };
    };
    const calls = await subscribe<{ myCalls: { callId: string; outcome: string; endedAt: string | null } }>(
      hub.url,
      cilla,
      'subscription { myCalls { callId outcome endedAt } }',
    );
    try {
      await untilCallSubscribers(hub, 'agent-cilla');
      // Answered five hours ago and its ENDED never came: not the call she is on now.
      const stale = callId();
      const hoursAgo = (h: number, s = 0) => new Date(Date.now() - h * 3_600_000 + s * 1000).toISOString();
      await post(event(stale, 'OFFERED', hoursAgo(5)));
      await post(event(stale, 'ANSWERED', hoursAgo(5, 5), { agentId: 'agent-cilla' }));
      expect((await calls.next()).myCalls.callId).toBe(stale);
      expect(await current(cilla)).toEqual({ data: { myCurrentCall: null }, errors: undefined });

      const id = callId();
      const offered = hoursAgo(0, -70);
      await post(event(id, 'OFFERED', offered));
      await post(event(id, 'ANSWERED', hoursAgo(0, -60), { agentId: 'agent-cilla' }));
      expect((await calls.next()).myCalls).toEqual({ callId: id, outcome: 'IN_CALL', endedAt: null });
      expect((await current(cilla)).data!.myCurrentCall).toEqual({
        callId: id,
        outcome: 'IN_CALL',
        offeredAt: offered,
        endedAt: null,
        waitedSeconds: 10,
      });
      // Another agent's, or a manager's question, never returns Cilla's call.
      expect((await current(bo)).data!.myCurrentCall?.callId).not.toBe(id);
      expect(await current(await hub.token('manager', 'chef-current'))).toEqual({
        data: { myCurrentCall: null },
      });

      const ended = hoursAgo(0, -5);
      await post(event(id, 'ENDED', ended));
      expect((await calls.next()).myCalls).toEqual({ callId: id, outcome: 'ANSWERED', endedAt: ended });
      expect(await current(cilla)).toEqual({ data: { myCurrentCall: null }, errors: undefined });
    } finally {
      await calls.close();
    }
  });

  it('counts the calls in serviceStatistics and its CSV, per queue against the configured seconds', async () => {
    // A day of its own: the other tests' calls are on DAY (two days ago) or within the last five
    // hours, which shortly after midnight is still yesterday in Stockholm.
    const day = recentDay(3);
    const a = callId();
    const b = callId();
    await post(event(a, 'OFFERED', `${day}T09:00:00Z`, { queue: 'vaxel' }));
    await post(event(a, 'ANSWERED', `${day}T09:00:15Z`, { queue: 'vaxel', agentId: 'agent-alva' }));
    await post(event(b, 'OFFERED', `${day}T09:01:00Z`, { queue: 'vaxel' }));
    await post(event(b, 'ANSWERED', `${day}T09:01:16Z`, { queue: 'vaxel', agentId: 'agent-bo' }));
    const { data, errors } = await hub.graphql<{
      serviceStatistics: {
        calls: { queueKey: string; offered: number; answeredWithin: { share: number } }[];
      };
    }>(
      `{ serviceStatistics(from: "${day}", to: "${day}") { calls { queueKey offered answeredWithin { share target meetsTarget } } daily: calls(per: DAY) { period } } }`,
      {},
      { token: alva },
    );
    expect(errors).toBeUndefined();
    expect(data!.serviceStatistics.calls).toEqual([
      { queueKey: 'vaxel', offered: 2, answeredWithin: { share: 0.5, target: 0.9, meetsTarget: false } },
      { queueKey: 'kundtjanst', offered: 0, answeredWithin: { share: 0, target: 0.9, meetsTarget: false } },
    ]);
    const csv = await fetch(`${hub.url}/reports/service-statistics.csv?from=${day}&to=${day}`, {
      headers: { authorization: `Bearer ${alva}` },
    });
    expect(await csv.text()).toContain('Samtal;vaxel;Växeln: besvarade inom 15 s;2;50,0;90,0;nej');
  });

  it('shows managers the contact center now, live: waiting calls, agents on a call, overdue cases', async () => {
    const manager = await hub.token('manager', 'chef-live');
    const refused = await hub.graphql('{ contactCenterNow { callsWaiting } }', {}, { token: alva });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const agentLive = await subscribe(
      hub.url,
      alva,
      'subscription { contactCenterChanged { callsWaiting } }',
    );
    const agentRefused = await agentLive.next().catch((error: unknown) => error);
    expect(JSON.stringify(agentRefused)).toContain('FORBIDDEN');
    await agentLive.close();

    type Now = {
      callsWaiting: number;
      agentsOnCall: number;
      longestWaitSeconds: number;
      today: { queueKey: string; answered: number }[];
    };
    const live = await subscribe<{ contactCenterChanged: Now }>(
      hub.url,
      manager,
      'subscription { contactCenterChanged { callsWaiting agentsOnCall longestWaitSeconds today { queueKey answered } } }',
    );
    try {
      const before = (await live.next()).contactCenterChanged;
      const now = Date.now();
      const waitingId = callId();
      const talkingId = callId();
      await post(event(waitingId, 'OFFERED', new Date(now - 30_000).toISOString()));
      await post(event(talkingId, 'OFFERED', new Date(now - 20_000).toISOString()));
      await post(
        event(talkingId, 'ANSWERED', new Date(now - 10_000).toISOString(), { agentId: 'agent-alva' }),
      );
      // Updates come coalesced: read until the one that has all three events.
      let seen = before;
      for (
        let i = 0;
        i < 5 &&
        !(seen.callsWaiting === before.callsWaiting + 1 && seen.agentsOnCall === before.agentsOnCall + 1);
        i++
      )
        seen = (await live.next()).contactCenterChanged;
      expect(seen.callsWaiting).toBe(before.callsWaiting + 1);
      expect(seen.agentsOnCall).toBe(before.agentsOnCall + 1);
      expect(seen.longestWaitSeconds).toBeGreaterThanOrEqual(30);
      const answered = (q: Now) => q.today.find((t) => t.queueKey === 'kundtjanst')!.answered;
      expect(answered(seen)).toBe(answered(before) + 1);
    } finally {
      await live.close();
    }
    const { data } = await hub.graphql<{
      contactCenterNow: { overdueByAnswerGroup: { answerGroupKey: string }[] };
    }>(
      '{ contactCenterNow { overdueByAnswerGroup { answerGroupKey open overdue } } }',
      {},
      { token: manager },
    );
    expect(data!.contactCenterNow.overdueByAnswerGroup.map((g) => g.answerGroupKey)).toContain('forskola');
  });
});

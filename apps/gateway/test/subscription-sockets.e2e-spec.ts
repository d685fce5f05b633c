import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TokenVerifier } from '@frontdoor/gateway';
import { callSubscribers, startHub, TestClock, untilCallSubscribers, type TestHub } from '@frontdoor/testing';

const MY_CALLS = 'subscription { myCalls { callId } }';
const HOUR_MS = 3600_000;

/** One graphql-ws socket holding several subscriptions, and how it ended. */
interface TestSocket {
  /** Starts a subscription; `refusal` is the error the hub answers it with (bounded wait). */
  subscribe(query: string): { refusal(ms?: number): Promise<unknown>; dispose(): void };
  /** How the hub closed the socket (bounded wait). */
  closed(ms?: number): Promise<{ code: number; reason: string }>;
  isOpen(): boolean;
  dispose(): Promise<void>;
}

async function openSocket(hubUrl: string, token: string): Promise<TestSocket> {
  const client: Client = createClient({
    url: hubUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  let closeEvent: { code: number; reason: string } | undefined;
  const closing = new Promise<{ code: number; reason: string }>((resolve) =>
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      closeEvent = { code, reason: String(reason) };
      resolve(closeEvent);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    void closing.then((event) => reject(new Error(`closed at connect: ${event.code}`)));
  });
  return {
    subscribe(query) {
      let error: ((value: unknown) => void) | undefined;
      const refused = new Promise<unknown>((resolve) => (error = resolve));
      const dispose = client.subscribe(
        { query },
        { next: () => undefined, error: error!, complete: () => undefined },
      );
      return { refusal: (ms = 5000) => within(refused, ms, 'no error for the subscription'), dispose };
    },
    closed: (ms = 5000) => within(closing, ms, 'the socket was not closed'),
    isOpen: () => closeEvent === undefined,
    dispose: () => client.dispose() as Promise<void>,
  };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/**
 * A graphql-ws socket lives as long as its token and no longer, holds a bounded number of
 * subscriptions, and a bad operation is refused for its own id without closing the socket.
 */
describe('subscription sockets', () => {
  const clock = new TestClock();
  let hub: TestHub;
  /** Waits, bounded, until the hub holds exactly `count` subscriptions for the agent's calls. */
  const listening = (agent: string, count: number) => untilCallSubscribers(hub, agent, { count });

  beforeAll(async () => {
    // No skew allowed, so a token's `exp` is the moment its socket ends.
    hub = await startHub({ plugins: {}, clock, env: { AUTH_CLOCK_TOLERANCE_S: '0' } });
  });
  afterAll(() => hub?.close());

  it('closes the socket when its token expires (4403), ending its subscriptions', async () => {
    const shortLived = await hub.app
      .get(TokenVerifier)
      .issueDevToken({ subject: 'agent-brief', role: 'agent' }, 6);
    const socket = await openSocket(hub.url, shortLived);
    try {
      socket.subscribe(MY_CALLS);
      await listening('agent-brief', 1);
      // The token is good for 6 s of real time (the test clock stands still): the bound is the wait's only.
      expect(await socket.closed(20_000)).toEqual({ code: 4403, reason: 'Token expired' });
      await listening('agent-brief', 0);
    } finally {
      await socket.dispose();
    }
  });

  it('caps the subscriptions on one socket: the 11th is refused, the socket stays open', async () => {
    const socket = await openSocket(hub.url, await hub.token('agent', 'agent-cap'));
    try {
      const held = Array.from({ length: 10 }, () => socket.subscribe(MY_CALLS));
      await listening('agent-cap', 10);
      const eleventh = await socket.subscribe(MY_CALLS).refusal();
      expect(eleventh).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('at most 10'),
          extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_SUBSCRIPTIONS' },
        }),
      ]);
      expect(callSubscribers(hub, 'agent-cap')).toBe(10);
      // Completing one makes room for another on the same socket.
      held[0].dispose();
      await listening('agent-cap', 9);
      socket.subscribe(MY_CALLS);
      await listening('agent-cap', 10);
      expect(socket.isOpen()).toBe(true);
    } finally {
      await socket.dispose();
    }
  });

  it('answers a subscription with a syntax error with an error for it, never by closing the socket', async () => {
    const socket = await openSocket(hub.url, await hub.token('agent', 'agent-syntax'));
    try {
      socket.subscribe(MY_CALLS);
      await listening('agent-syntax', 1);
      const refused = await socket.subscribe('subscription { myCalls { callId }').refusal();
      expect(refused).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('Syntax Error'),
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
      expect(socket.isOpen()).toBe(true);
      socket.subscribe(MY_CALLS);
      await listening('agent-syntax', 2);
    } finally {
      await socket.dispose();
    }
  });

  // Last: it moves the hub's clock past every token issued so far.
  it('checks the token again on every subscribe: once expired, the subscribe is refused and the socket ends', async () => {
    const socket = await openSocket(hub.url, await hub.token('agent', 'agent-late'));
    try {
      socket.subscribe(MY_CALLS);
      await listening('agent-late', 1);
      // Demo tokens live 8 hours; the expiry timer (real time) has not fired, the check must.
      clock.advance(8 * HOUR_MS + 60_000);
      const refused = await socket.subscribe(MY_CALLS).refusal();
      expect(refused).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('expired'),
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      ]);
      expect(await socket.closed()).toEqual({ code: 4403, reason: 'Token expired' });
      await listening('agent-late', 0);
    } finally {
      await socket.dispose();
    }
  });
});

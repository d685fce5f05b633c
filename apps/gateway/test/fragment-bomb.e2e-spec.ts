import { startHub, subscribe, type TestHub } from '@frontdoor/testing';

/** `fragment F1 on Query { ...F0 ...F0 }` … `F23`: ~900 bytes that expand to 2^23 fields. */
function fragmentBomb(fragments: number, type = 'Query', leaf = '__typename'): string {
  const definitions = Array.from({ length: fragments }, (_, i) =>
    i === 0
      ? `fragment F0 on ${type} { ${leaf} }`
      : `fragment F${i} on ${type} { ...F${i - 1} ...F${i - 1} }`,
  );
  const operation = type === 'Subscription' ? 'subscription' : 'query';
  return `${operation} { ...F${fragments - 1} } ${definitions.join(' ')}`;
}

/**
 * A fragment bomb is refused by its expanded size, measured in linear time before any other
 * validation, over HTTP and over graphql-ws; the hub keeps answering meanwhile. (That the
 * measuring is linear is counted, not timed, in libs/gateway/src/graphql/fragment-expansion.spec.ts.)
 */
describe('fragment bombs', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub({ plugins: {}, env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    token = await hub.token('agent', 'agent-bomb');
  });
  afterAll(() => hub?.close());

  it('refuses the 24-fragment document over HTTP as QUERY_TOO_LARGE while /health/live answers beside it', async () => {
    const bomb = fragmentBomb(24);
    expect(bomb.length).toBeLessThan(1000);
    const started = performance.now();
    const refused = hub.graphql(bomb, {}, { token });
    // Asked while the bomb is in flight; the bound only keeps a blocked loop from hanging the test.
    const live = await fetch(`${hub.url}/health/live`, { signal: AbortSignal.timeout(5000) });
    const { status, errors } = await refused;
    // Printed for the record (docs/security.md): before the expansion was memoised, 11 s here.
    console.log(`24-fragment document answered in ${Math.round(performance.now() - started)} ms`);
    expect(live.status).toBe(200);
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        // Refused by the validation rule itself, not later by the cost estimate giving up.
        message: expect.stringContaining('once its fragments are spread out'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' }),
      }),
    ]);
    expect((await hub.graphql('{ __typename }', {}, { token })).data).toEqual({ __typename: 'Query' });
  });

  it('refuses the same bomb as a subscription over graphql-ws, with an error for that operation', async () => {
    const socket = await subscribe(hub.url, token, fragmentBomb(24, 'Subscription', 'myCalls { callId }'));
    try {
      const refused = await socket.next(10_000).catch((error: unknown) => error);
      expect(refused).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('once its fragments are spread out'),
          extensions: expect.objectContaining({ reason: 'QUERY_TOO_LARGE' }),
        }),
      ]);
    } finally {
      await socket.close();
    }
  });
});

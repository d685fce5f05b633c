import {
  childcarePluginOnly,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/** Hostile queries are refused with a clear answer, and the hub keeps serving everyone else. */
describe('hostile input', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let token: string;

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
  const stillServing = async () => {
    const { data, errors } = await hub.graphql('{ plugins { id } }', {}, { token });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ plugins: [{ id: 'childcare-queue' }] });
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: childcarePluginOnly(sandbox),
      env: {
        GRAPHQL_MAX_DEPTH: '6',
        GRAPHQL_MAX_ALIASES: '40',
        GRAPHQL_MAX_COST: '300',
        RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    token = await hub.token('agent', 'agent-hostile');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('refuses a deeply nested query, and serves one within the limit', async () => {
    const withinLimit =
      '{ person(personalNumber: "199001012385") { childcareQueue { applications { offer { unitName } } } } }';
    expect((await hub.graphql(withinLimit, {}, { token })).errors).toBeUndefined();
    const tooDeep =
      '{ plugins { id } __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    const { status, errors } = await hub.graphql(tooDeep, {}, { token });
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
    await stillServing();
  });

  it('refuses alias flooding', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: plugins { id }`).join(' ');
    const { status, errors } = await hub.graphql(`{ ${aliases} }`, {}, { token });
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES' });
    await stillServing();
  });

  it('refuses a query that costs too much', async () => {
    const fields = Array.from(
      { length: 30 },
      (_, i) =>
        `p${i}: person(personalNumber: "199001012385") { statuses { source kind reference title state label updatedAt dueDate nextStep asOf } sources { plugin state } }`,
    ).join(' ');
    const { errors } = await hub.graphql(`{ ${fields} }`, {}, { token });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    await stillServing();
  });

  it('refuses batched arrays of operations', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ plugins { id } }' }, { query: '{ plugins { id } }' }]),
    );
    expect(response.status).toBe(400);
    await stillServing();
  });

  it('refuses a body larger than 1 MB, and a huge string argument gets a clear error', async () => {
    const huge = await post(
      JSON.stringify({ query: `{ person(personalNumber: "${'9'.repeat(2_000_000)}") { personalNumber } }` }),
    );
    expect(huge.status).toBe(413);
    const { errors } = await hub.graphql(
      'query($pn: String!) { person(personalNumber: $pn) { personalNumber } }',
      { pn: '9'.repeat(100_000) },
      { token },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personalNumber' });
    expect(errors?.[0].message.length).toBeLessThan(500);
    await stillServing();
  });

  it('refuses invalid JSON, and reads invalid UTF-8 as replacement characters, never as a crash', async () => {
    expect((await post('{"query": "{ plugins { id } ')).status).toBe(400);
    // Invalid bytes inside an argument: decoded as U+FFFD, so the personal number is simply invalid.
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"query":"{ person(personalNumber: \\"1990'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\\") { personalNumber } }"}'),
    ]);
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: invalidUtf8,
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('refuses simple requests a browser could send cross-site (CSRF prevention), and mutations over GET', async () => {
    const plain = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: '{"query":"{ plugins { id } }"}',
    });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    const getMutation = await fetch(
      `${hub.url}/graphql?query=${encodeURIComponent('mutation { closeCase(caseId: "x", resolution: "y") { id } }')}`,
      {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      },
    );
    expect(getMutation.status).toBe(405);
    await stillServing();
  });
});

describe('hostile input without a token, and directive overloading', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub({ plugins: {}, env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    token = await hub.token('agent', 'agent-hostile');
  });
  afterAll(() => hub?.close());

  it('refuses { __typename } without a token with HTTP 401, before the document is even parsed', async () => {
    const typename = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(typename.status).toBe(401);
    expect(typename.headers.get('www-authenticate')).toBe('Bearer');
    expect(typename.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await typename.json()).toEqual({
      errors: [
        { message: expect.stringContaining('Missing bearer token'), extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
    // Not parsed: a broken document without a token is 401 too, not a 400 syntax error.
    const broken = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename ',
    });
    expect(broken.status).toBe(401);
    const overGet = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(overGet.status).toBe(401);
    const forged = await hub.graphql('{ __typename }', {}, { token: 'not.a.jwt' });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.graphql('{ __typename }', {}, { token })).data).toEqual({ __typename: 'Query' });
  });

  it('answers 20,000 operations in one document with BAD_USER_INPUT (400), never INTERNAL', async () => {
    const operations = Array.from({ length: 20_000 }, (_, i) => `query q${i} { __typename }`).join(' ');
    const { status, errors } = await hub.graphql(operations, {}, { token });
    expect(status).toBe(400);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a document whose fragments expand past the node limit as BAD_USER_INPUT', async () => {
    // 15 fragments, each spreading the one before twice: 2^15 fields from a few hundred tokens.
    const fragments = Array.from({ length: 15 }, (_, i) =>
      i === 0
        ? 'fragment F0 on Query { __typename }'
        : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
    ).join(' ');
    const { status, errors } = await hub.graphql(`{ ...F14 } ${fragments}`, {}, { token });
    expect(status).toBe(400);
    expect(errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' }),
    ]);
  });

  it.each([
    ['unknown', 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }'],
    ['repeated @include', `{ __typename ${'@include(if: true) '.repeat(10)}}`],
  ])(
    'answers directive overloading (%s directives) with one error (graphql-cop finds nothing)',
    async (_k, query) => {
      const { status, errors } = await hub.graphql(query, {}, { token });
      expect(status).toBe(400);
      expect(errors).toHaveLength(1);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_DIRECTIVES' });
      expect((await hub.graphql('{ __typename @include(if: true) }', {}, { token })).data).toEqual({
        __typename: 'Query',
      });
    },
  );

  it('gives at most 20 errors in one response, saying how many were left out', async () => {
    const unknownFields = Array.from({ length: 60 }, (_, i) => `nope${i}`).join(' ');
    const { status, errors } = await hub.graphql(`{ ${unknownFields} }`, {}, { token });
    expect(status).toBe(400);
    expect(errors).toHaveLength(20);
    expect(errors?.[19].extensions).toMatchObject({ reason: 'TOO_MANY_ERRORS' });
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED past the limit for one user, and keeps serving another', async () => {
    const hub = await startHub({ plugins: {}, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const noisy = await hub.token('agent', 'noisy');
      const quiet = await hub.token('agent', 'quiet');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await hub.graphql('{ plugins { id } }', {}, { token: noisy })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const limited = await hub.graphql('{ plugins { id } }', {}, { token: noisy });
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect((await hub.graphql('{ plugins { id } }', {}, { token: quiet })).status).toBe(200);
      expect((await fetch(`${hub.url}/health/live`)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });
});

describe('in production', () => {
  it('has no introspection and no field suggestions for strangers to map the schema with', async () => {
    const { generateKeyPair, exportSPKI, SignJWT } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const hub = await startHub({
      plugins: {},
      env: {
        NODE_ENV: 'production',
        AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
        AUTH_ISSUER: 'https://idp.test',
        AUTH_AUDIENCE: 'frontdoor',
      },
    });
    try {
      const token = await new SignJWT({ role: 'agent' })
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('agent-1')
        .setIssuer('https://idp.test')
        .setAudience('frontdoor')
        .setExpirationTime('5m')
        .sign(privateKey);
      const introspection = await hub.graphql('{ __schema { types { name } } }', {}, { token });
      expect(introspection.errors?.[0].message).toContain('introspection');
      const typo = await hub.graphql('{ plugns { id } }', {}, { token });
      expect(typo.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(typo.errors?.[0].message).not.toContain('Did you mean');
      expect((await hub.graphql('{ plugins { id } }', {}, { token })).data).toEqual({ plugins: [] });
    } finally {
      await hub.close();
    }
  });
});

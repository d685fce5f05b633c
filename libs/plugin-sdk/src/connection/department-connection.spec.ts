import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { DepartmentConnection } from './department-connection';
import {
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceConnectionError,
  SourceHttpStatusError,
  SourceNotFoundUnprovenError,
} from './department-errors';
import { apiPath, departmentUrl, describeUrl, DepartmentPathError } from './department-url';
import { connectionSettingsSchema } from './connection-settings';

describe('departmentUrl joins a path to the base URL whatever the slashes', () => {
  it.each([
    ['http://h/permits', 'api/v1/cases', 'http://h/permits/api/v1/cases'],
    ['http://h/permits/', 'api/v1/cases', 'http://h/permits/api/v1/cases'],
    ['http://h/permits', '/api/v1/cases', 'http://h/permits/api/v1/cases'],
    ['http://h/a/b', 'x?y=1', 'http://h/a/b/x?y=1'],
    ['http://h', 'health', 'http://h/health'],
  ])('%s + %s', (base, path, expected) => {
    expect(departmentUrl(base, path).href).toBe(expected);
  });

  it('adds query parameters, encoded', () => {
    expect(departmentUrl('http://h/x', 'list', { page: 2, q: 'a b&c' }).href).toBe(
      'http://h/x/list?page=2&q=a+b%26c',
    );
  });

  it.each(['http://evil/x', '//evil/x', 'a/../../etc', './x'])(
    'refuses %s, which would leave the base',
    (path) => {
      expect(() => departmentUrl('http://h/permits/', path)).toThrow(DepartmentPathError);
    },
  );

  it('apiPath encodes each value as one segment', () => {
    expect(apiPath`api/v1/cases/${'BN 2026-000123'}/x/${'a/b'}`).toBe(
      'api/v1/cases/BN%202026-000123/x/a%2Fb',
    );
  });

  it('describeUrl drops the query and masks personal numbers', () => {
    expect(describeUrl('http://h/p/api/v1/applicants/199001012385/cases?page=2')).toBe(
      'http://h/p/api/v1/applicants/{personnummer}/cases',
    );
    expect(describeUrl('http://h/p/persons/900101-2385')).toBe('http://h/p/persons/{personnummer}');
  });
});

describe('connection settings', () => {
  it.each([
    [{ baseUrl: 'permits', auth: { scheme: 'none' } }, 'baseUrl'],
    [{ baseUrl: 'ftp://h/', auth: { scheme: 'none' } }, 'baseUrl'],
    [{ baseUrl: 'http://user:pw@h/', auth: { scheme: 'none' } }, 'baseUrl'],
    [{ baseUrl: 'http://h/?k=1', auth: { scheme: 'none' } }, 'baseUrl'],
    [{ baseUrl: 'http://h/', auth: { scheme: 'api-key', key: '' } }, 'auth.key'],
    [
      { baseUrl: 'http://h/', auth: { scheme: 'oauth2-client-credentials', clientId: 'c' } },
      'auth.clientSecret',
    ],
    [{ baseUrl: 'http://h/', auth: { scheme: 'basic' } }, 'auth.scheme'],
  ])('refuses %j, naming %s', (settings, key) => {
    const parsed = connectionSettingsSchema.safeParse(settings);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(key);
  });
});

describe('DepartmentConnection against a real HTTP server', () => {
  let server: FastifyInstance;
  let base: string;
  let healthy = true;
  let tokensIssued = 0;
  let revokeTokens = false;
  const seen: { url: string; headers: Record<string, unknown> }[] = [];
  const connections: DepartmentConnection[] = [];
  const never = new AbortController().signal;

  const connect = (settings: Record<string, unknown>, now?: () => number) => {
    const connection = new DepartmentConnection(
      {
        baseUrl: `${base}/dept`,
        auth: { scheme: 'api-key', key: 'k1' },
        maxBodyBytes: 1024,
        ...settings,
      } as never,
      { healthPath: 'health' },
      now,
    );
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = Fastify();
    server.addHook('onRequest', async (request) => {
      seen.push({ url: request.url, headers: request.headers });
    });
    server.get('/dept/health', async (_req, reply) =>
      healthy ? { status: 'ok' } : reply.code(503).send('down'),
    );
    server.get('/dept/ok', async () => ({ hello: 'värld' }));
    server.get('/dept/people/:pn', async (_req, reply) => reply.code(404).send({ error: 'unknown person' }));
    server.get('/dept/broken', async (_req, reply) => reply.code(503).send('down'));
    server.get('/dept/html', async (_req, reply) =>
      reply.type('text/html').send('<html>Underhåll pågår</html>'),
    );
    server.get('/dept/huge', async () => ({ blob: 'x'.repeat(4096) }));
    // Streamed without a Content-Length: the limit must hold as the body arrives, too.
    server.get('/dept/huge-streamed', async (_req, reply) =>
      reply.type('application/json').send(Readable.from(['{"blob":"', 'x'.repeat(4096), '"}'])),
    );
    server.get(
      '/dept/slow',
      async () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 2000).unref()),
    );
    server.post('/dept/orders', async (request) => ({ key: request.headers['idempotency-key'] ?? null }));
    server.post('/dept/oauth/token', async (request, reply) => {
      const form = request.body as Record<string, string>;
      if (form.client_secret !== 's3cret') return reply.code(401).send({ error: 'invalid_client' });
      tokensIssued++;
      return { access_token: `token-${tokensIssued}`, expires_in: 300 };
    });
    server.get('/dept/secured', async (request, reply) => {
      if (revokeTokens && request.headers.authorization === 'Bearer token-1') return reply.code(401).send({});
      return { auth: request.headers.authorization };
    });
    server.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => {
    healthy = true;
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server.close();
  });

  it('reads JSON under the base URL with the API key in its header, with or without the last slash', async () => {
    for (const baseUrl of [`${base}/dept`, `${base}/dept/`]) {
      const http = connect({ baseUrl }).bind(never);
      await expect(http.getJson('ok')).resolves.toEqual({ hello: 'värld' });
      expect(seen.at(-1)).toMatchObject({
        url: '/dept/ok',
        headers: { 'x-api-key': 'k1', accept: 'application/json' },
      });
    }
  });

  it('sends the idempotency key of an action, and none otherwise', async () => {
    const connection = connect({});
    await expect(
      connection.bind(never, { idempotencyKey: 'key-12345' }).postJson('orders', {}),
    ).resolves.toEqual({
      key: 'key-12345',
    });
    await expect(connection.bind(never).postJson('orders', {})).resolves.toEqual({ key: null });
  });

  it('believes a declared 404 means "nothing here" while the health endpoint answers', async () => {
    const http = connect({}).bind(never);
    await expect(http.getJson('people/199001012385', { notFoundMeansNone: true })).resolves.toBeNull();
  });

  it('refuses to call a 404 "nothing here" when the health check fails, naming both URLs, personal number masked', async () => {
    healthy = false;
    const http = connect({}).bind(never);
    const error = await http
      .getJson('people/199001012385', { notFoundMeansNone: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceNotFoundUnprovenError);
    expect((error as Error).message).toContain(`${base}/dept/people/{personnummer}`);
    expect((error as Error).message).toContain(`${base}/dept/health`);
    expect((error as Error).message).not.toContain('199001012385');
  });

  it('refuses it when the base URL is wrong and every path is 404', async () => {
    const http = connect({ baseUrl: `${base}/wrong` }).bind(never);
    await expect(http.getJson('people/199001012385', { notFoundMeansNone: true })).rejects.toBeInstanceOf(
      SourceNotFoundUnprovenError,
    );
  });

  it('checks health again once the last pass is older than healthMaxAgeMs', async () => {
    let now = 1_000_000;
    const http = connect({ healthMaxAgeMs: 5000 }, () => now).bind(never);
    await expect(http.getJson('people/1', { notFoundMeansNone: true })).resolves.toBeNull();
    healthy = false;
    now += 1000; // still vouched for
    await expect(http.getJson('people/1', { notFoundMeansNone: true })).resolves.toBeNull();
    now += 5000; // stale: asked again, and it is down
    await expect(http.getJson('people/1', { notFoundMeansNone: true })).rejects.toBeInstanceOf(
      SourceNotFoundUnprovenError,
    );
  });

  it('rejects a 404 the plugin did not declare, naming the URL', async () => {
    await expect(connect({}).bind(never).getJson('people/1')).rejects.toEqual(
      new SourceHttpStatusError(404, `${base}/dept/people/1`),
    );
  });

  it('fetches an OAuth2 token once, reuses it, and renews it once on a 401', async () => {
    const connection = connect({
      auth: { scheme: 'oauth2-client-credentials', clientId: 'frontdoor', clientSecret: 's3cret' },
    });
    const http = connection.bind(never);
    const before = tokensIssued;
    await expect(Promise.all([http.getJson('secured'), http.getJson('secured')])).resolves.toEqual([
      { auth: `Bearer token-${before + 1}` },
      { auth: `Bearer token-${before + 1}` },
    ]);
    expect(tokensIssued).toBe(before + 1);
    if (before + 1 === 1) {
      revokeTokens = true;
      await expect(http.getJson('secured')).resolves.toEqual({ auth: 'Bearer token-2' });
      revokeTokens = false;
    }
  });

  it('gives up on a token endpoint that refuses the client', async () => {
    const http = connect({
      auth: { scheme: 'oauth2-client-credentials', clientId: 'x', clientSecret: 'wrong' },
    }).bind(never);
    await expect(http.getJson('secured')).rejects.toEqual(
      new SourceHttpStatusError(401, `${base}/dept/oauth/token`),
    );
  });

  it('rejects a non-2xx answer, a body that is not JSON, and one past its limit', async () => {
    const http = connect({}).bind(never);
    await expect(http.getJson('broken')).rejects.toBeInstanceOf(SourceHttpStatusError);
    await expect(http.getJson('html')).rejects.toBeInstanceOf(SourceBodyNotJsonError);
    await expect(http.getJson('huge')).rejects.toBeInstanceOf(SourceBodyTooLargeError);
    await expect(http.getJson('huge-streamed')).rejects.toBeInstanceOf(SourceBodyTooLargeError);
    // The connection is still usable after a refused body.
    await expect(http.getJson('ok')).resolves.toEqual({ hello: 'värld' });
  });

  it('gives up when the deadline signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(connect({}).bind(controller.signal).getJson('slow')).rejects.toThrow(/abort/i);
  });

  it('names the address when nothing listens', async () => {
    const http = connect({ baseUrl: 'http://127.0.0.1:1/dept/' }).bind(never);
    const error = await http.getJson('ok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', url: 'http://127.0.0.1:1/dept/ok' });
  });

  it('reports its health with the URL it tried', async () => {
    healthy = false;
    const state = await connect({}).checkHealth(never);
    expect(state).toMatchObject({ healthy: false, url: `${base}/dept/health` });
    expect(state.reason).toContain('HTTP 503');
  });
});

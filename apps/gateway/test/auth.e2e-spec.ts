import Fastify, { type FastifyInstance } from 'fastify';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { TokenVerifier } from '@frontdoor/gateway';
import {
  childcarePluginOnly,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const PERSON =
  'query($pn: String!) { person(personalNumber: $pn) { personalNumber statuses { reference } } }';

describe('auth with the demo issuer (embedded default)', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox) });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('refuses a call without a token with HTTP 401', async () => {
    const { status, data, errors } = await hub.graphql('{ plugins { id } }', {}, { token: null });
    expect(status).toBe(401);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toContain('Missing bearer token');
  });

  it('refuses a malformed Authorization header', async () => {
    const { errors } = await hub.graphql(
      '{ plugins { id } }',
      {},
      { token: null, headers: { authorization: 'Basic dXNlcjpwdw==' } },
    );
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['garbage', async () => 'not.a.jwt'],
    [
      'signed by another key',
      async () => signWith((await generateKeyPair('ES256')).privateKey, { role: 'agent' }),
    ],
  ])('refuses a token that is %s', async (_label, makeToken) => {
    const { status, data, errors } = await hub.graphql(
      '{ plugins { id } }',
      {},
      { token: await makeToken() },
    );
    expect(status).toBe(401);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toContain('rejected');
  });

  it('refuses an expired token', async () => {
    const expired = await hub.app
      .get(TokenVerifier)
      .issueDevToken({ subject: 'agent-1', role: 'agent' }, -3600);
    const { errors } = await hub.graphql('{ plugins { id } }', {}, { token: expired });
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toContain('expired');
  });

  it('lets a citizen read themselves, given in any accepted form', async () => {
    const token = await hub.token('citizen', '900101-2385');
    const { data, errors } = await hub.graphql(PERSON, { pn: '19900101-2385' }, { token });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      person: {
        personalNumber: '199001012385',
        statuses: [{ reference: 'FSK-2026-0412' }, { reference: 'FSK-2026-0977' }],
      },
    });
  });

  it('refuses a citizen reading someone else, and reads nothing from the department', async () => {
    const token = await hub.token('citizen', '199001012385');
    const { data, errors } = await hub.graphql(PERSON, { pn: '196408233234' }, { token });
    expect(data).toEqual({ person: null });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['agent', 'case_officer', 'manager', 'admin'])(
    'lets staff role %s read any person',
    async (role) => {
      const token = await hub.token(role, `${role}-1`);
      const { data, errors } = await hub.graphql(PERSON, { pn: '196408233234' }, { token });
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        person: { personalNumber: '196408233234', statuses: [{ reference: 'FSK-2026-1033' }] },
      });
    },
  );

  it('refuses a service account reading a person (no operation granted to it)', async () => {
    const token = await hub.token('service', 'invoicing-system');
    const { data, errors } = await hub.graphql(PERSON, { pn: '196408233234' }, { token });
    expect(data).toEqual({ person: null });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a demo token request with an unknown role or a citizen without a personal number', async () => {
    const post = (body: unknown) =>
      fetch(`${hub.url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unknownRole = await post({ role: 'superuser', sub: 'x' });
    expect(unknownRole.status).toBe(400);
    expect(await unknownRole.text()).toContain('role');
    const citizen = await post({ role: 'citizen', sub: 'not-a-number' });
    expect(citizen.status).toBe(400);
  });

  async function signWith(key: KeyLike, claims: Record<string, unknown>) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('intruder')
      .setIssuer('frontdoor-dev-issuer')
      .setAudience('frontdoor')
      .setExpirationTime('1h')
      .sign(key);
  }
});

describe('auth against an identity provider’s JWKS (production shape, demo issuer off)', () => {
  let jwks: FastifyInstance;
  let privateKey: KeyLike;
  let hub: TestHub;
  const issuer = 'https://idp.test.frontdoor';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = Fastify();
    jwks.get('/jwks', async () => ({ keys: [jwk] }));
    const jwksUrl = await jwks.listen({ host: '127.0.0.1', port: 0 });
    hub = await startHub({
      env: { AUTH_JWKS_URL: `${jwksUrl}/jwks`, AUTH_ISSUER: issuer, AUTH_AUDIENCE: 'frontdoor-api' },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await jwks?.close();
  });

  const sign = (claims: { role: string; aud?: string; iss?: string }) =>
    new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('agent-7')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? 'frontdoor-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  it('accepts a token from the provider', async () => {
    const { data, errors } = await hub.graphql(
      '{ plugins { id } }',
      {},
      { token: await sign({ role: 'agent' }) },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ plugins: [] });
  });

  it.each([
    ['another audience', { role: 'agent', aud: 'someone-else' }, 'aud'],
    ['another issuer', { role: 'agent', iss: 'https://evil.example' }, 'iss'],
    ['an unknown role', { role: 'wizard' }, 'role'],
  ])('refuses a token with %s', async (_label, claims, mention) => {
    const { errors } = await hub.graphql('{ plugins { id } }', {}, { token: await sign(claims) });
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toContain(mention);
  });

  it('has no demo issuer', async () => {
    const response = await fetch(`${hub.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin', sub: 'me' }),
    });
    expect(response.status).toBe(404);
  });
});

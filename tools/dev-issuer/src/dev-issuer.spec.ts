import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startDevIssuer, type DevIssuerHandle } from '@frontdoor/testing';

const CONSOLE_ORIGIN = 'http://127.0.0.1:4000';

describe('the demo OIDC issuer (tools/dev-issuer)', () => {
  let issuer: DevIssuerHandle;
  beforeAll(async () => {
    issuer = await startDevIssuer();
  });
  afterAll(() => issuer?.close());

  it('refuses to start when NODE_ENV=production', () => {
    const run = spawnSync(process.execPath, [resolve(__dirname, 'server.js')], {
      env: { ...process.env, NODE_ENV: 'production', DEV_ISSUER_PORT: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refuses to run when NODE_ENV=production');
  });

  it('publishes discovery with its own issuer, code flow with PKCE S256 only', async () => {
    const discovery = (await (
      await fetch(`${issuer.url}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: issuer.url,
      jwks_uri: `${issuer.url}/jwks`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  it.each([
    ['discovery', 'GET', '/.well-known/openid-configuration'],
    ['keys', 'GET', '/jwks'],
  ])('lets the console’s origin read %s from the browser', async (_label, method, path) => {
    const response = await fetch(`${issuer.url}${path}`, { method, headers: { origin: CONSOLE_ORIGIN } });
    expect(response.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/127\.0\.0\.1:4000)$/);
  });

  it('lets the console’s origin, and no other, call the token endpoint from the browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${issuer.url}/token`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const token = (origin: string) =>
      fetch(`${issuer.url}/token`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          client_id: 'agent-console',
          redirect_uri: `${CONSOLE_ORIGIN}/console/`,
          code_verifier: 'x'.repeat(43),
        }),
      });
    expect((await preflight(CONSOLE_ORIGIN)).headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect((await token(CONSOLE_ORIGIN)).headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    const elsewhere = await token('https://evil.example');
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an authorization request without PKCE from the public console client', async () => {
    const url = new URL('/auth', issuer.url);
    url.search = new URLSearchParams({
      client_id: 'agent-console',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${CONSOLE_ORIGIN}/console/`,
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toContain('PKCE');
  });

  it('refuses a service client with the wrong secret', async () => {
    const response = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('waste-system:wrong').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });
});

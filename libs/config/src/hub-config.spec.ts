import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadHubConfig } from './hub-config';

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-config-')), 'frontdoor.config.json');
  writeFileSync(path, content);
  return path;
}

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadHubConfig(env, tmpdir());
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadHubConfig', () => {
  it('starts from safe defaults: loopback, port 4000, embedded SQLite, demo issuer outside production', () => {
    const config = loadHubConfig({}, mkdtempSync(join(tmpdir(), 'fd-empty-')));
    expect(config.env).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 4000,
      DATA_DIR: './data',
      NODE_ENV: 'development',
    });
    expect(config.env.DATABASE_URL).toBeUndefined();
    expect(config.auth).toMatchObject({
      devIssuer: true,
      issuer: 'frontdoor-dev-issuer',
      audience: 'frontdoor',
    });
    expect(config.plugins).toEqual({});
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', '(got "eighty")'],
    [{ PORT: '70000' }, 'PORT', '65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'loud'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL', ''],
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL', ''],
    [{ AUTH_PUBLIC_KEY: 'abc' }, 'AUTH_PUBLIC_KEY', 'PEM'],
  ])('names the key and what was expected for %p', (env, key, detail) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${key}:`)).toBe(true);
    expect(problems[0]).toContain(detail);
  });

  it('never echoes a value that may be a secret', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    expect(problem).not.toContain('hunter2');
  });

  it('refuses the demo issuer in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', AUTH_DEV_ISSUER: 'true' })).toContain(
      'AUTH_DEV_ISSUER: the demo token issuer cannot run when NODE_ENV=production',
    );
  });

  it('requires a way to verify tokens in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_PUBLIC_KEY: one is required to verify tokens when the demo issuer is off',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' })).toEqual([
      'AUTH_ISSUER: required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the `iss` their tokens carry)',
    ]);
  });

  it('trusts an OpenID Connect provider beside the demo issuer outside production, and alone in production', () => {
    const empty = mkdtempSync(join(tmpdir(), 'fd-empty-'));
    const dev = loadHubConfig({ AUTH_OIDC_ISSUER: 'http://127.0.0.1:4020' }, empty);
    expect(dev.auth).toMatchObject({ devIssuer: true, oidcIssuer: 'http://127.0.0.1:4020' });
    const production = loadHubConfig(
      { NODE_ENV: 'production', AUTH_OIDC_ISSUER: 'https://login.kommun.se/realms/frontdoor' },
      empty,
    );
    expect(production.auth).toMatchObject({
      devIssuer: false,
      oidcIssuer: 'https://login.kommun.se/realms/frontdoor',
    });
    expect(production.auth.mapping.claims).toEqual({
      roles: ['roles', 'role'],
      answerGroups: 'groups',
      personalNumber: 'personal_number',
      name: 'name',
      clearances: 'clearances',
      clientId: 'client_id',
    });
  });

  it.each([
    [{ AUTH_OIDC_ISSUER: 'login.kommun.se' }, 'AUTH_OIDC_ISSUER', 'issuer URL'],
    [{ AUTH_OIDC_ISSUER: 'ftp://login.kommun.se' }, 'AUTH_OIDC_ISSUER', 'issuer URL'],
  ])('names AUTH_OIDC_ISSUER when it is not an http(s) URL: %p', (env, key, detail) => {
    const [problem] = problemsOf(env);
    expect(problem.startsWith(`${key}:`)).toBe(true);
    expect(problem).toContain(detail);
  });

  it.each([
    [
      '{"auth":{"roleMap":{"frontdoor-agent":"wizard"}}}',
      'auth.roleMap.frontdoor-agent',
      'expected a hub role',
    ],
    [
      '{"auth":{"roleMap":{"frontdoor-robot":"service"}}}',
      'auth.roleMap.frontdoor-robot',
      'auth.serviceAccounts',
    ],
    ['{"auth":{"claims":{"roles":"realm access roles"}}}', 'auth.claims.roles', 'dotted path'],
    ['{"auth":{"claims":{"groupz":"groups"}}}', 'auth.claims', 'groupz'],
    [
      '{"auth":{"serviceAccounts":{"waste-system":{"operations":[]}}}}',
      'auth.serviceAccounts.waste-system.operations',
      'at least one',
    ],
    [
      '{"auth":{"serviceAccounts":{"waste-system":{"operations":["order pickup"]}}}}',
      'auth.serviceAccounts.waste-system.operations.0',
      'query or mutation name',
    ],
  ])('reports a bad auth section %s at %s', (content, where, detail) => {
    const path = configFile(content);
    const [problem] = problemsOf({ FRONTDOOR_CONFIG: path });
    expect(problem).toContain(`${path}: ${where}:`);
    expect(problem).toContain(detail);
  });

  it('fills ${VAR} and ${VAR:-default} from the environment, so secrets stay out of the file', () => {
    const path = configFile(
      JSON.stringify({
        plugins: {
          'childcare-queue': {
            config: { baseUrl: '${BASE:-http://127.0.0.1:4010/childcare/}', apiKey: '${KEY}' },
          },
        },
      }),
    );
    const config = loadHubConfig({ FRONTDOOR_CONFIG: path, KEY: 's3cr"et' });
    expect(config.plugins['childcare-queue']).toEqual({
      enabled: true,
      timeoutMs: 1500,
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10000 },
      cache: { ttlMs: 15000, staleIfErrorMs: 900000, maxEntries: 10000 },
      jobs: {},
      config: { baseUrl: 'http://127.0.0.1:4010/childcare/', apiKey: 's3cr"et' },
    });
  });

  it('names a placeholder that is not set', () => {
    const path = configFile('{"plugins":{"childcare-queue":{"config":{"apiKey":"${CHILDCARE_KEY}"}}}}');
    expect(problemsOf({ FRONTDOOR_CONFIG: path })).toEqual([
      `${path}: \${CHILDCARE_KEY} is not set in the environment`,
    ]);
  });

  it.each([
    ['{"plugins":{"childcare-queue":{"timeoutMs":"fast"}}}', 'plugins.childcare-queue.timeoutMs'],
    ['{"plugins":{"childcare-queue":{"timeoutMs":5}}}', 'plugins.childcare-queue.timeoutMs'],
    ['{"plugins":{"childcare-queue":{"deadline":100}}}', 'plugins.childcare-queue'],
    ['{"plugin":{}}', '(root)'],
    ['{"plugins":', 'not valid JSON'],
  ])('reports a bad config file %s at %s', (content, where) => {
    const path = configFile(content);
    const problems = problemsOf({ FRONTDOOR_CONFIG: path });
    expect(problems[0]).toContain(path);
    expect(problems[0]).toContain(where);
  });

  it('reports a missing config file that was asked for', () => {
    expect(problemsOf({ FRONTDOOR_CONFIG: '/nonexistent/frontdoor.json' })[0]).toBe(
      'FRONTDOOR_CONFIG: no file at /nonexistent/frontdoor.json',
    );
  });
});

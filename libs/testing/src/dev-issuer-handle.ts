import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const SERVER = resolve(__dirname, '../../../tools/dev-issuer/src/server.js');
const START_TIMEOUT_MS = 20_000;

/** The demo OIDC provider (tools/dev-issuer) running as its own process on a free loopback port. */
export interface DevIssuerHandle {
  /** The issuer URL, e.g. http://127.0.0.1:41234 (also its `iss`). */
  url: string;
  close(): Promise<void>;
}

export interface StartDevIssuerOptions {
  /** Extra environment, e.g. DEV_ISSUER_USERS_FILE or CONSOLE_REDIRECT_URIS. */
  env?: Record<string, string>;
}

/**
 * Spawns `node tools/dev-issuer/src/server.js` (oidc-provider is ESM, the tests are not) and
 * waits, bounded, for its "listening on" line.
 */
export async function startDevIssuer(options: StartDevIssuerOptions = {}): Promise<DevIssuerHandle> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, NODE_ENV: 'test', DEV_ISSUER_PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`dev-issuer did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dev-issuer listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`dev-issuer exited (${code}) before listening:\n${output}`)));
  });
  // A test file that dies before its afterAll must not leave a provider running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    close: () => {
      process.removeListener('exit', killOnExit);
      return stop(child);
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export interface IssuerLogin {
  accessToken: string;
  idToken?: string;
  /** The pages the flow passed through, for assertions on the login page. */
  loginPageHtml: string;
}

export interface LoginOptions {
  clientId?: string;
  redirectUri?: string;
  /** A resource indicator; none means the issuer's default (the hub). */
  resource?: string;
}

/**
 * Signs in as a demo user the way a browser would, over plain HTTP: an authorization request
 * with PKCE, the interaction page (role picker), the user's button, the redirects back, and
 * the code exchanged at the token endpoint. Nothing is shortcut; every step is the provider's.
 */
export async function loginThroughIssuer(
  issuer: DevIssuerHandle | string,
  userId: string,
  options: LoginOptions = {},
): Promise<IssuerLogin> {
  const base = typeof issuer === 'string' ? issuer : issuer.url;
  const clientId = options.clientId ?? 'agent-console';
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:4000/console/';
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(12).toString('base64url');
  const browser = new CookieBrowser();

  const authorize = new URL('/auth', base);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid profile',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(12).toString('base64url'),
    ...(options.resource ? { resource: options.resource } : {}),
  }).toString();

  let page = await browser.follow(authorize.href, redirectUri);
  if (page.redirectedTo)
    throw new Error(`the issuer redirected back without a login page: ${page.redirectedTo}`);
  const loginPageHtml = page.body;
  const action = /<form method="post" action="([^"]+\/login)"/.exec(loginPageHtml)?.[1];
  if (!action) throw new Error(`no login form on the interaction page:\n${loginPageHtml.slice(0, 500)}`);
  if (!loginPageHtml.includes(`data-user="${userId}"`))
    throw new Error(`no button for demo user "${userId}" on the login page`);

  page = await browser.follow(new URL(action, page.url).href, redirectUri, {
    method: 'POST',
    body: new URLSearchParams({ user: userId }),
  });
  if (!page.redirectedTo)
    throw new Error(
      `the login did not come back to ${redirectUri}: ${page.status} ${page.body.slice(0, 300)}`,
    );
  const back = new URL(page.redirectedTo);
  if (back.searchParams.get('error'))
    throw new Error(
      `authorization failed: ${back.searchParams.get('error')} ${back.searchParams.get('error_description') ?? ''}`,
    );
  if (back.searchParams.get('state') !== state) throw new Error('the state came back changed');
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in ${page.redirectedTo}`);

  const token = await fetch(new URL('/token', base), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as {
    access_token?: string;
    id_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!body.access_token)
    throw new Error(`token endpoint: ${token.status} ${body.error} ${body.error_description ?? ''}`);
  return { accessToken: body.access_token, idToken: body.id_token, loginPageHtml };
}

/** A service account's token: the client credentials grant with the client's secret (HTTP Basic). */
export async function clientCredentialsToken(
  issuer: DevIssuerHandle | string,
  clientId: string,
  secret: string,
  resource?: string,
): Promise<{ status: number; accessToken?: string; error?: string }> {
  const base = typeof issuer === 'string' ? issuer : issuer.url;
  const response = await fetch(new URL('/token', base), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(resource ? { resource } : {}) }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  return { status: response.status, accessToken: body.access_token, error: body.error };
}

/** Just enough of a browser: cookies per path, redirects followed by hand until one leaves for the client. */
class CookieBrowser {
  private cookies = new Map<string, { value: string; path: string }>();

  async follow(
    url: string,
    stopAt: string,
    init: { method?: string; body?: URLSearchParams } = {},
  ): Promise<{ url: string; status: number; body: string; redirectedTo?: string }> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(current, {
        method: request.method ?? 'GET',
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(new URL(current).pathname),
          ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: request.body?.toString(),
      });
      this.store(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current).href;
        if (next.startsWith(stopAt))
          return { url: current, status: response.status, body: '', redirectedTo: next };
        current = next;
        request = {};
        continue;
      }
      return { url: current, status: response.status, body: await response.text() };
    }
    throw new Error(`more than 10 redirects from ${url}`);
  }

  private store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const expired =
        attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a)) ||
        attributes.some((a) => /^max-age=0$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair.slice(eq + 1), path });
    }
  }

  private cookieHeader(pathname: string): string {
    return [...this.cookies.entries()]
      .filter(([, cookie]) => pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';
import { claimsOf, loadDemoUsers, subjectOf } from './demo-users.js';
import { loggedOutPage, loginPage, logoutPage } from './login-page.js';

/** The hub's API as a resource server: access tokens for it are JWTs with this audience. */
export const HUB_RESOURCE = 'urn:frontdoor';
export const HUB_AUDIENCE = 'frontdoor';
/**
 * Another API of the municipality (the e-services' own backend). Tokens for it must not open
 * the hub: the hub's tests ask for one to prove the audience is checked.
 */
export const E_SERVICES_RESOURCE = 'urn:exempelstad:e-tjanster';

const DEFAULT_CONSOLE_REDIRECT = 'http://127.0.0.1:4000/console/';
const DEFAULT_CITIZEN_REDIRECT = 'http://127.0.0.1:4000/mina-arenden/';

/**
 * Starts the demo OpenID Connect provider on 127.0.0.1. `port: 0` picks a free port; the
 * issuer URL is `http://127.0.0.1:<port>` either way.
 *
 * @param {{ port?: number, consoleRedirectUris?: string[], serviceClients?: Record<string, string>, usersFile?: string, accessTokenTtlS?: number }} options
 */
export async function startDevIssuer(options = {}) {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'The demo OIDC issuer refuses to run when NODE_ENV=production: anyone can sign in as anyone here.',
    );
  }
  const users = loadDemoUsers(options.usersFile);
  const bySubject = new Map(users.map((u) => [subjectOf(u), u]));
  const byId = new Map(users.map((u) => [u.id, u]));
  const consoleRedirectUris = options.consoleRedirectUris?.length
    ? options.consoleRedirectUris
    : [DEFAULT_CONSOLE_REDIRECT];
  const citizenRedirectUris = options.citizenRedirectUris?.length
    ? options.citizenRedirectUris
    : [DEFAULT_CITIZEN_REDIRECT];
  const consoleOrigins = new Set(
    [...consoleRedirectUris, ...citizenRedirectUris].map((uri) => new URL(uri).origin),
  );
  const serviceClients = options.serviceClients ?? { 'waste-system': 'sandbox-waste-system-secret' };
  const accessTokenTtlS = options.accessTokenTtlS ?? 3600;

  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4020, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;

  // A fresh signing key per process, like the gateway's in-process demo issuer: tokens die with it.
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    use: 'sig',
    alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        // The agent console: a browser app, so a public client with PKCE (required for public clients).
        client_id: 'agent-console',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: consoleRedirectUris,
        post_logout_redirect_uris: consoleRedirectUris,
      },
      {
        // The citizen page "Mina ärenden": a browser app like the console (in production the e-ID broker's client).
        client_id: 'citizen-web',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: citizenRedirectUris,
        post_logout_redirect_uris: citizenRedirectUris,
      },
      ...Object.entries(serviceClients).map(([clientId, secret]) => ({
        // A department's own system: no user, client credentials only.
        client_id: clientId,
        client_secret: secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      })),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'offline_access'],
    responseTypes: ['code'],
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: accessTokenTtlS,
      AuthorizationCode: 60,
      ClientCredentials: accessTokenTtlS,
      Grant: 8 * 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 8 * 3600,
      Session: 8 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        // A client that names no resource still gets a JWT for the hub.
        defaultResource: async () => HUB_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          const common = {
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlS,
            jwt: { sign: { alg: 'RS256' } },
          };
          if (resource === HUB_RESOURCE) return { ...common, scope: 'hub', audience: HUB_AUDIENCE };
          if (resource === E_SERVICES_RESOURCE)
            return { ...common, scope: 'e-tjanster', audience: 'e-tjanster' };
          throw new errors.InvalidTarget(
            `unknown resource; this issuer serves ${HUB_RESOURCE} and ${E_SERVICES_RESOURCE}`,
          );
        },
      },
    },
    // The console runs on the gateway's origin and calls the token endpoint from the browser.
    clientBasedCORS: (_ctx, origin) => consoleOrigins.has(origin),
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const user = bySubject.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: user.name }) };
    },
    extraTokenClaims: async (_ctx, token) => {
      // Client credentials tokens carry no user: sub and client_id are the client.
      if (!token.accountId) return undefined;
      const user = bySubject.get(token.accountId);
      return user ? claimsOf(user) : undefined;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fel</title></head><body><p>Demo – inte för inloggning i produktion</p><h1>Något gick fel</h1><pre>${Object.entries(
        out,
      )
        .map(([k, v]) => `${k}: ${String(v).replace(/[<>&]/g, '')}`)
        .join('\n')}</pre></body></html>`;
    },
  });

  const oidc = provider.callback();
  server.on('request', (req, res) => {
    interaction(provider, byId, users, req, res)
      .then((handled) => {
        if (!handled) oidc(req, res);
      })
      .catch((error) => {
        res.statusCode = error instanceof errors.SessionNotFound ? 400 : 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(`Inloggningen kunde inte slutföras: ${error.message}`);
      });
  });

  return {
    issuer,
    users,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would otherwise hold the close for seconds.
        server.closeAllConnections();
      }),
  };
}

/** The login interaction: the role picker, then an automatic grant (first-party clients only here, so no consent screen). */
async function interaction(provider, byId, users, req, res) {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/.exec(
    new URL(req.url, 'http://x').pathname,
  );
  if (!match) return false;
  const [, uid, action] = match;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');

  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(loginPage({ uid, clientId: details.params.client_id, users }));
      return true;
    }
    if (details.prompt.name === 'consent') {
      await grantEverythingAsked(provider, details, details.session.accountId, details.grantId);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: details.grantId } },
        { mergeWithLastSubmission: true },
      );
      return true;
    }
    return false;
  }

  if (req.method === 'POST' && action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'Inloggningen avbröts' },
      { mergeWithLastSubmission: false },
    );
    return true;
  }

  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await readBody(req));
    const user = byId.get(form.get('user') ?? '');
    if (!user) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Okänd demoanvändare.');
      return true;
    }
    const grantId = await grantEverythingAsked(provider, details, subjectOf(user));
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: subjectOf(user) }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  return false;
}

/** Grants the client what it asked for: every client of this issuer is the municipality's own. */
async function grantEverythingAsked(provider, details, accountId, existingGrantId) {
  const existing = existingGrantId ? await provider.Grant.find(existingGrantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId: details.params.client_id });
  const missing = details.prompt.details ?? {};
  const scopes = new Set(String(details.params.scope ?? 'openid').split(' '));
  grant.addOIDCScope(
    [...scopes].filter((s) => ['openid', 'profile', 'offline_access'].includes(s)).join(' '),
  );
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, resourceScopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, resourceScopes.join(' '));
  grant.addResourceScope(
    details.params.resource ?? HUB_RESOURCE,
    details.params.resource === E_SERVICES_RESOURCE ? 'e-tjanster' : 'hub',
  );
  return grant.save();
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

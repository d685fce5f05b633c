import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CASE_SETUP,
  TestClock,
  allPluginsWithRegister,
  clientCredentialsToken,
  loginThroughIssuer,
  startDevIssuer,
  startHub,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Signing in through a real OpenID Connect provider (tools/dev-issuer, oidc-provider in its
 * own process): every token here comes from its token endpoint after the browser-less login
 * flow or client credentials. Where a token is altered, that is the attack being tested.
 */
const ANNA = '199001012385';
const BERTIL = '196408233234';
const CECILIA = '200002292399'; // protected identity (skyddade personuppgifter)
const WASTE_SECRET = 'sandbox-waste-system-secret';

const PERSON =
  'query($pn: String!) { person(personalNumber: $pn) { personalNumber statuses { reference } } }';
const WHEREABOUTS =
  'query($pn: String!) { person(personalNumber: $pn) { protectedIdentity populationRecord { address { street } } } }';

/** Users beside the built-in demo ones: a citizen whose token lacks the personal number, an officer known to the hub only by token. */
function extraUsersFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-issuer-users-')), 'users.json');
  writeFileSync(
    path,
    JSON.stringify([
      { id: 'citizen-utan-personnummer', name: 'Ingen Personnummer', roles: ['citizen'] },
      { id: 'officer-olle', name: 'Olle Ohlsson', roles: ['case_officer'], groups: ['socialtjanst'] },
    ]),
  );
  return path;
}

const decode = (token: string) =>
  token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString())) as [
    Record<string, unknown>,
    Record<string, unknown>,
  ];
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('OpenID Connect: signing in through a real provider', () => {
  let sandbox: SandboxHandle;
  let issuer: DevIssuerHandle;
  let untrusted: DevIssuerHandle;
  let hub: TestHub;
  const clock = new TestClock(Date.now());

  beforeAll(async () => {
    [sandbox, issuer, untrusted] = await Promise.all([
      startSandbox(),
      startDevIssuer({ env: { DEV_ISSUER_USERS_FILE: extraUsersFile() } }),
      startDevIssuer(),
    ]);
    hub = await startHub({
      sandbox,
      clock,
      plugins: allPluginsWithRegister(sandbox),
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url },
      access: {
        protectedIdentity: { clearedAnswerGroups: ['socialtjanst'] },
        // The waste department's system books pickups itself: level 3 there, nothing elsewhere.
        mandates: { roles: { service: { 'Avfall och återvinning': 3 } } },
      },
      auth: { serviceAccounts: { 'waste-system': { operations: ['orderBulkyWastePickup', 'plugins'] } } },
    });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    await Promise.all([sandbox?.close(), issuer?.close(), untrusted?.close()]);
  });

  const login = async (userId: string, from: DevIssuerHandle = issuer) =>
    (await loginThroughIssuer(from, userId)).accessToken;
  const expectRefused = async (token: string, mention: string) => {
    const { status, data, errors } = await hub.graphql('{ plugins { id } }', {}, { token });
    expect(status).toBe(401);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toContain(mention);
  };

  it('shows a Swedish demo role picker, marked as not for production, one button per demo user', async () => {
    const { loginPageHtml } = await loginThroughIssuer(issuer, 'agent-anna');
    expect(loginPageHtml).toContain('<html lang="sv">');
    expect(loginPageHtml).toContain('Demo – inte för inloggning i produktion');
    for (const user of [
      'agent-anna',
      'agent-pia',
      'officer-karin',
      'officer-sara',
      'officer-nina',
      'manager-eva',
      'admin-adam',
      'citizen-anna',
    ]) {
      expect(loginPageHtml).toContain(`data-user="${user}"`);
    }
    expect(loginPageHtml).toMatch(/data-user="officer-karin">Karin Lund<span class="role">handläggare/);
  });

  it('issues JWT access tokens for the hub with the user’s claims, never the personal number as subject', async () => {
    const [header, claims] = decode(await login('citizen-anna'));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(claims).toMatchObject({
      iss: issuer.url,
      aud: 'frontdoor',
      client_id: 'agent-console',
      roles: ['citizen'],
      personal_number: ANNA,
      name: 'Anna Andersson',
    });
    expect(claims.sub).not.toContain(ANNA);
  });

  it('lets an agent signed in through the provider read a person', async () => {
    const { data, errors } = await hub.graphql<{ person: { personalNumber: string; statuses: unknown[] } }>(
      PERSON,
      { pn: BERTIL },
      { token: await login('agent-anna') },
    );
    expect(errors).toBeUndefined();
    expect(data!.person.personalNumber).toBe(BERTIL);
    expect(data!.person.statuses.length).toBeGreaterThan(0);
  });

  it('keeps the in-process demo issuer working beside the provider', async () => {
    const { errors } = await hub.graphql(
      PERSON,
      { pn: BERTIL },
      { token: await hub.token('agent', 'agent-demo') },
    );
    expect(errors).toBeUndefined();
  });

  it('maps answer groups and clearances from the token: a cleared group or clearance sees a protected person’s address, others do not', async () => {
    const street = async (userId: string) => {
      const { data, errors } = await hub.graphql<{
        person: {
          protectedIdentity: boolean;
          populationRecord: { address: { street: string } | null } | null;
        };
      }>(WHEREABOUTS, { pn: CECILIA }, { token: await login(userId) });
      expect(errors).toBeUndefined();
      expect(data!.person.protectedIdentity).toBe(true);
      return JSON.stringify(data!.person.populationRecord);
    };
    // Olle is in no answer group of the config: socialtjanst comes from his token's groups claim alone.
    expect(await street('officer-olle')).toContain('Björkvägen');
    expect(await street('agent-pia')).toContain('Björkvägen');
    expect(await street('officer-nina')).not.toContain('Björkvägen');
    expect(await street('agent-anna')).not.toContain('Björkvägen');
  });

  it('opens a group’s confidential case to a member named by the token alone, and to no one outside the group', async () => {
    const agent = await hub.token('agent', 'agent-secret');
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "forsorjningsstod", summary: "Fråga om utbetalning" }) { id } }',
      {},
      { token: agent },
    );
    const id = registered.data!.registerContact.id;
    await hub.graphql(
      'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "socialtjanst", message: "Ring upp") { id } }',
      { id },
      { token: agent },
    );
    const read = (token: string) =>
      hub.graphql('query($id: ID!) { case(id: $id) { id } }', { id }, { token });
    // Olle is in socialtjanst by his token's groups claim only; Nina is in ekonomi.
    expect((await read(await login('officer-olle'))).errors).toBeUndefined();
    expect((await read(await login('officer-nina'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives case officers, managers and admins what their mapped role allows, and no more', async () => {
    for (const user of ['officer-karin', 'manager-eva', 'admin-adam']) {
      const { errors } = await hub.graphql('{ cases { totalCount } }', {}, { token: await login(user) });
      expect(errors).toBeUndefined();
    }
    const admin = await hub.graphql('{ mandates { effective } }', {}, { token: await login('admin-adam') });
    expect(admin.errors).toBeUndefined();
    const officer = await hub.graphql(
      '{ mandates { effective } }',
      {},
      { token: await login('officer-karin') },
    );
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a citizen their own matters and cases through me, and nobody else’s', async () => {
    const token = await login('citizen-anna');
    const me = await hub.graphql<{
      me: { person: { personalNumber: string; statuses: { reference: string }[]; cases: unknown[] } };
    }>('{ me { person { personalNumber statuses { reference } cases { status } } } }', {}, { token });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.person.personalNumber).toBe(ANNA);
    expect(me.data!.me.person.statuses.map((s) => s.reference)).toEqual(
      expect.arrayContaining(['FSK-2026-0412', 'FSK-2026-0977']),
    );

    const own = await hub.graphql(PERSON, { pn: '19900101-2385' }, { token });
    expect(own.errors).toBeUndefined();
    const other = await hub.graphql(PERSON, { pn: BERTIL }, { token });
    expect(other.data).toEqual({ person: null });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const staffOnly = await hub.graphql('{ cases { totalCount } }', {}, { token });
    expect(staffOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a second citizen their own data, not the first one’s', async () => {
    const { data, errors } = await hub.graphql<{ me: { person: { personalNumber: string } } }>(
      '{ me { person { personalNumber } } }',
      {},
      { token: await login('citizen-bertil') },
    );
    expect(errors).toBeUndefined();
    expect(data!.me.person.personalNumber).toBe(BERTIL);
  });

  it('lets a service account (client credentials) call exactly its configured operations', async () => {
    const { accessToken } = await clientCredentialsToken(issuer, 'waste-system', WASTE_SECRET);
    expect(decode(accessToken!)[1]).toMatchObject({
      sub: 'waste-system',
      client_id: 'waste-system',
      aud: 'frontdoor',
    });

    const plugins = await hub.graphql<{ plugins: { id: string }[] }>(
      '{ plugins { id } }',
      {},
      { token: accessToken },
    );
    expect(plugins.errors).toBeUndefined();
    const order = await hub.graphql<{ orderBulkyWastePickup: { orderId: string } }>(
      `mutation { orderBulkyWastePickup(idempotencyKey: "oidc-service-1", input: { propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${ANNA}" }) { orderId } }`,
      {},
      { token: accessToken },
    );
    expect(order.errors).toBeUndefined();
    expect(order.data!.orderBulkyWastePickup.orderId).toBeTruthy();

    for (const document of [
      `{ person(personalNumber: "${ANNA}") { personalNumber } }`,
      '{ cases { totalCount } }',
    ]) {
      const refused = await hub.graphql(document, {}, { token: accessToken });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toContain('service account "waste-system" may not use');
      expect(refused.errors?.[0].message).toMatch(/may not use (person|cases)/);
    }
  });

  describe('refuses', () => {
    it('an expired token, once past the 30 s allowed for clock skew', async () => {
      const token = await login('agent-anna');
      // The dev issuer's tokens live an hour; the hub allows 30 s of clock skew.
      const start = clock.now();
      const expiry = Number(decode(token)[1].exp) * 1000;
      try {
        clock.advance(expiry + 29_000 - clock.now());
        expect((await hub.graphql('{ plugins { id } }', {}, { token })).errors).toBeUndefined();
        clock.advance(2_000);
        await expectRefused(token, 'expired');
      } finally {
        clock.advance(start - clock.now());
      }
      expect((await hub.graphql('{ plugins { id } }', {}, { token })).errors).toBeUndefined();
    });

    it('a token for another API (wrong audience)', async () => {
      const { accessToken } = await clientCredentialsToken(
        issuer,
        'waste-system',
        WASTE_SECRET,
        'urn:exempelstad:e-tjanster',
      );
      expect(decode(accessToken!)[1].aud).toBe('e-tjanster');
      await expectRefused(accessToken!, 'claim "aud"');
    });

    it('a token from an issuer the hub does not trust', async () => {
      await expectRefused(
        await login('admin-adam', untrusted),
        `its issuer "${untrusted.url}" is not trusted here`,
      );
    });

    it('a token claiming the trusted issuer but signed by another (wrong issuer behind the iss)', async () => {
      const [header, claims, signature] = (await login('admin-adam', untrusted)).split('.');
      const forged = [
        header,
        encode({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), iss: issuer.url }),
        signature,
      ].join('.');
      await expectRefused(forged, 'rejected');
    });

    it('a token whose claims were changed after signing (tampered)', async () => {
      const [header, claims, signature] = (await login('agent-anna')).split('.');
      const promoted = [
        header,
        encode({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), roles: ['admin'] }),
        signature,
      ].join('.');
      await expectRefused(promoted, 'its signature does not verify');
      const flipped = `${header}.${claims}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      await expectRefused(flipped, 'its signature does not verify');
    });

    it('a token with the algorithm switched to none', async () => {
      const [, claims] = (await login('agent-anna')).split('.');
      await expectRefused(`${encode({ alg: 'none', typ: 'JWT' })}.${claims}.`, 'rejected');
    });

    it('a citizen token without a personal number', async () => {
      await expectRefused(
        await login('citizen-utan-personnummer'),
        "a citizen's token must carry their personal number (claim personal_number)",
      );
    });

    it('a client credentials token from a client that is not a configured service account', async () => {
      const { accessToken } = await clientCredentialsToken(
        issuer,
        'invoicing-system',
        'sandbox-invoicing-system-secret',
      );
      await expectRefused(accessToken!, 'the client "invoicing-system" is not a service account of this hub');
    });
  });
});

describe('OpenID Connect: bad configuration stops the gateway at start, naming the key', () => {
  let issuer: DevIssuerHandle;
  beforeAll(async () => {
    issuer = await startDevIssuer();
  });
  afterAll(() => issuer?.close());

  it.each([
    [
      'an issuer nobody answers at',
      () => 'http://127.0.0.1:1',
      'AUTH_OIDC_ISSUER: the provider could not be reached',
    ],
    [
      'an issuer URL that is not the provider’s own name',
      () => issuer.url.replace('127.0.0.1', 'localhost'),
      'AUTH_OIDC_ISSUER: the provider calls itself "http://127.0.0.1:',
    ],
    [
      'a URL without a discovery document',
      () => `${issuer.url}/nowhere`,
      'AUTH_OIDC_ISSUER: the discovery document answered HTTP 404',
    ],
  ])('refuses %s', async (_label, url, message) => {
    await expect(startHub({ env: { AUTH_OIDC_ISSUER: url() } })).rejects.toThrow(message);
  });

  it('refuses a service account naming an operation the hub does not have', async () => {
    await expect(
      startHub({
        env: { AUTH_OIDC_ISSUER: issuer.url },
        auth: { serviceAccounts: { 'waste-system': { operations: ['plugins', 'orderPizza'] } } },
      }),
    ).rejects.toThrow(
      'auth.serviceAccounts.waste-system.operations: no query or mutation "orderPizza" in this hub',
    );
  });
});

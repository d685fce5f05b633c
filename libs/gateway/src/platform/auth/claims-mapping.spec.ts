import { authFileSchema, type AuthMapping } from '@frontdoor/config';
import { ClaimsRejected, principalFromClaims, valueAt } from './claims-mapping';

const defaults = authFileSchema.parse({});
const keycloak: AuthMapping = authFileSchema.parse({
  claims: {
    roles: 'realm_access.roles',
    answerGroups: 'frontdoor.groups',
    personalNumber: 'se.personnummer',
  },
  roleMap: {
    'frontdoor-agent': 'agent',
    'frontdoor-officer': 'case_officer',
    'frontdoor-manager': 'manager',
    'frontdoor-citizen': 'citizen',
  },
  serviceAccounts: { 'waste-system': { operations: ['orderBulkyWastePickup', 'plugins'] } },
});
const withService: AuthMapping = {
  ...defaults,
  serviceAccounts: { 'waste-system': { operations: ['plugins'] } },
};

const rejection = (claims: Record<string, unknown>, mapping: AuthMapping = defaults): string => {
  try {
    principalFromClaims(claims, mapping);
  } catch (error) {
    if (error instanceof ClaimsRejected) return error.message;
    throw error;
  }
  throw new Error('expected the claims to be rejected');
};

describe('principalFromClaims: the dev issuer’s claims need no mapping', () => {
  it.each([
    [
      'an agent',
      { sub: 'agent-anna', roles: ['agent'], name: 'Anna Andersson', client_id: 'agent-console' },
      { subject: 'agent-anna', role: 'agent', name: 'Anna Andersson' },
    ],
    [
      'a case officer with answer groups',
      { sub: 'officer-karin', roles: ['case_officer'], groups: ['forskola'] },
      { subject: 'officer-karin', role: 'case_officer', answerGroups: ['forskola'] },
    ],
    [
      'an agent cleared for protected identities',
      { sub: 'agent-pia', roles: ['agent'], clearances: ['protected-identity'] },
      { subject: 'agent-pia', role: 'agent', clearances: ['protected-identity'] },
    ],
    [
      'a citizen, personal number normalised',
      { sub: 'medb-1', roles: ['citizen'], personal_number: '19900101-2385' },
      { subject: 'medb-1', role: 'citizen', personalNumber: '199001012385' },
    ],
    [
      'a single role string (older tokens)',
      { sub: 'agent-7', role: 'agent' },
      { subject: 'agent-7', role: 'agent' },
    ],
    [
      'a space-separated role string',
      { sub: 'm-1', roles: 'manager case_officer' },
      { subject: 'm-1', role: 'manager' },
    ],
    [
      'the most privileged of several staff roles',
      { sub: 'eva', roles: ['agent', 'manager', 'case_officer'] },
      { subject: 'eva', role: 'manager' },
    ],
    [
      'roles the hub does not know ignored beside one it does',
      { sub: 'a', roles: ['offline_access', 'agent'] },
      { subject: 'a', role: 'agent' },
    ],
  ])('maps %s', (_label, claims, expected) => {
    expect(principalFromClaims(claims, defaults)).toEqual(expected);
  });

  it('does not give staff a personal number from their token', () => {
    expect(
      principalFromClaims({ sub: 'agent-anna', roles: ['agent'], personal_number: '199001012385' }, defaults)
        .personalNumber,
    ).toBeUndefined();
  });

  it.each([
    ['no role claim', { sub: 'x' }, 'no role the hub knows (claim roles or role)'],
    ['only unknown roles', { sub: 'x', roles: ['wizard'] }, 'no role the hub knows'],
    ['the service role claimed by a user', { sub: 'x', roles: ['service'] }, 'no role the hub knows'],
    ['a role claim that is not text', { sub: 'x', roles: [{ name: 'admin' }] }, 'no role the hub knows'],
    [
      'citizen mixed with staff',
      { sub: 'x', roles: ['citizen', 'admin'], personal_number: '199001012385' },
      'both a citizen and staff',
    ],
    [
      'a citizen without a personal number',
      { sub: 'medb-1', roles: ['citizen'] },
      'must carry their personal number (claim personal_number)',
    ],
    [
      'a citizen with an invalid personal number',
      { sub: 'medb-1', roles: ['citizen'], personal_number: '199001012384' },
      'must carry a valid personal number (claim personal_number)',
    ],
    [
      'a citizen with a personal number that is not text',
      { sub: 'medb-1', roles: ['citizen'], personal_number: 199001012385 },
      'must carry their personal number',
    ],
    ['no subject', { roles: ['agent'] }, 'names no user (sub)'],
  ])('refuses %s', (_label, claims, message) => {
    expect(rejection(claims)).toContain(message);
  });

  it('never echoes a malformed personal number', () => {
    expect(rejection({ sub: 'medb-1', roles: ['citizen'], personal_number: '199001012384' })).not.toContain(
      '199001012384',
    );
  });
});

describe('principalFromClaims: service accounts', () => {
  it('makes a configured client without a user a service account', () => {
    expect(principalFromClaims({ sub: 'waste-system', client_id: 'waste-system' }, withService)).toEqual({
      subject: 'waste-system',
      role: 'service',
      clientId: 'waste-system',
      name: 'waste-system',
    });
  });

  it('ignores role claims on a service account’s token (the config says what it may do)', () => {
    expect(
      principalFromClaims({ sub: 'waste-system', client_id: 'waste-system', roles: ['admin'] }, withService)
        .role,
    ).toBe('service');
  });

  it('takes azp when the provider sends no client_id', () => {
    expect(principalFromClaims({ sub: 'svc-uuid', azp: 'waste-system' }, withService)).toMatchObject({
      role: 'service',
      clientId: 'waste-system',
      subject: 'svc-uuid',
    });
  });

  it.each([
    [
      'an unknown client without a user',
      { sub: 'billing-robot', client_id: 'billing-robot', roles: ['admin'] },
    ],
    ['an unknown client with no subject', { client_id: 'billing-robot' }],
  ])('refuses %s', (_label, claims) => {
    expect(rejection(claims, withService)).toContain(
      'the client "billing-robot" is not a service account of this hub (auth.serviceAccounts)',
    );
  });

  it('does not mistake a client id inherited from the object prototype for a service account', () => {
    expect(rejection({ sub: 'constructor', client_id: 'constructor' }, withService)).toContain(
      'not a service account',
    );
  });

  it('keeps a person signing in through another client a person', () => {
    expect(
      principalFromClaims({ sub: 'agent-anna', client_id: 'agent-console', roles: ['agent'] }, withService),
    ).toMatchObject({ role: 'agent', subject: 'agent-anna' });
  });
});

describe('principalFromClaims: a Keycloak-style mapping', () => {
  const token = (realmRoles: string[], extra: Record<string, unknown> = {}) => ({
    sub: 'f6b1c2d4-uuid',
    realm_access: { roles: ['offline_access', 'uma_authorization', ...realmRoles] },
    frontdoor: { groups: ['forskola'] },
    name: 'Karin Lund',
    azp: 'agent-console',
    ...extra,
  });

  it('reads nested claims and maps provider role names', () => {
    expect(principalFromClaims(token(['frontdoor-officer']), keycloak)).toEqual({
      subject: 'f6b1c2d4-uuid',
      role: 'case_officer',
      name: 'Karin Lund',
      answerGroups: ['forskola'],
    });
  });

  it('counts only mapped values once a roleMap is given, even a hub role name', () => {
    expect(() => principalFromClaims(token(['admin']), keycloak)).toThrow('through auth.roleMap');
  });

  it('reads a citizen’s personal number from a nested claim', () => {
    expect(
      principalFromClaims(token(['frontdoor-citizen'], { se: { personnummer: '196408233234' } }), keycloak),
    ).toMatchObject({ role: 'citizen', personalNumber: '196408233234' });
  });

  it('names the configured claim when the personal number is missing', () => {
    expect(rejection(token(['frontdoor-citizen']), keycloak)).toContain('claim se.personnummer');
  });

  it('is a service account by azp for a configured client', () => {
    expect(
      principalFromClaims(
        { sub: 'service-account-uuid', azp: 'waste-system', realm_access: { roles: [] } },
        keycloak,
      ),
    ).toMatchObject({ role: 'service', clientId: 'waste-system' });
  });
});

describe('valueAt', () => {
  it.each([
    [{ a: { b: { c: 1 } } }, 'a.b.c', 1],
    [{ 'a.b': 2, a: { b: 3 } }, 'a.b', 2],
    [{ a: null }, 'a.b', undefined],
    [{ a: 'text' }, 'a.length', undefined],
    [{}, '__proto__.constructor', undefined],
  ])('reads %p at %s', (claims, path, expected) => {
    expect(valueAt(claims, path)).toBe(expected);
  });
});

import { PERSON_ROLES, type AuthMapping } from '@frontdoor/config';
import { parsePersonalNumber } from '@frontdoor/core';
import { roleSchema, type Principal, type Role } from './principal';

/** A verified token whose claims the hub cannot accept; the message says which claim and why. */
export class ClaimsRejected extends Error {}

type Claims = Record<string, unknown>;

/** Most privileged first: a user whose claims map to several staff roles gets the first of them. */
const STAFF_PRECEDENCE: readonly Role[] = ['admin', 'manager', 'case_officer', 'agent'];

/**
 * Turns a verified identity provider's token into a Principal, by the `auth` section of the
 * config. A token issued to a configured service account (client credentials) is that
 * service; a token without a user of its own (sub missing or the client itself) from any other
 * client is refused; every other token is a person whose roles must map to exactly one hub
 * role (the most privileged staff role wins; citizen mixed with a staff role is refused).
 */
export function principalFromClaims(claims: Claims, mapping: AuthMapping): Principal {
  const paths = mapping.claims;
  const clientId = stringAt(claims, paths.clientId) ?? stringAt(claims, 'azp');
  const subject = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;

  if (clientId && Object.hasOwn(mapping.serviceAccounts, clientId)) {
    return { subject: subject ?? clientId, role: 'service', clientId, name: clientId };
  }
  if (!subject || subject === clientId) {
    throw new ClaimsRejected(
      clientId
        ? `the client "${shorten(clientId)}" is not a service account of this hub (auth.serviceAccounts)`
        : 'it names no user (sub)',
    );
  }

  const role = roleOf(claims, mapping);
  const principal: Principal = { subject, role };
  const name = stringAt(claims, paths.name);
  if (name) principal.name = name;
  const groups = stringsAt(claims, paths.answerGroups);
  if (groups.length) principal.answerGroups = groups;
  const clearances = stringsAt(claims, paths.clearances);
  if (clearances.length) principal.clearances = clearances;
  if (role === 'citizen') principal.personalNumber = personalNumberOf(claims, paths.personalNumber);
  return principal;
}

/** The one hub role the token's role claim maps to. */
export function roleOf(claims: Claims, mapping: AuthMapping): Role {
  const rolePaths = Array.isArray(mapping.claims.roles) ? mapping.claims.roles : [mapping.claims.roles];
  const path = rolePaths.find((p) => valueAt(claims, p) !== undefined);
  const given = path ? stringsAt(claims, path) : [];
  const mapped = new Set<Role>();
  const explicit = Object.keys(mapping.roleMap).length > 0;
  for (const value of given) {
    const role = explicit
      ? Object.hasOwn(mapping.roleMap, value)
        ? mapping.roleMap[value]
        : undefined
      : asPersonRole(value);
    if (role) mapped.add(role);
  }
  const where = `claim ${rolePaths.join(' or ')}`;
  if (mapped.size === 0) {
    throw new ClaimsRejected(
      `it carries no role the hub knows (${where}${explicit ? ', through auth.roleMap' : ''})`,
    );
  }
  if (mapped.has('citizen')) {
    if (mapped.size > 1)
      throw new ClaimsRejected(
        `its ${where} makes it both a citizen and staff (${[...mapped].join(', ')}); sign in separately for each`,
      );
    return 'citizen';
  }
  return STAFF_PRECEDENCE.find((r) => mapped.has(r))!;
}

function personalNumberOf(claims: Claims, path: string): string {
  const value = stringAt(claims, path);
  if (!value) throw new ClaimsRejected(`a citizen's token must carry their personal number (claim ${path})`);
  try {
    return parsePersonalNumber(value, path).value;
  } catch {
    // Never echo it: a personal number, even a malformed one, is personal data.
    throw new ClaimsRejected(`a citizen's token must carry a valid personal number (claim ${path})`);
  }
}

function asPersonRole(value: string): Role | undefined {
  const parsed = roleSchema.safeParse(value);
  return parsed.success && (PERSON_ROLES as readonly string[]).includes(parsed.data)
    ? parsed.data
    : undefined;
}

/** The value at a dotted path (`realm_access.roles`); a claim whose own name has dots wins. */
export function valueAt(claims: Claims, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let current: unknown = claims;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Claims)[part];
  }
  return current;
}

function stringAt(claims: Claims, path: string): string | undefined {
  const value = valueAt(claims, path);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A string, a space-separated string (as `scope` is) or an array of strings; anything else counts as none. */
function stringsAt(claims: Claims, path: string): string[] {
  const value = valueAt(claims, path);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value))
    return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length > 0))];
  return [];
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

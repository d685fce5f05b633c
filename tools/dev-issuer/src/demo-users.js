import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The demo users of the role picker. Staff carry hub roles and answer-group keys (svarsgrupper,
 * as in config/embedded.json); citizens carry a personal number the way a Swedish e-ID broker
 * delivers it (claim `personal_number`, 12 digits) and an opaque subject that is not it.
 * The citizens are the department sandbox's demo people (libs/dept-sandbox/src/demo-people.ts),
 * all from Skatteverket's published test personal numbers.
 *
 * @typedef {{ id: string, name: string, roles: string[], groups?: string[], personalNumber?: string, clearances?: string[], label: string }} DemoUser
 */

/** A stable opaque subject for a citizen: the personal number must never be the subject. */
export const citizenSubject = (personalNumber) =>
  `medb-${createHash('sha256').update(`frontdoor-dev-issuer:${personalNumber}`).digest('hex').slice(0, 20)}`;

/**
 * The demo users, from config/demo-users.json: the one list, also read by the gateway for the
 * console's demo sign-in when no issuer runs.
 * @type {DemoUser[]}
 */
export const DEMO_USERS = JSON.parse(
  readFileSync(new URL('../../../config/demo-users.json', import.meta.url), 'utf8'),
);

/** The subject (`sub`) a user gets: their id for staff, an opaque id for citizens. */
export const subjectOf = (user) => (user.personalNumber ? citizenSubject(user.personalNumber) : user.id);

/**
 * The demo users plus any from a JSON file (`DEV_ISSUER_USERS_FILE`: an array of users in the
 * shape above), e.g. a user with a claim missing, to test how the hub refuses it.
 */
export function loadDemoUsers(extraUsersFile) {
  if (!extraUsersFile) return DEMO_USERS;
  const extra = JSON.parse(readFileSync(extraUsersFile, 'utf8'));
  if (
    !Array.isArray(extra) ||
    !extra.every((u) => typeof u?.id === 'string' && typeof u?.name === 'string' && Array.isArray(u?.roles))
  ) {
    throw new Error(`DEV_ISSUER_USERS_FILE: expected an array of { id, name, roles[] } in ${extraUsersFile}`);
  }
  const ids = new Set(DEMO_USERS.map((u) => u.id));
  const clash = extra.find((u) => ids.has(u.id));
  if (clash) throw new Error(`DEV_ISSUER_USERS_FILE: user id "${clash.id}" is already a demo user`);
  return [...DEMO_USERS, ...extra.map((u) => ({ label: u.roles.join(', '), ...u }))];
}

/** Claims for the hub's access token (and the ID token's profile): only what the user has. */
export function claimsOf(user) {
  return {
    name: user.name,
    roles: user.roles,
    ...(user.groups?.length ? { groups: user.groups } : {}),
    ...(user.personalNumber ? { personal_number: user.personalNumber } : {}),
    ...(user.clearances?.length ? { clearances: user.clearances } : {}),
  };
}

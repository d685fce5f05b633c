import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A demo user as the browser apps' demo sign-in lists them. */
export interface DemoUser {
  id: string;
  role: string;
  name: string;
  sub?: string;
}

/**
 * The demo users of the embedded default: config/demo-users.json, the list the dev issuer's
 * role picker shows, so the console's demo sign-in works before that issuer runs. Read only
 * when the demo issuer is on (never in production).
 */
const DEMO_USERS_CANDIDATES = [
  resolve(__dirname, '../../../../../config/demo-users.json'),
  resolve(process.cwd(), 'config/demo-users.json'),
];

export function demoUsers(): DemoUser[] {
  const file = DEMO_USERS_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!file) return [];
  const users = JSON.parse(readFileSync(file, 'utf8')) as {
    id: string;
    name: string;
    roles: string[];
    personalNumber?: string;
    clearances?: string[];
  }[];
  // A demo token carries a role and a subject only: users whose point is a clearance claim need the real issuer.
  return users
    .filter((u) => !u.clearances?.length)
    .map((u) => ({
      id: u.id,
      role: u.roles[0],
      name: u.name,
      ...(u.personalNumber ? { sub: u.personalNumber } : {}),
    }));
}

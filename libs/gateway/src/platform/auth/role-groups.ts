import type { Role } from './principal';

/**
 * The role groups access is decided by: the one table `@Allow`, the REST controllers, the
 * console's session and the case writers read, so a group changes in one place.
 */
export const STAFF = ['agent', 'case_officer', 'manager', 'admin'] as const satisfies readonly Role[];
/** Staff who edit what others read (knowledge articles, case categories' work). */
export const CASE_EDITORS = ['case_officer', 'manager', 'admin'] as const satisfies readonly Role[];
/** Staff who act on a department's behalf through plugin actions (managers read, but do not act); the mandate per department decides further. */
export const ACTORS = ['agent', 'case_officer', 'admin'] as const satisfies readonly Role[];
export const MANAGERS = ['manager', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
/** Everyone signed in as a person: staff and citizens. */
export const PEOPLE = [...STAFF, 'citizen'] as const satisfies readonly Role[];
/** People and department systems signed in with client credentials. */
export const PEOPLE_AND_SERVICES = [...PEOPLE, 'service'] as const satisfies readonly Role[];

export const isStaff = (role: Role): boolean => (STAFF as readonly Role[]).includes(role);

import { z } from 'zod';

/**
 * The roles the hub knows. agent: first line (kundtjänstmedarbetare); case_officer:
 * handläggare in an answer group; manager: närmaste chef; admin: runs the hub;
 * citizen: a person on the e-services (Mina sidor); service: a department's own system.
 */
export const ROLES = ['agent', 'case_officer', 'manager', 'admin', 'citizen', 'service'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling, as verified from their token. */
export interface Principal {
  subject: string;
  role: Role;
  name?: string;
  /** Answer groups (svarsgrupper) the token says they belong to, by key; config membership is added by the hub. */
  answerGroups?: string[];
  /** A citizen's own personal number (12 digits), from the e-ID claim. */
  personalNumber?: string;
  /** Clearances from the token, e.g. `protected-identity` (may see protected people's whereabouts). */
  clearances?: string[];
  /** A service account's OAuth client id (client credentials). */
  clientId?: string;
}

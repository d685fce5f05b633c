import type { Role } from '@frontdoor/config';

// The role names are configuration's (role maps and mandates name them); the auth folder reads them here.
export { ROLES, roleSchema, type Role } from '@frontdoor/config';

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

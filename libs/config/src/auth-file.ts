import { z } from 'zod';
import { ROLES, type Role } from './roles';

/** Roles a person can hold; `service` comes only from `serviceAccounts`, never from a user's claims. */
export const PERSON_ROLES = ROLES.filter((r): r is Exclude<Role, 'service'> => r !== 'service');

/** A claim name, or a dotted path into nested claims (Keycloak: `realm_access.roles`). */
const claimPath = z
  .string()
  .regex(
    /^[A-Za-z0-9_:$-]+(\.[A-Za-z0-9_:$-]+)*$/,
    'expected a claim name or a dotted path such as realm_access.roles',
  );

/** A GraphQL root field (query or mutation) name. */
const operationName = z
  .string()
  .regex(/^[_A-Za-z][_0-9A-Za-z]*$/, 'expected a query or mutation name, e.g. orderBulkyWastePickup');

/**
 * The `auth` section of the config file: where the hub finds roles, answer groups, a
 * citizen's personal number and clearances in an identity provider's tokens, how the
 * provider's role names translate to the hub's, and which clients are service accounts.
 * The defaults match tools/dev-issuer, so it needs no mapping.
 */
export const authFileSchema = z
  .object({
    claims: z
      .object({
        /** Where the roles are: a string or an array of strings. Several paths: the first present counts. */
        roles: z.union([claimPath, z.array(claimPath).min(1)]).default(['roles', 'role']),
        /** Answer-group keys (svarsgrupper) the user belongs to. */
        answerGroups: claimPath.default('groups'),
        /** A citizen's personal number (personnummer), as Swedish e-ID brokers deliver it. */
        personalNumber: claimPath.default('personal_number'),
        name: claimPath.default('name'),
        /** e.g. `protected-identity`: may see protected people's whereabouts. */
        clearances: claimPath.default('clearances'),
        /** The OAuth client the token was issued to (RFC 9068: client_id). */
        clientId: claimPath.default('client_id'),
      })
      .strict()
      .prefault({}),
    /**
     * The provider's role names to the hub's, e.g. { "frontdoor-agent": "agent" }. Empty: the
     * provider's values are taken as hub roles as they are. Not empty: only mapped values count.
     */
    roleMap: z
      .record(
        z.string().min(1),
        z.enum(PERSON_ROLES, {
          message: `expected a hub role: one of ${PERSON_ROLES.join(', ')} (service accounts are configured under auth.serviceAccounts)`,
        }),
      )
      .default({}),
    /** A department's own systems (client credentials) by OAuth client id, and the only operations each may call. */
    serviceAccounts: z
      .record(
        z.string().min(1),
        z
          .object({
            operations: z.array(operationName).min(1, 'name at least one operation'),
            /**
             * A static key for standards that authenticate so (Open311's `api_key`); give it
             * from the environment (`${OPEN311_API_KEY}`), never in the file.
             */
            apiKey: z.string().min(16, 'an api key of at least 16 characters').optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

export type AuthMapping = z.infer<typeof authFileSchema>;

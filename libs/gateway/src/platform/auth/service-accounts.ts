import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthMapping } from '@frontdoor/config';

/**
 * Operations a service account may be given besides GraphQL's: the HTTP endpoints the hub
 * serves outside /graphql (Open311 GeoReport v2, the national Mina ärenden's customer events,
 * the telephony platform's call events).
 */
export const REST_OPERATIONS = ['open311', 'kundhandelser', 'telephonyEvents'] as const;
export type RestOperation = (typeof REST_OPERATIONS)[number];

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** The configured service accounts (`auth.serviceAccounts`): client ids and the operations each may call. */
export class ServiceAccounts {
  /** Digests of the api keys, so a comparison takes the same time whatever the key. */
  private readonly apiKeys: { clientId: string; digest: Buffer }[];

  constructor(private readonly accounts: AuthMapping['serviceAccounts']) {
    this.apiKeys = Object.entries(accounts)
      .filter(([, account]) => account.apiKey)
      .map(([clientId, account]) => ({ clientId, digest: digest(account.apiKey!) }));
  }

  get ids(): string[] {
    return Object.keys(this.accounts);
  }

  /** The operations a service account may call; undefined for a client that is not one. */
  operations(clientId: string): readonly string[] | undefined {
    return Object.hasOwn(this.accounts, clientId) ? this.accounts[clientId].operations : undefined;
  }

  /** The service account an api key belongs to, if any (every key compared, in constant time). */
  byApiKey(key: string): string | undefined {
    const given = digest(key);
    let found: string | undefined;
    for (const account of this.apiKeys) if (timingSafeEqual(account.digest, given)) found = account.clientId;
    return found;
  }
}

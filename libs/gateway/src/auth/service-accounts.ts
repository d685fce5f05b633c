import type { AuthMapping } from './auth-config';

/** The configured service accounts (`auth.serviceAccounts`): client ids and the operations each may call. */
export class ServiceAccounts {
  constructor(private readonly accounts: AuthMapping['serviceAccounts']) {}

  get ids(): string[] {
    return Object.keys(this.accounts);
  }

  /** The operations a service account may call; undefined for a client that is not one. */
  operations(clientId: string): readonly string[] | undefined {
    return Object.hasOwn(this.accounts, clientId) ? this.accounts[clientId].operations : undefined;
  }
}

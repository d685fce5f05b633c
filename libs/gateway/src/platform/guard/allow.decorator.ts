import { SetMetadata } from '@nestjs/common';
import type { Role } from '../auth/principal';
import type { RestOperation } from '../auth/service-accounts';

export const ALLOWED_ROLES = 'frontdoor:allowed-roles';
export const SERVICE_OPERATION = 'frontdoor:service-operation';
export const PUBLIC_ROUTE = 'frontdoor:public';

/**
 * The roles that may call a query, mutation or HTTP handler. Every entry point must say;
 * the guard refuses one that does not (fail closed).
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * An HTTP handler only a service account (client credentials, `auth.serviceAccounts`) whose
 * operations name `operation` may call; a person's token, whatever its role, is refused.
 */
export const AllowServiceAccount = (operation: RestOperation) => SetMetadata(SERVICE_OPERATION, operation);

/** An HTTP handler anyone may call without a token (health, metrics, public results, dev routes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

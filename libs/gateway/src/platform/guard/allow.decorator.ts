import { SetMetadata } from '@nestjs/common';
import type { Role } from '../auth/principal';

export const ALLOWED_ROLES = 'frontdoor:allowed-roles';

/**
 * The roles that may call a query or mutation. Every resolver entry point must say;
 * the guard refuses one that does not (fail closed).
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

import { CreatePartyAndAuditRecord1764000000000 } from './1764000000000-CreatePartyAndAuditRecord';

/** Every migration, oldest first. Each works on SQLite and PostgreSQL (TypeORM's Table API). */
export const ALL_MIGRATIONS = [CreatePartyAndAuditRecord1764000000000];

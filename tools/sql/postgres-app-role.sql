-- The PostgreSQL role the gateway runs as in production. Run once as the database owner
-- after the migrations (DATABASE_MIGRATE=true runs them; run those as the owner, then
-- start the gateway with DATABASE_MIGRATE=false as this role).
--
-- The audit log (audit_record) and the record of mandate changes (access_change) are
-- append-only: the role may read and insert them, never update, delete or truncate.
-- Proven by libs/core/src/audit/append-only.spec.ts against a real PostgreSQL.
--
-- Replace frontdoor_app and the password with your own (a secret manager, not this file).

CREATE ROLE frontdoor_app LOGIN PASSWORD 'change-me';
GRANT USAGE ON SCHEMA public TO frontdoor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO frontdoor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record, access_change FROM frontdoor_app;

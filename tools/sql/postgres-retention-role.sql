-- The PostgreSQL role the nightly retention job (gallring, libs/core/src/retention) runs as.
-- Run once as the database owner after the migrations and after postgres-app-role.sql. The
-- job connects with RETENTION_DATABASE_URL (this role); the gateway's own role
-- (frontdoor_app) still cannot delete audit rows.
--
-- It may read and delete what retention removes, and record its counts; nothing else. It
-- cannot insert or update audit rows, and cannot truncate anything (TRUNCATE is not granted):
-- it removes rows past their period in batches by id, as the job does.
-- Proven by libs/core/src/retention/retention.spec.ts against a real PostgreSQL.
--
-- Replace frontdoor_retention and the password with your own (a secret manager, not this file).

CREATE ROLE frontdoor_retention LOGIN PASSWORD 'change-me';
GRANT USAGE ON SCHEMA public TO frontdoor_retention;
GRANT SELECT, DELETE ON audit_record, service_case, case_event, open311_request, citizen_message, job TO frontdoor_retention;
-- A removed case's e-mail thread, and mail recorded without a case (decision 0080).
GRANT SELECT, DELETE ON email_message, email_attachment TO frontdoor_retention;
-- The contact log: removed whole after contactLogDays, the caller's number and IVR personal number blanked before.
GRANT SELECT, DELETE, UPDATE (from_number, ivr_personal_number) ON call_contact, call_event TO frontdoor_retention;
GRANT SELECT, DELETE ON call_case TO frontdoor_retention;
-- Callbacks (decision 0082): removed with the contact log, the number and party blanked before.
GRANT SELECT, DELETE, UPDATE (number, party_id) ON callback_request TO frontdoor_retention;
GRANT SELECT, DELETE ON callback_attempt, callback_case TO frontdoor_retention;
GRANT SELECT, INSERT ON retention_run TO frontdoor_retention;
-- A removed case's day is counted again by the statistics roll-up (decision 0042): it says so.
GRANT INSERT ON statistics_dirty_day TO frontdoor_retention;

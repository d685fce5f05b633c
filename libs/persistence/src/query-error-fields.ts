/**
 * What of a database error may be written to a log. TypeORM's QueryFailedError carries the
 * statement's `parameters` (a case's text, a citizen's phone and e-mail) and the driver's
 * error, whose fields it also copies onto itself: PostgreSQL's `detail` repeats the offending
 * values ("Key (email)=(…) already exists"), `where` and `internalQuery` may too. A log line
 * keeps only the fields that say what failed, never with which values (issue 21, item 8).
 */
const KEPT_FIELDS = new Set([
  'type',
  'name',
  'message',
  'stack',
  'code',
  'errno',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  // The statement with its placeholders ($1, ?): the values are in `parameters`.
  'query',
]);

/** The marks of an error that came from a statement (TypeORM's, or a driver's under it). */
const STATEMENT_FIELDS = ['parameters', 'driverError', 'query'];

/**
 * A serialized error (plain fields, as a logger's error serializer gives them) without the
 * values of the statement that failed; nested errors likewise. Anything else is left as it is.
 */
export function withoutQueryValues(serialized: unknown, depth = 0): unknown {
  if (typeof serialized !== 'object' || serialized === null || depth > 5) return serialized;
  if (Array.isArray(serialized)) return serialized.map((item) => withoutQueryValues(item, depth + 1));
  const fields = serialized as Record<string, unknown>;
  const fromStatement = STATEMENT_FIELDS.some((field) => field in fields);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (fromStatement && !KEPT_FIELDS.has(key)) continue;
    kept[key] = withoutQueryValues(value, depth + 1);
  }
  return kept;
}

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What a caller's own request id may look like to be logged beside the hub's. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The hub's id of a request: always its own. It is what the audit rows, the log lines and the
 * `x-request-id` answer header carry; a caller's `x-request-id` had been taken as it, so any
 * client could write what it liked into `audit_record.request_id` (issue 21, item 10).
 */
export function hubRequestId(): string {
  return randomUUID();
}

/**
 * The caller's `x-request-id`, when it looks like one: logged as `clientRequestId` on the
 * request line, so a trace can still be followed from the calling system into the hub's logs.
 */
export function clientRequestId(headers: IncomingHttpHeaders): string | undefined {
  const given = headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : undefined;
}

/**
 * A reason a plugin wrote, without the addresses it may name: answers reach agents and
 * citizens, and a department's internal URL or host is nothing for them (issue 21, item 10).
 * The full text stays in the log line of the failed call.
 */
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;
/** A host name of three labels or more (childcare.intern.exempelstad.se), with its port. */
const HOST = /\b(?:[a-z0-9-]+\.){2,}[a-z]{2,}(?::\d+)?\b/gi;

export const ADDRESS_WITHHELD = '(address withheld)';

export function withoutAddresses(reason: string): string {
  return reason
    .replace(URL, ADDRESS_WITHHELD)
    .replace(IPV4, ADDRESS_WITHHELD)
    .replace(HOST, ADDRESS_WITHHELD);
}

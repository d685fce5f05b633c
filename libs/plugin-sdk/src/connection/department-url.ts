/** A plugin's path that could escape its department's base URL: a bug in the plugin, found on first use. */
export class DepartmentPathError extends Error {
  constructor(path: string, why: string) {
    super(`the plugin asked for "${path}", which ${why}; paths are relative to the department's base URL`);
    this.name = 'DepartmentPathError';
  }
}

/**
 * Joins a plugin's path to the department's base URL the one right way, whatever the
 * slashes: `http://h/permits` + `api/v1/cases` is `http://h/permits/api/v1/cases`. (`new
 * URL('api/v1/cases', 'http://h/permits')` would drop `permits`, and the department's 404
 * read as "no matters".) A path may not leave the base: no scheme, no `//`, no `..`.
 */
export function departmentUrl(baseUrl: string, path: string, query?: Record<string, string | number>): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    throw new DepartmentPathError(path, 'is absolute');
  const relative = path.replace(/^\/+/, '');
  const [pathname, search] = relative.split('?', 2);
  if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new DepartmentPathError(path, 'walks out of the base with . or ..');
  }
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(pathname, base);
  if (search) url.search = search;
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
  return url;
}

/**
 * A path with each interpolated value URL-encoded, so a case number such as
 * `BN 2026-000123` or a value with `/` stays one segment:
 * ``apiPath`api/v1/cases/${caseNumber}` ``.
 */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}

/** Personal and coordination numbers (10 or 12 digits, with or without - or +). */
const PERSONAL_NUMBER = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

/**
 * A URL as it may appear in a reason an agent reads and in logs: no credentials, no
 * query string (it may carry personal data), and personal numbers in the path masked.
 */
export function describeUrl(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.origin}${decodeURIComponent(parsed.pathname).replace(PERSONAL_NUMBER, '{personnummer}')}`;
}

/**
 * An Open311 error: the HTTP status GeoReport v2 names (404 for what does not exist, 403 for
 * a wrong or missing api_key, 400 for anything else that cannot be fulfilled) and a
 * description meant for the user, answered as `[{ code, description }]`.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

import { ErrorCode, FrontdoorError, badUserInput, forbidden, notFound, sourceError } from '@frontdoor/core';
import { Open311Error, asOpen311Error } from './open311-error';

describe('errors in Open311 terms', () => {
  it('keeps an Open311 error as it is', () => {
    const own = new Open311Error(404, 'service_code "x" was not found.');
    expect(asOpen311Error(own)).toBe(own);
  });

  it.each([
    [badUserInput('phone: "12" is not a Swedish phone number.', 'phone'), 400],
    [
      new FrontdoorError(ErrorCode.BAD_USER_INPUT, 'The category is closed.', { reason: 'UNKNOWN_CATEGORY' }),
      400,
    ],
    [new FrontdoorError(ErrorCode.CONFLICT, 'Changed since.'), 400],
    [notFound('No such request.'), 404],
    [forbidden('Not for this account.'), 403],
    [new FrontdoorError(ErrorCode.UNAUTHENTICATED, 'No key.'), 403],
  ])(
    'answers the core refusal "%s" with the status GeoReport v2 names (%i) and its message',
    (error, status) => {
      expect(asOpen311Error(error)).toEqual(new Open311Error(status as 400 | 403 | 404, error.message));
      expect(asOpen311Error(error)?.description).toBe(error.message);
    },
  );

  it.each([
    [
      'a department down',
      sourceError({ code: ErrorCode.SOURCE_UNAVAILABLE, plugin: 'p', department: 'd', reason: 'r' }),
    ],
    ['INTERNAL', new FrontdoorError(ErrorCode.INTERNAL, 'db-7 lost')],
    ['a fault', new Error('db-7 lost')],
  ])('leaves %s a fault: 500, logged, with the request id', (_name, error) => {
    expect(asOpen311Error(error)).toBeUndefined();
  });
});

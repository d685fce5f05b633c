import { QueryFailedError } from 'typeorm';
import { withoutQueryValues } from './query-error-fields';

describe('withoutQueryValues', () => {
  it("keeps what failed and drops the statement's values, the driver's detail included", () => {
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_email"'),
      {
        code: '23505',
        detail: 'Key (email)=(anna@example.se) already exists.',
        constraint: 'uq_email',
        table: 'party',
      },
    );
    const error = new QueryFailedError(
      'INSERT INTO "party"("email", "phone") VALUES ($1, $2)',
      ['anna@example.se', '+46701234567'],
      driverError,
    );
    // As a logger's error serializer gives it: type, message, stack and the error's own fields.
    const serialized = { ...error, type: 'QueryFailedError', message: error.message, stack: error.stack };
    const logged = withoutQueryValues({ wrapped: serialized, list: [serialized] });
    const text = JSON.stringify(logged);
    expect(text).not.toContain('anna@example.se');
    expect(text).not.toContain('+46701234567');
    expect((logged as { wrapped: unknown }).wrapped).toEqual({
      type: 'QueryFailedError',
      message: error.message,
      stack: error.stack,
      query: 'INSERT INTO "party"("email", "phone") VALUES ($1, $2)',
      code: '23505',
      constraint: 'uq_email',
      table: 'party',
    });
  });

  it('leaves an error that did not come from a statement as it is', () => {
    const logged = { type: 'TypeError', message: 'x is undefined', stack: 'TypeError…', detail: 'kept' };
    expect(withoutQueryValues(logged)).toEqual(logged);
  });
});

import { Logger } from '@nestjs/common';
import { GraphQLError, locatedError } from 'graphql';
import { badUserInput } from '@frontdoor/core';
import { createErrorFormatter } from './format-error';

const format = (
  production: boolean,
  extensions: Record<string, unknown>,
  message = 'boom: connection to db-7 lost',
) => createErrorFormatter(production)(new GraphQLError(message, { extensions }).toJSON(), new Error(message));

describe('createErrorFormatter', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it.each([
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'BAD_USER_INPUT',
    'NOT_FOUND',
    'SOURCE_UNAVAILABLE',
    'SOURCE_INVALID_RESPONSE',
  ])('passes the contract code %s through with its message', (code) => {
    expect(format(true, { code, plugin: 'p' })).toMatchObject({
      message: 'boom: connection to db-7 lost',
      extensions: { code, plugin: 'p' },
    });
  });

  it.each(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'])(
    'reports a malformed request (%s) as BAD_USER_INPUT',
    (code) => {
      expect(format(true, { code }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    },
  );

  it('masks anything else in production', () => {
    const formatted = format(true, { code: 'SOMETHING_ODD', stacktrace: ['at x'] });
    expect(formatted.extensions).toEqual({ code: 'INTERNAL' });
    expect(formatted.message).not.toContain('db-7');
    expect(formatted.message).toContain('x-request-id');
  });

  it('keeps the message outside production, still as INTERNAL', () => {
    const formatted = format(false, {});
    expect(formatted).toMatchObject({
      message: 'boom: connection to db-7 lost',
      extensions: { code: 'INTERNAL' },
    });
  });

  it('gives a core error that reached Apollo untranslated its own code, not INTERNAL', () => {
    // As graphql-js wraps what a resolver outside Nest throws; Apollo formats it with no code of ours.
    const thrown = badUserInput('first: between 1 and 100.', 'first');
    const located = locatedError(thrown, undefined, ['cases']);
    const apollo = {
      message: thrown.message,
      path: ['cases'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
    expect(createErrorFormatter(true)(apollo, located)).toEqual({
      message: 'first: between 1 and 100.',
      path: ['cases'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});

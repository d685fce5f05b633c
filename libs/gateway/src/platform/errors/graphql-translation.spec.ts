import type { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import {
  ErrorCode,
  FrontdoorError,
  badUserInput,
  conflict,
  forbidden,
  notFound,
  sourceError,
  unauthenticated,
} from '@frontdoor/core';
import { FrontdoorErrorFilter } from './frontdoor-error.filter';
import { inGraphQLTerms, toGraphQLError } from './graphql-translation';

const failure = {
  code: ErrorCode.SOURCE_UNAVAILABLE,
  plugin: 'childcare-queue',
  department: 'Förskola',
  reason: 'no answer within 1500 ms',
  detail: 'GET https://dept.example/queue',
} as const;

describe('core errors in GraphQL terms', () => {
  it.each([
    ['unauthenticated', unauthenticated(), { code: 'UNAUTHENTICATED' }],
    ['forbidden', forbidden('Not yours.'), { code: 'FORBIDDEN' }],
    ['badUserInput', badUserInput('from: a date.', 'from'), { code: 'BAD_USER_INPUT', field: 'from' }],
    ['badUserInput without a field', badUserInput('No.'), { code: 'BAD_USER_INPUT' }],
    ['notFound', notFound('No such case.'), { code: 'NOT_FOUND' }],
    ['conflict', conflict('Changed since.'), { code: 'CONFLICT' }],
    [
      'a case rule (caseRuleBroken)',
      new FrontdoorError(ErrorCode.BAD_USER_INPUT, 'The case is closed.', { reason: 'CASE_CLOSED' }),
      { code: 'BAD_USER_INPUT', reason: 'CASE_CLOSED' },
    ],
    [
      'sourceError',
      sourceError(failure),
      { code: 'SOURCE_UNAVAILABLE', plugin: 'childcare-queue', department: 'Förskola' },
    ],
  ])('%s: the message and exactly the extensions clients have read', (_name, error, extensions) => {
    const json = toGraphQLError(error).toJSON();
    expect(json).toEqual({ message: error.message, extensions });
    // The order clients have seen them in: code first.
    expect(Object.keys(json.extensions!)[0]).toBe('code');
  });

  it('puts a department failure reported beside partial data at its path, and never its detail', () => {
    const json = toGraphQLError(sourceError(failure, ['person', 'childcareQueue'])).toJSON();
    expect(json).toEqual({
      message: 'Förskola (childcare-queue) is not answering right now: no answer within 1500 ms',
      path: ['person', 'childcareQueue'],
      extensions: { code: 'SOURCE_UNAVAILABLE', plugin: 'childcare-queue', department: 'Förskola' },
    });
    expect(JSON.stringify(json)).not.toContain('dept.example');
  });

  it('keeps the core error as the original, for the log line and its stack', () => {
    const error = forbidden();
    expect(toGraphQLError(error).originalError).toBe(error);
  });

  it('leaves anything else as it was thrown (Apollo and the formatter decide on it)', () => {
    const graphql = new GraphQLError('limits', { extensions: { code: 'BAD_USER_INPUT' } });
    const fault = new Error('db-7 lost');
    expect(inGraphQLTerms(graphql)).toBe(graphql);
    expect(inGraphQLTerms(fault)).toBe(fault);
    expect(inGraphQLTerms(notFound('x'))).toBeInstanceOf(GraphQLError);
  });
});

describe('FrontdoorErrorFilter in a resolver or guard', () => {
  const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;

  it('hands a core error back to Apollo as a GraphQL error, for graphql-js to place at its path', () => {
    const handed = new FrontdoorErrorFilter().catch(
      forbidden('The role "citizen" may not use cases.'),
      graphqlHost,
    );
    expect(handed).toBeInstanceOf(GraphQLError);
    expect((handed as GraphQLError).toJSON()).toEqual({
      message: 'The role "citizen" may not use cases.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('hands anything else back as it is, for the formatter to mask', () => {
    const fault = new Error('db-7 lost');
    expect(new FrontdoorErrorFilter().catch(fault, graphqlHost)).toBe(fault);
  });
});

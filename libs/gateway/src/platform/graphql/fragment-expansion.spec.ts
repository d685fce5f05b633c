import { buildSchema, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { FragmentExpansion } from './fragment-expansion';
import { expansionLimit } from './query-limits';

/** `fragment F1 on Query { ...F0 ...F0 }` … : each fragment doubles the expanded query. */
function fragmentBomb(fragments: number): string {
  const definitions = Array.from({ length: fragments }, (_, i) =>
    i === 0 ? 'fragment F0 on Query { __typename }' : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
  );
  return `{ ...F${fragments - 1} } ${definitions.join(' ')}`;
}

const firstOperation = (source: string) =>
  parse(source).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;

describe('FragmentExpansion', () => {
  const measure = (source: string, maxFields = 10_000) => {
    const expansion = new FragmentExpansion(parse(source), maxFields);
    return { ...expansion.of(firstOperation(source)), visited: expansion.visitedSelections };
  };

  it('measures depth and fields as execution would expand them', () => {
    expect(
      measure('{ a { b c { d } } ...F ... on Query { e { f } } } fragment F on Query { a { b } g }'),
    ).toMatchObject({ depth: 3, fields: 9 });
  });

  it('measures each fragment once: the 24-fragment bomb costs a step per selection, not 2^23', () => {
    const { fields, depth, visited } = measure(fragmentBomb(24), Number.MAX_SAFE_INTEGER);
    expect(fields).toBe(2 ** 23);
    expect(depth).toBe(1);
    // 1 spread in the operation, 1 field in F0, 2 spreads in each of F1..F23.
    expect(visited).toBe(1 + 1 + 2 * 23);
  });

  it('stops at the limit: the count saturates at maxFields + 1 however far the document would expand', () => {
    const { fields } = measure(fragmentBomb(1200), 10_000);
    expect(fields).toBe(10_001);
  });

  it('ends on fragments that spread themselves (graphql refuses the cycle itself)', () => {
    expect(measure('{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A }')).toMatchObject({
      fields: 2,
    });
  });
});

describe('expansionLimit', () => {
  const schema = buildSchema('type Query { a: Query b: Int }');
  const reasons = (source: string, maxDepth = 5, maxFields = 100) =>
    validate(schema, parse(source), [...specifiedRules, expansionLimit(maxDepth, maxFields)]).map(
      (e) => e.extensions.reason ?? e.message,
    );

  it('refuses a document whose fragments expand past the field limit, once', () => {
    expect(reasons(fragmentBomb(24))).toEqual(['QUERY_TOO_LARGE']);
    expect(reasons(fragmentBomb(7))).toEqual([]);
  });

  it('refuses depth through fragments, and serves a query within both limits', () => {
    expect(reasons('{ ...F } fragment F on Query { a { a { a { a { a { b } } } } } }')).toEqual([
      'QUERY_TOO_DEEP',
    ]);
    expect(reasons('{ a { a { b } } }')).toEqual([]);
  });

  it('gives one refusal for many operations past the limit (never past graphql’s error cap)', () => {
    const deep = Array.from({ length: 50 }, (_, i) => `query q${i} { a { a { a { a { a { b } } } } } }`);
    expect(
      validate(schema, parse(deep.join(' ')), [expansionLimit(3)], { maxErrors: 5 }).map(
        (e) => e.extensions.reason,
      ),
    ).toEqual(['QUERY_TOO_DEEP']);
  });
});

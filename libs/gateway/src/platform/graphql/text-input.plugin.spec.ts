import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { findTextProblem } from './text-input.plugin';

describe('findTextProblem', () => {
  const schema = buildSchema(`
    type Query { hello: String, echo(text: String, more: [String!]): String, nested: Query }
  `);

  it('checks each request’s variables against one operation document', () => {
    const document = parse(
      'query Q($t: String) { hello nested { ...F } } fragment F on Query { echo(text: $t) }',
    );
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(findTextProblem(schema, document, operation, { t: 'fine' })).toBeUndefined();
    expect(findTextProblem(schema, document, operation, { t: 'x'.repeat(101) })?.field).toBe('text');
    expect(findTextProblem(schema, document, operation, { t: 'bad\u0007' })?.field).toBe('text');
    expect(findTextProblem(schema, document, operation, { t: 'fine again' })).toBeUndefined();
  });

  it('names the first refused value in the order the document is written', () => {
    const document = parse('{ a: echo(text: "ok", more: ["ok", "bad\\u0000"]) b: echo(text: "bad\\u0000") }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(findTextProblem(schema, document, operation, undefined)?.field).toBe('more.1');
  });

  it('has nothing to check in an operation without arguments', () => {
    const document = parse('{ hello nested { hello } }');
    expect(
      findTextProblem(schema, document, document.definitions[0] as OperationDefinitionNode, undefined),
    ).toBeUndefined();
  });
});

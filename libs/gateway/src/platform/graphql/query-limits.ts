import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { FragmentExpansion } from './fragment-expansion';

/**
 * Fields an operation may select once its fragments are spread out (the documented
 * QUERY_TOO_LARGE bound, docs/errors.md): fragments spreading fragments multiply work from a
 * few hundred bytes, past what the token limit sees.
 */
export const MAX_EXPANDED_FIELDS = 10_000;

/**
 * Refuses an operation nested deeper than `maxDepth` fields, or selecting more than
 * `maxFields` fields, with its fragments expanded: a deep or huge query makes the hub call
 * departments and the database without bound. Measured in linear time (FragmentExpansion)
 * when the rule is set up, before any validation rule walks the document, so a fragment bomb
 * is refused before anything else could expand it.
 */
export function expansionLimit(maxDepth: number, maxFields = MAX_EXPANDED_FIELDS) {
  return (context: ValidationContext): ASTVisitor => {
    const refusal = expansionRefusal(context.getDocument(), maxDepth, maxFields);
    if (refusal) context.reportError(refusal);
    return {};
  };
}

/**
 * The first operation past a limit, as one error for the whole document: reported while the
 * rule is set up, where graphql's error cap (maxErrors) could not catch a second one.
 */
function expansionRefusal(document: DocumentNode, maxDepth: number, maxFields: number) {
  const expansion = new FragmentExpansion(document, maxFields);
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const { depth, fields } = expansion.of(operation);
    if (fields > maxFields)
      return new GraphQLError(
        `The query selects more than ${maxFields} fields once its fragments are spread out; at most ${maxFields} are allowed. Ask for fewer fields or split it.`,
        { nodes: [operation], extensions: { reason: 'QUERY_TOO_LARGE' } },
      );
    if (depth > maxDepth)
      return new GraphQLError(`The query is ${depth} levels deep; at most ${maxDepth} are allowed.`, {
        nodes: [operation],
        extensions: { reason: 'QUERY_TOO_DEEP' },
      });
  }
  return undefined;
}

/** Refuses a document with more than `maxAliases` aliased fields (alias flooding multiplies work). */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The query has ${aliases} aliases; at most ${maxAliases} are allowed.`, {
                extensions: { reason: 'TOO_MANY_ALIASES' },
              }),
            );
          }
        },
      },
    };
  };
}

/**
 * Refuses more than `maxPerLocation` directives on one field, fragment or operation
 * (directive overloading: `__typename @a @a @a …` made the hub answer one error per
 * directive). One error for the whole document, however many places overflow.
 */
export function directiveLimit(maxPerLocation: number) {
  return (context: ValidationContext): ASTVisitor => {
    let reported = false;
    return {
      enter(node) {
        if (reported || !('directives' in node) || !node.directives) return;
        if (node.directives.length <= maxPerLocation) return;
        reported = true;
        context.reportError(
          new GraphQLError(
            `The query has ${node.directives.length} directives in one place; at most ${maxPerLocation} are allowed.`,
            { nodes: [node], extensions: { reason: 'TOO_MANY_DIRECTIVES' } },
          ),
        );
      },
    };
  };
}

import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses a document nested deeper than `maxDepth` fields (following fragments): a deep
 * query can make the hub call departments and the database without bound.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name))
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is ${depth} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
              extensions: { reason: 'QUERY_TOO_DEEP' },
            }),
          );
        }
      },
    };
  };
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

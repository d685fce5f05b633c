import { GraphQLError } from 'graphql';
import { FrontdoorError } from '@frontdoor/core';

/**
 * A core error's `extensions` as clients read them (docs/errors.md): `code`, then the `field`,
 * `reason`, `plugin` and `department` it names, in that order, and nothing it does not.
 */
export function graphqlExtensionsOf(error: FrontdoorError): Record<string, unknown> {
  const { code, field, reason, plugin, department } = error;
  const named = Object.entries({ field, reason, plugin, department }).filter(([, v]) => v !== undefined);
  return { code, ...Object.fromEntries(named) };
}

/**
 * A core error as a GraphQL error: the same message, its extensions, and its `path` when it is
 * reported beside partial data (a department's failure); graphql-js gives a thrown one its path.
 */
export function toGraphQLError(error: FrontdoorError): GraphQLError {
  return new GraphQLError(error.message, {
    path: error.path,
    originalError: error,
    extensions: graphqlExtensionsOf(error),
  });
}

/** Whatever a resolver or guard threw, with a core error put in GraphQL's terms; anything else as it is. */
export function inGraphQLTerms(thrown: unknown): unknown {
  return thrown instanceof FrontdoorError ? toGraphQLError(thrown) : thrown;
}

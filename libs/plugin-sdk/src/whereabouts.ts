/** What a blanked string reads as: the agent sees that something is withheld, not what. */
export const PROTECTED_TEXT = 'Skyddad uppgift';

/**
 * A copy of `answer` with every value at the given paths blanked: strings become
 * PROTECTED_TEXT, anything else null. Paths use `*` for every item of a list.
 */
export function blankWhereabouts<T>(answer: T, paths: readonly string[]): T {
  const copy = structuredClone(answer);
  visitPaths(copy, paths, (container, key) => {
    container[key] = typeof container[key] === 'string' ? PROTECTED_TEXT : null;
  });
  return copy;
}

/** What a declaration says a protected person's answer must not show: whereabouts and identifiers of a place. */
export function protectedPaths(declared: {
  whereabouts: readonly string[];
  placeIds: readonly string[];
}): string[] {
  return [...declared.whereabouts, ...declared.placeIds];
}

/** The values found at the given paths (for tests: what blanking must hide). */
export function whereaboutsValues(answer: unknown, paths: readonly string[]): unknown[] {
  const found: unknown[] = [];
  visitPaths(answer, paths, (container, key) => {
    if (container[key] !== undefined) found.push(container[key]);
  });
  return found;
}

type Container = Record<string | number, unknown>;

/** Calls `visit` with the object and key of every value the paths reach. */
function visitPaths(
  root: unknown,
  paths: readonly string[],
  visit: (container: Container, key: string | number) => void,
): void {
  const walk = (node: unknown, steps: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const [step, ...rest] = steps;
    const keys = step === '*' ? (Array.isArray(node) ? [...node.keys()] : []) : [step];
    for (const key of keys) {
      const container = node as Container;
      if (!(key in container)) continue;
      if (rest.length === 0) visit(container, key);
      else walk(container[key], rest);
    }
  };
  for (const path of paths) walk(root, path.split('.'));
}

/** What a blanked string reads as: the agent sees that something is withheld, not what. */
export const PROTECTED_TEXT = 'Skyddad uppgift';

/**
 * A copy of `answer` with every value at the given paths blanked: strings become
 * PROTECTED_TEXT, anything else null. Paths use `*` for every item of a list.
 */
export function blankWhereabouts<T>(answer: T, paths: readonly string[]): T {
  const copy = structuredClone(answer);
  for (const path of paths) blank(copy, path.split('.'));
  return copy;
}

function blank(node: unknown, steps: string[]): void {
  if (node === null || typeof node !== 'object') return;
  const [step, ...rest] = steps;
  const keys = step === '*' ? (Array.isArray(node) ? node.keys() : []) : [step];
  for (const key of keys) {
    const container = node as Record<string | number, unknown>;
    if (!(key in container)) continue;
    if (rest.length === 0) container[key] = typeof container[key] === 'string' ? PROTECTED_TEXT : null;
    else blank(container[key], rest);
  }
}

/** The values found at the given paths (for tests: what blanking must hide). */
export function whereaboutsValues(answer: unknown, paths: readonly string[]): unknown[] {
  const found: unknown[] = [];
  const collect = (node: unknown, steps: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const [step, ...rest] = steps;
    const keys = step === '*' ? (Array.isArray(node) ? [...node.keys()] : []) : [step];
    for (const key of keys) {
      const value = (node as Record<string | number, unknown>)[key];
      if (value === undefined) continue;
      if (rest.length === 0) found.push(value);
      else collect(value, rest);
    }
  };
  for (const path of paths) collect(answer, path.split('.'));
  return found;
}

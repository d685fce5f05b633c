import type { CaseSetup } from './case-setup';

/**
 * Which categories a department system answers (`answeredBy` in the category catalogue,
 * decision 0086): the coverage figure and the avoidable-contacts report are counted by it.
 */

/** The configuration's `answeredBy` that name no installed, enabled plugin: each a line for ConfigError. */
export function categoryCoverageProblems(cases: CaseSetup, installedPluginIds: readonly string[]): string[] {
  const installed = new Set(installedPluginIds);
  const known = installedPluginIds.length ? installedPluginIds.join(', ') : 'none';
  return cases.categories.flatMap((category, i) =>
    category.answeredBy !== undefined && !installed.has(category.answeredBy)
      ? [
          `cases.categories[${i}].answeredBy: "${category.answeredBy}" (category "${category.key}") is no installed plugin (installed: ${known})`,
        ]
      : [],
  );
}

/** Category key → the plugin id that answers it, for the categories a department system answers. */
export function answeringPluginByCategory(cases: {
  categories: readonly { key: string; answeredBy?: string }[];
}): Map<string, string> {
  return new Map(
    cases.categories.flatMap((c) => (c.answeredBy !== undefined ? [[c.key, c.answeredBy] as const] : [])),
  );
}

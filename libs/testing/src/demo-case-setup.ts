import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The demo municipality's case categories and answer groups: the `cases` section of
 * config/embedded.json, so tests and `npm start` use the same setup.
 */
export const DEMO_CASE_SETUP: Record<string, unknown> = JSON.parse(
  readFileSync(resolve(__dirname, '../../../config/embedded.json'), 'utf8'),
).cases;

/**
 * The demo's cases for a test hub with only some plugins: `answeredBy` is checked at start
 * against the enabled plugins (decision 0086), so a category whose plugin the test leaves out
 * is, in that hub, answered by none.
 */
export function demoCasesFor(plugins: Record<string, unknown>): Record<string, unknown> {
  const enabled = (id: string) =>
    id in plugins && (plugins[id] as { enabled?: boolean } | null)?.enabled !== false;
  const categories = (DEMO_CASE_SETUP.categories as Record<string, unknown>[]).map(
    ({ answeredBy, ...category }) =>
      typeof answeredBy === 'string' && enabled(answeredBy) ? { ...category, answeredBy } : category,
  );
  return { ...DEMO_CASE_SETUP, categories };
}

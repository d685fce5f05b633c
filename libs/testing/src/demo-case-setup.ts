import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The demo municipality's case categories and answer groups: the `cases` section of
 * config/embedded.json, so tests and `npm start` use the same setup.
 */
export const DEMO_CASE_SETUP: Record<string, unknown> = JSON.parse(
  readFileSync(resolve(__dirname, '../../../config/embedded.json'), 'utf8'),
).cases;

import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, embeddedSchemaSdl } from '../scripts/print-schema';

/**
 * The console's types are generated from the committed schema.graphql; this fails when the
 * gateway's schema (code-first, with run-time plugin fields) has moved on without it.
 */
describe('apps/agent-console/schema.graphql', () => {
  it('is the schema the embedded configuration serves (else: npm run schema -w apps/agent-console && npm run codegen -w apps/agent-console)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await embeddedSchemaSdl());
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { print, type DocumentNode } from 'graphql';

const GENERATED = join(__dirname, '../../../apps/agent-console/src/gql/graphql.ts');

/**
 * The agent console's own GraphQL document by its operation name (e.g. `PersonView`), as the
 * console sends it: read from the console's generated file at run time, since a tool may not
 * import an app (the module boundaries), and a copy of the query would drift from the console.
 */
export function consoleDocument(operation: string): string {
  const line = readFileSync(GENERATED, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`export const ${operation}Document = `));
  const json = line?.slice(`export const ${operation}Document = `.length).replace(/ as unknown as .*$/, '');
  if (!json) throw new Error(`the console has no ${operation} document in ${GENERATED}`);
  return print(JSON.parse(json) as DocumentNode);
}

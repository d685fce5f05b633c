import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/** GraphQL is one of the gateway's surfaces; core's errors and types are in no surface's terms. */
const GRAPHQL_MODULES = /^(graphql|graphql-ws|graphql-scalars|@apollo\/.*|@nestjs\/(graphql|apollo))(\/.*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module a file imports, requires or imports dynamically, as TypeScript reads it. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

describe('core speaks no GraphQL', () => {
  it('no file in libs/core/src imports graphql, Apollo or their Nest modules', () => {
    const found = sourceFiles(__dirname).flatMap((file) =>
      importsOf(file)
        .filter((name) => GRAPHQL_MODULES.test(name))
        .map((name) => `${relative(__dirname, file)} imports ${name}`),
    );
    expect(found).toEqual([]);
  });

  it('would notice one (the check is not vacuous)', () => {
    const probe = "import { GraphQLError } from 'graphql';\nconst x = require('@apollo/server');";
    const names = ts.preProcessFile(probe, true, true).importedFiles.map((f) => f.fileName);
    expect(names.filter((name) => GRAPHQL_MODULES.test(name))).toEqual(['graphql', '@apollo/server']);
  });
});

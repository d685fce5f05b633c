import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The folder-to-folder imports inside libs/gateway/src, and the rule they keep (decision 0071):
 * `platform/` is the bottom layer and imports nothing above it; each other top-level folder is
 * one feature, importing only itself and the platform; the composition (`module/` and the
 * files at the top: create-gateway, gateway.module, index, migrate-database) may import all.
 * Run `node -r @swc-node/register tools/scripts/gateway-layers.ts` to print the graph.
 */
const GATEWAY_SRC = resolve(__dirname, '../../libs/gateway/src');
const PLATFORM = 'platform';
const COMPOSITION = new Set(['module', '(top)']);

export interface FolderImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/** The unit a file belongs to: `platform/<folder>`, a feature's top folder, or `(top)`. */
export function unitOf(file: string): string {
  const parts = file.split(sep).join('/').split('/');
  if (parts.length === 1) return '(top)';
  return parts[0] === PLATFORM ? `${PLATFORM}/${parts[1]}` : parts[0];
}

const layerOf = (unit: string) =>
  unit.startsWith(`${PLATFORM}/`) ? 'platform' : COMPOSITION.has(unit) ? 'composition' : 'feature';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from|import|require|jest\.mock)\s*\(?\s*'(\.{1,2}\/[^']*)'/g;

/** Every relative import that crosses from one unit to another. */
export function folderImports(src = GATEWAY_SRC): FolderImport[] {
  const found: FolderImport[] = [];
  for (const path of sourceFiles(src)) {
    const file = relative(src, path);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(IMPORT)) {
      const target = relative(src, resolve(dirname(path), specifier));
      const from = unitOf(file);
      const to = unitOf(target);
      if (from !== to) found.push({ from, to, file, specifier });
    }
  }
  return found;
}

/** The imports the rule refuses: the platform reaching up, a feature reaching sideways or up. */
export function layerViolations(imports: FolderImport[]): FolderImport[] {
  // The platform and every feature may reach only the platform; the composition reaches all.
  return imports.filter(
    ({ from, to }) => from !== to && layerOf(from) !== 'composition' && layerOf(to) !== 'platform',
  );
}

if (require.main === module) {
  const imports = folderImports();
  const edges = new Map<string, number>();
  for (const { from, to } of imports) edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
  for (const [edge, count] of [...edges].sort()) console.log(`${String(count).padStart(3)}  ${edge}`);
  const violations = layerViolations(imports);
  console.log(`\n${violations.length} imports against the layers`);
  for (const v of violations) console.log(`  ${v.file}: ${v.specifier}`);
}

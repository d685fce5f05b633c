import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  formatFiles,
  generateFiles,
  logger,
  names,
  type FileChange,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { SDK_VERSION } from '@frontdoor/plugin-sdk';

export interface PluginGeneratorOptions {
  name: string;
  department: string;
  /**
   * Where plugins live (default `plugins`), relative to the workspace or absolute. A standalone
   * plugin may be written anywhere, also outside the workspace (`--directory=../department-plugins`).
   */
  directory?: string;
  /**
   * For a plugin in the department's own repository, outside this workspace: its own
   * package.json (peer dependencies on the SDK, its test tooling as devDependencies, `build`,
   * `test` and `prepack` scripts), tsconfig.json and jest.config.js instead of the workspace's.
   */
  standalone?: boolean;
  /** The npm name of a standalone plugin; default `@kommun/plugin-<name>`. */
  packageName?: string;
}

/** The file name `npm run pack:sdk` gives the SDK's tarball (tools/scripts/pack-sdk.js). */
const sdkTarballName = (version = SDK_VERSION) => `frontdoor-plugin-sdk-${version}.tgz`;

/**
 * The packages a standalone plugin builds and tests with, at the versions this hub is built and
 * tested with (its package-lock.json), so the plugin's repository gets what is proven here.
 */
const STANDALONE_DEV_PACKAGES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/graphql',
  '@swc/core',
  '@swc/jest',
  '@types/jest',
  '@types/node',
  'fastify',
  'graphql',
  'jest',
  'reflect-metadata',
  'typescript',
  'zod',
] as const;

const HUB_ROOT = resolve(__dirname, '../../..');

/** The hub's package-lock.json's packages, by their place (`node_modules/zod`). */
function hubLockPackages(): Record<string, LockEntry> {
  return (
    JSON.parse(readFileSync(join(HUB_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    }
  ).packages;
}

function hubVersions(): Record<string, string> {
  const packages = hubLockPackages();
  return Object.fromEntries(
    STANDALONE_DEV_PACKAGES.map((name) => {
      const version = packages[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`${name} is not in the hub's package-lock.json`);
      return [name, version];
    }),
  );
}

/** A package range the hub's own version of `name` satisfies (`^13.4.5`). */
const caret = (versions: Record<string, string>, name: string) => `^${versions[name]}`;

function standaloneManifest(packageName: string, department: string): string {
  const versions = hubVersions();
  const major = SDK_VERSION.split('.')[0];
  const manifest = {
    name: packageName,
    version: '0.1.0',
    description: `${department}: a Frontdoor department plugin.`,
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    files: ['dist'],
    scripts: {
      build: 'tsc -p tsconfig.json',
      test: 'jest',
      prepack: 'npm run build',
    },
    // The hub provides these: the plugin must use the hub's SDK, zod and GraphQL (one schema, one set of error classes).
    peerDependencies: {
      '@frontdoor/plugin-sdk': `^${major}.0.0`,
      '@nestjs/graphql': caret(versions, '@nestjs/graphql'),
      zod: caret(versions, 'zod'),
    },
    // What the contract kit runs with here: the SDK from its tarball (`npm run pack:sdk` in the hub), the
    // hub's own versions of the peers, jest with SWC (decorator metadata), TypeScript.
    devDependencies: {
      '@frontdoor/plugin-sdk': `file:${sdkTarballName()}`,
      ...Object.fromEntries(STANDALONE_DEV_PACKAGES.map((name) => [name, versions[name]])),
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

interface LockEntry {
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/**
 * The standalone plugin's package-lock.json: its devDependencies and everything they need, at
 * exactly the versions (and in the places) of the hub's own package-lock.json, so `npm install`
 * in the plugin's repository gets the tree the hub is tested with, from the npm cache of a
 * machine that installed the hub, without resolving anything anew.
 */
function standaloneLock(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as {
    name: string;
    version: string;
    peerDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const hub = hubLockPackages();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sdkManifest } = require(join(HUB_ROOT, 'tools/scripts/pack-sdk.js')) as {
    sdkManifest(): LockEntry & { name: string };
  };
  const {
    name: _name,
    main: _main,
    types: _types,
    exports: _exports,
    typesVersions: _tv,
    description: _d,
    ...sdk
  } = sdkManifest();
  const sdkPath = 'node_modules/@frontdoor/plugin-sdk';
  const packages: Record<string, LockEntry> = {
    '': {
      name: manifest.name,
      version: manifest.version,
      devDependencies: manifest.devDependencies,
      peerDependencies: manifest.peerDependencies,
    },
    [sdkPath]: { ...sdk, resolved: manifest.devDependencies['@frontdoor/plugin-sdk'], dev: true },
  };
  /** Where Node (and npm) finds `name` from the package at `from`: the nearest node_modules upwards. */
  const locate = (from: string, name: string): string | undefined => {
    for (let base = from; ;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (hub[candidate] && !hub[candidate].link) return candidate;
      if (!base) return undefined;
      base = base.slice(0, Math.max(0, base.lastIndexOf('node_modules/') - 1));
    }
  };
  const visit = (from: string, entry: LockEntry) => {
    const wanted = [
      ...Object.keys(entry.dependencies ?? {}).map((name) => [name, true] as const),
      ...Object.keys(entry.optionalDependencies ?? {}).map((name) => [name, false] as const),
      // npm installs required peers, never optional ones.
      ...Object.keys(entry.peerDependencies ?? {})
        .filter((name) => !entry.peerDependenciesMeta?.[name]?.optional)
        .map((name) => [name, true] as const),
    ];
    for (const [name, required] of wanted) {
      const path = locate(from, name);
      if (!path) {
        if (required && from !== sdkPath)
          throw new Error(`${name} (for ${from || manifest.name}) is not in the hub's package-lock.json`);
        continue;
      }
      if (packages[path]) continue;
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...rest } = hub[path];
      packages[path] = { ...rest, dev: true };
      visit(path, hub[path]);
    }
  };
  visit('', {
    dependencies: Object.fromEntries(
      Object.entries(manifest.devDependencies).filter(([n]) => !n.startsWith('@frontdoor/')),
    ),
  });
  visit(sdkPath, packages[sdkPath]);
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  return `${JSON.stringify({ name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages: sorted }, null, 2)}\n`;
}

/**
 * `nx g @frontdoor/plugin-generator:plugin parking-permits --department=Parkering`
 * writes plugins/parking-permits: a plugin that builds, runs against its fake department
 * system and passes the contract kit untouched; the author then replaces the fake's
 * answer and the mapping with their system's. With `--standalone` it writes the plugin for
 * a repository of its own, where `--directory` says, also outside the workspace.
 */
export async function pluginGenerator(
  tree: Tree,
  options: PluginGeneratorOptions,
): Promise<GeneratorCallback | void> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.name))
    throw new Error(`"${options.name}" is not kebab-case (e.g. parking-permits)`);
  const directory = options.directory ?? 'plugins';
  const target = resolve(tree.root, directory, options.name);
  const fromRoot = relative(tree.root, target);
  if (!fromRoot.startsWith('..') && !isAbsolute(fromRoot)) {
    await writePlugin(tree, fromRoot, options);
    return;
  }
  if (!options.standalone)
    throw new Error(
      `${target} is outside the workspace: only a standalone plugin (--standalone) lives in a repository of its own`,
    );
  // Nx's tree writes inside the workspace only: a tree of its own, rooted where the plugin goes,
  // written when Nx runs the generator's tasks (not on --dry-run).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FsTree, flushChanges } = require('nx/src/generators/tree') as {
    FsTree: new (root: string, verbose: boolean) => Tree;
    flushChanges(root: string, changes: FileChange[]): void;
  };
  const parent = dirname(target);
  const outside = new FsTree(parent, false);
  await writePlugin(outside, basename(target), options);
  const changes = outside.listChanges();
  return () => {
    flushChanges(parent, changes);
    logger.info(`Wrote the plugin ${options.name} to ${target} (${changes.length} files).`);
  };
}

async function writePlugin(tree: Tree, root: string, options: PluginGeneratorOptions): Promise<void> {
  if (tree.exists(root)) throw new Error(`${resolve(tree.root, root)} already exists`);
  const n = names(options.name);
  const packageName = options.packageName ?? `@kommun/plugin-${options.name}`;
  const substitutions = {
    id: options.name,
    department: options.department,
    className: n.className,
    propertyName: n.propertyName,
    fileName: n.fileName,
    root,
    packageName,
    sdkMajor: SDK_VERSION.split('.')[0],
    sdkTarball: sdkTarballName(),
    dot: '.',
    template: '',
  };
  generateFiles(tree, join(__dirname, 'files'), root, substitutions);
  if (options.standalone) {
    // The workspace's package.json, project.json and README make way for a repository of its own.
    tree.delete(join(root, 'project.json'));
    tree.delete(join(root, 'README.md'));
    generateFiles(tree, join(__dirname, 'files-standalone'), root, substitutions);
    tree.write(join(root, 'package.json'), standaloneManifest(packageName, options.department));
  }
  await formatFiles(tree);
  // After formatting: written as npm writes it.
  if (options.standalone)
    tree.write(
      join(root, 'package-lock.json'),
      standaloneLock(tree.read(join(root, 'package.json'), 'utf8')!),
    );
}

export default pluginGenerator;

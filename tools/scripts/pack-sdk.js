#!/usr/bin/env node
// Packs @frontdoor/plugin-sdk as an npm tarball a department's IT team installs in its own
// plugin repository (`npm install ./frontdoor-plugin-sdk-4.4.0.tgz`), versioned with the SDK's
// contract version. Compiled JS and .d.ts; zod, @nestjs/graphql, graphql and typeorm are peers,
// so a plugin installed into a hub uses the hub's copies (one schema, one set of error classes).
// Prints the tarball's path.
const { execFileSync } = require('node:child_process');
const { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'dist/packages/plugin-sdk');
const DEST = join(ROOT, 'dist/packages');

function sdkVersion() {
  const source = readFileSync(join(ROOT, 'libs/plugin-sdk/src/sdk-version.ts'), 'utf8');
  const match = /SDK_VERSION = '(\d+\.\d+\.\d+)'/.exec(source);
  if (!match) throw new Error('SDK_VERSION not found in libs/plugin-sdk/src/sdk-version.ts');
  return match[1];
}

/** The range the hub itself is built with, so the package asks for what is tested here. */
function rangeOf(name) {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const range = root.dependencies[name] ?? root.devDependencies[name];
  if (!range) throw new Error(`${name} is not a dependency of the workspace`);
  return range;
}

/** The tarball's package.json (also what a standalone plugin's package-lock.json records for it). */
function sdkManifest() {
  return {
    name: '@frontdoor/plugin-sdk',
    version: sdkVersion(),
    description: 'The contract a Frontdoor department plugin is written against, and its contract test kit.',
    license: 'EUPL-1.2',
    main: 'index.js',
    types: 'index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './testing': { types: './testing/index.d.ts', default: './testing/index.js' },
      './package.json': './package.json',
    },
    typesVersions: { '*': { testing: ['testing/index.d.ts'] } },
    engines: { node: '>=20.19.0' },
    dependencies: {
      'graphql-scalars': rangeOf('graphql-scalars'),
      semver: rangeOf('semver'),
      undici: rangeOf('undici'),
    },
    peerDependencies: {
      '@nestjs/graphql': rangeOf('@nestjs/graphql'),
      graphql: rangeOf('graphql'),
      typeorm: rangeOf('typeorm'),
      zod: rangeOf('zod'),
    },
    // typeorm: only for plugins with their own tables (and the kit's in-memory database for them).
    peerDependenciesMeta: { typeorm: { optional: true } },
  };
}

function pack() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'libs/plugin-sdk/tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const manifest = sdkManifest();
  writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(ROOT, 'libs/plugin-sdk/README.md'), join(OUT, 'README.md'));
  const output = execFileSync('npm', ['pack', '--pack-destination', DEST, '--json'], {
    cwd: OUT,
    encoding: 'utf8',
  });
  return join(DEST, JSON.parse(output)[0].filename);
}

if (require.main === module) console.log(pack());
module.exports = { pack, sdkManifest, sdkVersion };

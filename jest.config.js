// One jest run for the whole monorepo: every project's tests, transformed by SWC
// (decorator metadata included, which NestJS and TypeORM need).
const swcConfig = {
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/plugins', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  setupFiles: ['reflect-metadata'],
  // A bound, not a speed target: a hub's start in beforeAll takes seconds alone but can take
  // half a minute on a machine loaded several times over (seen at load 16 on two cores).
  testTimeout: 60000,
  // A leaked handle must never hang CI for its 90 minutes; find leaks with --detectOpenHandles.
  forceExit: true,
};

// The multi-process test (`npm run test:cluster`): Frontdoor's production processes on a real
// PostgreSQL and Redis, driven from here. Not part of `npm test` (it needs the production
// bundle, faketime and a few minutes); `.ci/run` runs it.
const base = require('../../jest.config');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tools/cluster-test'],
  testMatch: ['**/*.cluster-spec.ts'],
  testTimeout: 300_000,
};

// ESLint (flat config): typescript-eslint's recommended rules, and Nx module boundaries
// that make the architecture a lint error (docs/decisions/0002-module-boundaries.md).
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', '.nx/**'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // A plugin is written only against the SDK: never another plugin, the hub or an app.
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:sdk'] },
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:jobs', onlyDependOnLibsWithTags: ['type:persistence'] },
            { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: [] },
            // The browser apps' shared sign-in (libs/browser-auth): npm packages only, nothing of ours.
            { sourceTag: 'type:browser', onlyDependOnLibsWithTags: [] },
            // Configuration is read alike by every process; it knows none of them.
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:core'] },
            // The composition root both processes host: no HTTP, no GraphQL, no gateway.
            {
              sourceTag: 'type:hub',
              onlyDependOnLibsWithTags: ['type:config', 'type:core', 'type:persistence', 'type:jobs'],
            },
            {
              sourceTag: 'type:core',
              onlyDependOnLibsWithTags: ['type:sdk', 'type:persistence', 'type:jobs'],
            },
            // The gateway loads plugins by configuration at run time, never by import.
            {
              sourceTag: 'type:gateway',
              onlyDependOnLibsWithTags: [
                'type:hub',
                'type:config',
                'type:core',
                'type:sdk',
                'type:persistence',
                'type:jobs',
              ],
            },
            // The worker is the hub without the API: it hosts the hub and never loads the gateway.
            {
              sourceTag: 'type:worker',
              onlyDependOnLibsWithTags: [
                'type:hub',
                'type:config',
                'type:core',
                'type:persistence',
                'type:jobs',
              ],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:gateway',
                'type:hub',
                'type:config',
                'type:sandbox',
                'type:core',
                'type:sdk',
                'type:persistence',
                'type:jobs',
                'type:plugin',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:browser',
                'type:gateway',
                'type:worker',
                'type:hub',
                'type:config',
                'type:sandbox',
                'type:testing',
                'type:core',
                'type:sdk',
                'type:persistence',
                'type:jobs',
                'type:plugin',
              ],
            },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // The worker process is the hub without the API: its code loads nothing of the gateway, so
    // no Apollo (issue 22). Its tests may still start a gateway beside it (libs/testing).
    files: ['apps/worker/src/**/*.ts', 'libs/worker/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@frontdoor/gateway', message: 'The worker hosts @frontdoor/hub, never the gateway.' },
            { name: '@frontdoor/testing', message: 'Test helpers start a gateway; not in the worker.' },
          ],
          patterns: [
            {
              group: ['@apollo/*', '@nestjs/graphql', '@nestjs/apollo'],
              message: 'No GraphQL in the worker.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

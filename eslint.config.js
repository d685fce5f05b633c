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
            {
              sourceTag: 'type:core',
              onlyDependOnLibsWithTags: ['type:sdk', 'type:persistence', 'type:jobs'],
            },
            // The gateway loads plugins by configuration at run time, never by import.
            {
              sourceTag: 'type:gateway',
              onlyDependOnLibsWithTags: ['type:core', 'type:sdk', 'type:persistence', 'type:jobs'],
            },
            {
              sourceTag: 'type:worker',
              onlyDependOnLibsWithTags: ['type:core', 'type:persistence', 'type:jobs', 'type:gateway'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:gateway',
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
                'type:gateway',
                'type:worker',
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
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

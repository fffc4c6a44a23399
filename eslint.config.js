// Lint rules, including the dependency direction of ARCHITECTURE.md: packages never import apps,
// schema imports nothing of ours, core stays pure, only sync touches yjs/hocuspocus, and
// packages are imported through their declared entry points only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const deepImports = {
  group: ['@trailmap/*/src/*', '@trailmap/*/src'],
  message: 'Import packages through their declared exports.',
};
const apps = {
  group: ['@trailmap/server', '@trailmap/web', '@trailmap/cli', '**/apps/**'],
  message: 'Packages never import apps.',
};
const restrict = (...patterns) => ['error', { patterns: [deepImports, ...patterns] }];
const only = (allowed) => ({
  group: ['@trailmap/*', ...allowed.map((name) => `!@trailmap/${name}`)],
  message: `This package may only import @trailmap/${allowed.join(', @trailmap/') || '(nothing)'}.`,
});
const noYjs = {
  group: ['yjs', 'y-protocols', 'y-protocols/*', '@hocuspocus/*'],
  message: 'Only packages/sync talks to Yjs/Hocuspocus.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'bench/results/**',
      'apps/web/dist/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-imports': restrict(),
    },
  },
  { files: ['packages/schema/**'], rules: { 'no-restricted-imports': restrict(apps, only([]), noYjs) } },
  {
    files: ['packages/core/**'],
    rules: {
      'no-restricted-imports': restrict(apps, only(['schema']), noYjs, {
        group: ['node:*', 'react', 'react-dom', 'better-sqlite3', 'pg', 'kysely'],
        message: 'core is pure: no Node built-ins, UI or databases.',
      }),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes the clock from CommandContext.' },
        { object: 'Math', property: 'random', message: 'core takes ids from CommandContext.' },
      ],
    },
  },
  {
    files: ['packages/render/**'],
    rules: { 'no-restricted-imports': restrict(apps, only(['schema', 'core']), noYjs) },
  },
  {
    files: ['packages/analytics/**'],
    rules: { 'no-restricted-imports': restrict(apps, only(['schema']), noYjs) },
  },
  {
    files: ['packages/sync/**'],
    rules: { 'no-restricted-imports': restrict(apps, only(['schema', 'core'])) },
  },
  { files: ['apps/cli/**'], rules: { 'no-restricted-imports': restrict(noYjs) } },
  { files: ['apps/web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The engine's result types describe what the datasets API returns; its code (DuckDB, files)
    // has no place in a browser bundle.
    files: ['apps/web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@trailmap/analytics',
              message: 'the web app takes only types from @trailmap/analytics',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);

// Lint rules: typescript-eslint's type-aware recommended set, plus the house habits
// (named exports, type-only imports, no `any`). Layout is prettier's; the one layout rule here is the
// line length prettier cannot enforce (it does not break strings).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'neo4j-embedded/',
      'src/graphql/generated/',
      '.neo4j-data/',
      '.artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (jest global hooks excepted).' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'Only src/database/Database.ts talks to the driver.' }] },
      ],
    },
  },
  {
    files: ['src/database/Database.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/support/globalSetup.ts', 'test/support/globalTeardown.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Browser scripts of the explorer and the IDE: plain scripts, loaded without a bundler.
    files: ['src/web/public/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
        cytoscape: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    // The explorer and the other pages: ES modules loaded by the browser as they are, with the vendor
    // libraries as globals.
    files: ['src/web/public/explorer/**/*.js', 'src/web/public/*-page/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        location: 'readonly',
        history: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        DOMParser: 'readonly',
        setTimeout: 'readonly',
        requestAnimationFrame: 'readonly',
        localStorage: 'readonly',
        Papa: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['src/web/public/**'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { 'no-restricted-syntax': 'off' },
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);

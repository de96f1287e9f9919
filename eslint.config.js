// Lint rules, including the architecture's boundaries: core/ is pure (no Electron, Node, DOM or network).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-cli',
      'release',
      'test-results',
      'playwright-report',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Components are linted too, so the renderer's import rules below cover their <script> blocks.
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig },
    },
    // Undefined names in components are svelte-check's job (it knows the DOM types); no-undef does not.
    rules: { 'no-undef': 'off' },
  },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ is pure: no Electron.' },
            {
              group: ['node:*', 'fs', 'path', 'http', 'net', 'os', 'child_process'],
              message: 'core/ is pure: no Node APIs (files, network, processes).',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/cli/**'],
              message: 'core/ depends on nothing outside core/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ is pure: no DOM.' },
        { name: 'document', message: 'core/ is pure: no DOM.' },
        { name: 'fetch', message: 'core/ is pure: no network.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ takes the clock as an argument.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Views run in a browser: no Electron.' },
            { group: ['node:*'], message: 'Views run in a browser: no Node APIs.' },
            {
              group: ['**/electron/**', '**/server/**', '**/cli/**'],
              message: 'Views talk to the server over HTTP/WebSocket only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'tests/**/*.ts',
      'bench/**',
      'server/**/*.ts',
      'cli/**/*.ts',
      'electron/shell/{config,plan-windows,navigation,recovery,startup-error,linux-display}.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: "Importing 'electron' fetches its binary: keep it to the shell files." },
          ],
        },
      ],
    },
  },
);

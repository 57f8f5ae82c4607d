import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'test/fixtures/site/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', location: 'readonly', navigator: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        process: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', performance: 'readonly',
        globalThis: 'readonly', crypto: 'readonly', structuredClone: 'readonly', indexedDB: 'readonly', IDBKeyRange: 'readonly',
        defineBackground: 'readonly', defineContentScript: 'readonly', browser: 'readonly', Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/fixtures/site/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { posthog: 'readonly', customElements: 'readonly', HTMLElement: 'readonly', history: 'readonly' } },
  },
);

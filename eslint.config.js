import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', '.prof/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', '.stryker-tmp*/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Browser code, and Node tooling whose page.evaluate callbacks run in a browser.
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions, defineBackground: 'readonly', defineContentScript: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/fixtures/site/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, posthog: 'readonly' } },
  },
);

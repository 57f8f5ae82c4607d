// Mutation testing (`npm run mutate`): Stryker mutates the pure modules and runs the unit tier
// against each mutant; a mutant that survives is a behaviour no test pins down. Not part of
// `npm test` (too slow); incremental, so a run after a small change re-tests only what changed.
// One folder: `npm run mutate -- --mutate "src/events/**/*.ts"`. On the shared 2-core machine, narrow
// the tests to the folder's own unit files and skip the type checker (compile-error mutants are
// then judged by the tests): `MUTATE_TESTS=test/unit/session.test.ts npm run mutate --
// --concurrency 1 --checkers "" --mutate src/autocapture/session.ts` (see vitest.mutate.config.ts).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: [
    'src/events/**/*.ts',
    'src/actions/**/*.ts',
    'src/autocapture/{privacy,elements,session,properties}.ts',
    'src/selectors/{scoring,drafts,narrow,similar,similar-drafts}.ts',
    'src/preview/**/*.ts',
    // Issue 11's pure definitions (not measured yet).
    'src/persons/**/*.ts',
    'src/sessions/**/*.ts',
    'src/cohorts/**/*.ts',
  ],
  // Not copied into the sandbox: build and report output (large, and a build running meanwhile
  // replaced files under Stryker's copy, which then failed), and other runs' sandboxes.
  ignorePatterns: ['.output', '.stryker-tmp*', 'bench-results', 'test-results', 'playwright-report', 'docs/screenshots'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  // MUTATE_REPORT: another report file, so two one-folder runs can go side by side.
  jsonReporter: { fileName: process.env.MUTATE_REPORT ?? 'reports/mutation.json' },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
};

// Mutation testing (`npm run mutate`): Stryker mutates the pure modules and runs the unit tier
// against each mutant; a mutant that survives is a behaviour no test pins down. Not part of
// `npm test` (too slow); incremental, so a run after a small change re-tests only what changed.
// One folder: `npm run mutate -- --mutate "src/events/**/*.ts"`.
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
  ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
};

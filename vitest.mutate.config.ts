import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tier as Stryker runs it: instrumented code is several times slower, so the slowest
// property tests get more time than the 5 s default.
// MUTATE_TESTS (comma-separated test files) narrows the tier to a folder's own unit tests, so a
// one-folder run on this 2-core machine takes minutes, and its score says what those tests pin.
const only = process.env.MUTATE_TESTS?.split(',').map((file) => file.trim()).filter(Boolean);

// LASSO_MUTATION lets a long seeded property test run fewer cases under a mutant (the score is then a
// lower bound of what the full tier pins; see README).
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 60_000, env: { LASSO_MUTATION: '1' } } }));
// Set after merging: mergeConfig concatenates arrays, which would keep the whole tier's pattern.
if (only?.length) config.test!.include = only;
// After fake-indexeddb; see the file for why mutation runs switch the mutant on there.
config.test!.setupFiles = [...[config.test!.setupFiles ?? []].flat(), 'test/support/stryker-static-activation.ts'];

export default config;

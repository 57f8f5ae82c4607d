import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tier as Stryker runs it: instrumented code is several times slower, so the slowest
// property tests get more time than the 5 s default.
export default mergeConfig(base, defineConfig({ test: { testTimeout: 60_000 } }));

// @ts-nocheck
// Mutation runs only (vitest.mutate.config.ts). Stryker 9.6's vitest runner switches on a mutant
// that only module loading reaches (an entry of a constant list: a "static" mutant) after the
// test file imported the module (stryker-js#6144), so such mutants "survive" tests that kill them
// when applied by hand. Switching the mutant on here, before any test file imports, fixes that;
// for the other mutants it changes nothing (Stryker sets the same id again in its beforeAll).
import { inject } from 'vitest';

const read = inject as unknown as (key: string) => unknown;
if (read('mode') === 'mutant') {
  const scope = globalThis as unknown as Record<string, { activeMutant?: unknown } | undefined>;
  const name = read('globalNamespace') as string;
  (scope[name] ??= {}).activeMutant = read('activeMutant');
}

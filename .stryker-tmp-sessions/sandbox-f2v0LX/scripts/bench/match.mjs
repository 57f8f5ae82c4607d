// @ts-nocheck
// Node: one compiled action over realistic events vs only JSON-parsing the same events.
import { importTs, sized } from './util.mjs';

export async function benchMatch() {
  const { matchThroughput } = await importTs('test/bench/match-throughput.ts');
  return matchThroughput(sized(50_000, 300), sized(9, 1));
}

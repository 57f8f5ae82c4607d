// @ts-nocheck
// Node benchmark body (bundled and run by scripts/bench.mjs): how fast one compiled action
// matches realistic stored events, next to a baseline of only JSON-parsing the same events.
import { compileAction } from '../../src/actions';
import { generateEvents } from '../fixtures/generate-events';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeIt(reps: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Events per second for JSON.parse alone and for one typical selector step. */
export function matchThroughput(count = 50_000, reps = 9) {
  const json = generateEvents({ count, seed: 7 }).map((e) => JSON.stringify(e));
  const events = json.map((s) => JSON.parse(s));
  // A typical toolbar-made step: event + data attribute inside a card.
  const action = compileAction({ steps: [{ event: '$autocapture', selector: 'div.card > button[data-attr="add-to-cart"]' }] });
  let sink = 0;
  const parseMs = timeIt(reps, () => {
    for (const s of json) sink += JSON.parse(s).event.length;
  });
  const matchMs = timeIt(reps, () => {
    for (const e of events) if (action.matches(e)) sink++;
  });
  // First pass over fresh objects: includes chain parsing through the shared per-string cache.
  const fresh = json.map((s) => JSON.parse(s));
  const firstMatchMs = timeIt(1, () => {
    for (const e of fresh) if (action.matches(e)) sink++;
  });
  return {
    events: count,
    jsonParsePerSec: Math.round(count / (parseMs / 1000)),
    matchPerSec: Math.round(count / (matchMs / 1000)),
    firstPassMatchPerSec: Math.round(count / (firstMatchMs / 1000)),
    matched: events.filter((e) => action.matches(e)).length,
    sink,
  };
}

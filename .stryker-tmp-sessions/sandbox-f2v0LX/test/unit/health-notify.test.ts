// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { ActionHealth, HealthStatus } from '../../src/health/decide';
import { newlyBroken } from '../../src/health/notify';

const h = (id: string, status: HealthStatus): ActionHealth => ({ id, status, since: null, page: null, lastChain: null, candidates: [], viewsSince: 0, expected: 0 });

describe('which broken actions to tell about', () => {
  it.each<[string, string[], ActionHealth[], string[], string[]]>([
    ['a new break is told', [], [h('a', 'broken'), h('b', 'ok')], ['a'], ['a']],
    ['one already told is not told again', ['a'], [h('a', 'broken')], [], ['a']],
    ['a recovered one leaves the told list…', ['a'], [h('a', 'ok')], [], []],
    ['…so it is told again when it breaks again', [], [h('a', 'broken')], ['a'], ['a']],
    ['no data is never told', [], [h('a', 'no data')], [], []],
    ['several, told list sorted', ['c'], [h('c', 'broken'), h('b', 'broken'), h('a', 'broken')], ['b', 'a'], ['a', 'b', 'c']],
  ])('%s', (_name, told, health, tell, next) => {
    const got = newlyBroken(told, health);
    expect(got.tell.map((x) => x.id)).toEqual(tell);
    expect(got.told).toEqual(next);
  });
});

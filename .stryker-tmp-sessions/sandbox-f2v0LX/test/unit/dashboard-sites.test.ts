// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { siteChoices } from '../../src/dashboard/SitePicker';
import type { SeriesRow } from '../../src/store/rows';
import { siteSummaries } from '../../src/store/queries/sites';

const series = (host: string, event: string, n: number, last: number): SeriesRow => ({ event, chain: 0, url: 0, host, type: '', n, first: 0, last });

describe('siteSummaries', () => {
  it('sums series per site (lower-cased), names by frequency, latest site first, no-host events left out', () => {
    const rows = [
      series('a.test', '$pageview', 3, 10),
      series('a.test', '$autocapture', 5, 20),
      series('A.test', '$pageview', 4, 5),
      series('localhost:3000', 'signed_up', 1, 30),
      series('', '$pageview', 9, 99),
      series('b.test', 'z', 2, 20),
      series('b.test', 'a', 2, 1),
    ];
    expect(siteSummaries(rows)).toEqual([
      { site: 'localhost:3000', events: 1, last: 30, eventNames: ['signed_up'] },
      { site: 'a.test', events: 12, last: 20, eventNames: ['$pageview', '$autocapture'] },
      { site: 'b.test', events: 4, last: 20, eventNames: ['a', 'z'] },
    ]);
  });

  it('is empty for an empty store', () => expect(siteSummaries([])).toEqual([]));
});

describe('siteChoices', () => {
  it.each<[string, Parameters<typeof siteChoices>, ReturnType<typeof siteChoices>]>([
    ['events only', [[{ site: 'a.test', events: 3 }], []], [{ site: 'a.test', events: 3 }]],
    ['a site with actions but no events comes after', [[{ site: 'a.test', events: 3 }], [{ site: 'b.test', actions: [{}] }]], [{ site: 'a.test', events: 3 }, { site: 'b.test', events: 0 }]],
    ['a site in both once', [[{ site: 'a.test', events: 3 }], [{ site: 'a.test', actions: [{}] }]], [{ site: 'a.test', events: 3 }]],
    ['a site with an empty action list is not offered', [[], [{ site: 'b.test', actions: [] }]], []],
  ])('%s', (_name, args, want) => expect(siteChoices(...args)).toEqual(want));
});

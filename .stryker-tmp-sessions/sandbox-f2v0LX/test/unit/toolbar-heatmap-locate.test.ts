// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as elements from '../../src/autocapture/elements';
import { chainElementsFor, elementsChainFor } from '../../src/autocapture/elements';
import { parseElementsChain, serializeElementsChain } from '../../src/events/elements-chain';
import type { HeatmapEntry } from '../../src/store/heatmap';
import { locateChains } from '../../src/toolbar/heatmap/locate';
import { rng } from '../fixtures/generate-events';

// Counts chain builds while calling through (ESM bindings cannot be spied on otherwise).
vi.mock('../../src/autocapture/elements', async (original) => {
  const actual = await original<typeof import('../../src/autocapture/elements')>();
  return { ...actual, elementsChainFor: vi.fn(actual.elementsChainFor) };
});

const $ = (selector: string): Element => document.querySelector(selector)!;
const entry = (chain: string, clicks: number, lastMs = 0): HeatmapEntry => ({ chain, clicks, lastMs });
/** The chain a click on `el` records, with some elements changed (as if recorded on an older page). */
function chainWith(el: Element, change: (els: ReturnType<typeof chainElementsFor>) => void): string {
  const els = chainElementsFor(el);
  change(els);
  return serializeElementsChain(els);
}

const PAGE = `
  <header><nav><a href="/">Home</a><a href="/cart" class="nav">Cart (2)</a></nav></header>
  <main>
    <div class="card"><button class="btn" data-attr="add">Add</button><button id="save">Save</button></div>
    <div class="card"><button class="btn" data-attr="add">Add</button><button>Other</button></div>
    <form><input name="email"><button type="submit"><svg><path d="M0 0"></path></svg></button></form>
    <div data-lasso-ui class="ph-no-capture"><button>Lasso</button></div>
  </main>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  vi.mocked(elementsChainFor).mockClear();
});

describe('locateChains: exact chains', () => {
  it('places each chain on the element it was recorded on, most clicked first', () => {
    const targets = ['header a.nav', '.card:nth-child(2) button.btn', 'input', '#save'];
    const entries = targets.map((s, i) => entry(elementsChainFor($(s)), i + 1));
    const { placed, missing } = locateChains(entries, document);
    expect(missing).toEqual([]);
    expect(placed.map((p) => [p.element, p.clicks, p.chains])).toEqual(
      [...targets].reverse().map((s, i) => [$(s), targets.length - i, [entries[targets.length - 1 - i].chain]]),
    );
  });

  it('places a click on an svg inside a button on the button (the chain starts there)', () => {
    const chain = serializeElementsChain(elements.captureElements($('path'), true).elements);
    expect(locateChains([entry(chain, 4)], document).placed).toEqual([{ element: $('form button'), clicks: 4, chains: [chain] }]);
  });

  it('finds elements inside open shadow roots, preferring the exact chain over a twin at the same place', () => {
    const host = document.createElement('x-widget');
    document.querySelector('main')!.append(host);
    host.innerHTML = '<button>Light</button>';
    host.attachShadow({ mode: 'open' }).innerHTML = '<button>Shadow</button><div><span>Deep</span></div>';
    const light = host.querySelector('button')!;
    const inner = host.shadowRoot!.querySelector('button')!;
    const deep = host.shadowRoot!.querySelector('span')!;
    // Both buttons are the host's first child in their own tree: same path, same classes; only text differs.
    expect(chainElementsFor(inner).map((e) => [e.tag_name, e.nth_child])).toEqual(chainElementsFor(light).map((e) => [e.tag_name, e.nth_child]));
    const entries = [entry(elementsChainFor(deep), 5), entry(elementsChainFor(inner), 3), entry(elementsChainFor(light), 1)];
    const { placed, missing } = locateChains(entries, document);
    expect(missing).toEqual([]);
    expect(placed.map((p) => [p.element, p.clicks])).toEqual([[deep, 5], [inner, 3], [light, 1]]);
  });

  it('never places on Lasso UI', () => {
    const lasso = $('[data-lasso-ui] button');
    const chain = elementsChainFor(lasso);
    expect(locateChains([entry(chain, 2)], document)).toEqual({ placed: [], missing: [entry(chain, 2)] });
  });
});

describe('locateChains: fallback when the chain is not exact', () => {
  it.each([
    ['text changed (a counter)', 'header a.nav', (els: ReturnType<typeof chainElementsFor>) => void (els[0].text = 'Cart (7)')],
    ['an attribute changed', '.card button.btn', (els: ReturnType<typeof chainElementsFor>) => void (els[0].attributes['attr__aria-expanded'] = 'true')],
    ['class toggled on the element', '.card button.btn', (els: ReturnType<typeof chainElementsFor>) => void (els[0].attr_class = ['active', 'btn'])],
    ['an ancestor class changed', 'input', (els: ReturnType<typeof chainElementsFor>) => void (els[1].attr_class = ['signup'])],
    ['a dynamic id changed (no element has the old id)', '.card:nth-child(2) button:nth-child(2)', (els: ReturnType<typeof chainElementsFor>) => void (els[0].attr_id = 'radix-7')],
  ])('%s: placed at the same place', (_name, selector, change) => {
    const chain = chainWith($(selector), change);
    expect(chain).not.toBe(elementsChainFor($(selector)));
    expect(locateChains([entry(chain, 2)], document).placed).toEqual([{ element: $(selector), clicks: 2, chains: [chain] }]);
  });

  it.each([
    ['another nth-child', (els: ReturnType<typeof chainElementsFor>) => void (els[0].nth_child = 5)],
    ['another ancestor position', (els: ReturnType<typeof chainElementsFor>) => void (els[2].nth_child = 9)],
    ['another ancestor tag', (els: ReturnType<typeof chainElementsFor>) => void (els[1].tag_name = 'section')],
    ['a longer path', (els: ReturnType<typeof chainElementsFor>) => void els.splice(1, 0, { ...els[1] })],
    ['a shorter path', (els: ReturnType<typeof chainElementsFor>) => void els.splice(1, 1)],
  ])('%s: missing', (_name, change) => {
    const chain = chainWith($('.card button.btn'), change);
    expect(locateChains([entry(chain, 2)], document)).toEqual({ placed: [], missing: [entry(chain, 2)] });
  });

  it('a chain without positions is placed by tags and attributes', () => {
    const chain = elementsChainFor($('#save')).replace(/nth-(child|of-type)="\d+"/g, '');
    const other = elementsChainFor($('input')).replace(/nth-(child|of-type)="\d+"/g, '');
    const { placed } = locateChains([entry(chain, 2), entry(other, 1)], document);
    expect(placed.map((p) => p.element)).toEqual([$('#save'), $('input')]);
  });

  it('an id that moved elsewhere is not placed on whatever now sits at its old place', () => {
    const chain = elementsChainFor($('#save'));
    const cards = document.querySelectorAll('.card');
    cards[1].append($('#save')); // now 3rd in the second card; "Other" button is not #save
    cards[0].append(document.createElement('button')); // something at the old place
    expect(locateChains([entry(chain, 2)], document).missing).toEqual([entry(chain, 2)]);
  });

  it('a removed element or an unparsable chain is missing', () => {
    const chain = elementsChainFor($('#save'));
    $('#save').remove();
    const entries = [entry(chain, 1), entry('', 1), entry(';;', 1)];
    expect(locateChains(entries, document)).toEqual({ placed: [], missing: entries });
  });
});

describe('locateChains: ids no selector can hold', () => {
  // Ids are attribute values: anything goes. Up to 1024 characters reach the chain unchanged.
  const ids: [string, string][] = [
    ['a plain id', 'save'],
    ['a newline', 'save\nnow'],
    ['a quote', 'say "save"'],
    ['a backslash', 'back\\slash'],
    ['a trailing backslash', 'save\\'],
    [']', 'x]y'],
    ['all of them', '"]\n\\[id="'],
    ['a very long id', 'v'.repeat(1024)],
  ];

  /** What locateChains makes of `#save` recorded with id `id`: exact, moved, and an id no element has. */
  function outcomes(id: string) {
    document.body.innerHTML = PAGE;
    const save = $('#save');
    save.id = id;
    const exact = elementsChainFor(save);
    expect(parseElementsChain(exact)[0].attr_id).toBe(id); // the id guard really sees this id
    const other = $('.card:nth-child(2) button:nth-child(2)');
    const gone = chainWith(other, (els) => void (els[0].attr_id = id + '-gone'));
    const first = locateChains([entry(exact, 2), entry(gone, 1)], document);
    const cards = document.querySelectorAll('.card');
    cards[1].append(save);
    cards[0].append(document.createElement('button'));
    const moved = locateChains([entry(exact, 2)], document);
    return {
      exact: first.placed.find((p) => p.chains.includes(exact))?.element === save,
      gone: first.placed.find((p) => p.chains.includes(gone))?.element === other,
      movedMissing: moved.missing.length === 1 && moved.placed.length === 0,
    };
  }

  it.each(ids)('%s: no error, placed as with a plain id', (_name, id) => {
    const plain = outcomes('save');
    expect(plain).toEqual({ exact: true, gone: true, movedMissing: true });
    expect(outcomes(id)).toEqual(plain);
  });

  it('an id longer than a chain holds does not throw', () => {
    const save = $('#save');
    save.id = '\n"]'.repeat(2000);
    const chain = elementsChainFor(save);
    expect(locateChains([entry(chain, 1)], document).placed.map((p) => p.element)).toEqual([save]);
  });

  describe('selectors', () => {
    type Query = 'querySelectorAll' | 'querySelector' | 'matches' | 'closest';
    /** The prototype `name` is defined on for `node` (happy-dom's `document` is not a global `Document`). */
    const owner = (node: object, name: Query): object => {
      let p = node;
      while (!Object.prototype.hasOwnProperty.call(p, name)) p = Object.getPrototypeOf(p) as object;
      return p;
    };
    /** Spies on every selector method `document`, its elements and shadow roots use. */
    function spies() {
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      const on = (name: Query, ...nodes: object[]) =>
        [...new Set(nodes.map((n) => owner(n, name)))].map((p) => vi.spyOn(p as Record<Query, (selector: string) => unknown>, name));
      return [
        ...on('querySelectorAll', Document.prototype, Element.prototype, DocumentFragment.prototype, document, host, shadow),
        ...on('querySelector', Document.prototype, Element.prototype, DocumentFragment.prototype, document, host, shadow),
        ...on('matches', Element.prototype, host),
        ...on('closest', Element.prototype, host),
      ];
    }
    afterEach(() => vi.restoreAllMocks());

    it('never builds a selector from chain data, and reads the ids once per call', () => {
      const id = 'zq-moved-7f3';
      const save = $('#save');
      save.id = id;
      const chain = elementsChainFor(save);
      const twin = chainWith(save, (els) => void (els[0].text = 'Saved'));
      const cards = document.querySelectorAll('.card');
      cards[1].append(save);
      cards[0].append(document.createElement('button'));
      const all = spies();
      const { missing } = locateChains([entry(chain, 2), entry(twin, 1)], document);
      expect(missing).toEqual([entry(chain, 2), entry(twin, 1)]);
      const args = all.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
      expect(args.filter((a) => a.includes(id) || a.includes('zq'))).toEqual([]);
      // Both chains needed the id guard; the page's ids were read once.
      expect(args.filter((a) => a === '[id]')).toEqual(['[id]']);
    });

    it('does not read the ids when no chain needs them', () => {
      const entries = ['header a.nav', 'input'].map((s) => entry(elementsChainFor($(s)), 1));
      const all = spies();
      expect(locateChains(entries, document).missing).toEqual([]);
      expect(all.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])))).not.toContain('[id]');
    });
  });
});

describe('locateChains: summing and caching', () => {
  it('sums several chains on one element and builds each candidate chain once', () => {
    const a = $('header a.nav');
    const chains = ['Cart (1)', 'Cart (3)', 'Cart (9)'].map((t) => chainWith(a, (els) => void (els[0].text = t)));
    const exact = elementsChainFor(a);
    vi.mocked(elementsChainFor).mockClear();
    const { placed } = locateChains([entry(chains[0], 4), entry(exact, 3), entry(chains[1], 2), entry(chains[2], 1)], document);
    expect(placed).toEqual([{ element: a, clicks: 10, chains: [chains[0], exact, chains[1], chains[2]] }]);
    expect(vi.mocked(elementsChainFor)).toHaveBeenCalledTimes(1);
  });
});

/** A page of about `nodes` elements: nested sections of cards with buttons, links and inputs. */
function bigPage(nodes: number, seed: number): void {
  const r = rng(seed);
  const main = document.createElement('main');
  let count = 0;
  while (count < nodes) {
    const section = main.appendChild(document.createElement('section'));
    section.className = `s${Math.floor(r() * 5)}`;
    count++;
    for (let i = 0; i < 20 && count < nodes; i++) {
      const card = section.appendChild(document.createElement('div'));
      card.className = r() < 0.5 ? 'card' : 'card wide';
      const tags = ['button', 'a', 'span', 'input', 'p'];
      const inner = 1 + Math.floor(r() * 6);
      for (let j = 0; j < inner; j++) {
        const el = card.appendChild(document.createElement(tags[Math.floor(r() * tags.length)]));
        if (el.tagName !== 'INPUT') el.textContent = `Item ${count}`;
        if (el.tagName === 'A') el.setAttribute('href', `/p/${count}`);
      }
      count += inner + 1;
    }
  }
  document.body.replaceChildren(main);
}

describe('locateChains: a 5,000-node page', () => {
  it('places 200 chains (exact, changed text, gone) correctly; prints the time', () => {
    bigPage(5000, 3);
    const r = rng(9);
    const clickable = [...document.querySelectorAll('button, a, input')];
    const picks = Array.from({ length: 200 }, () => clickable[Math.floor(r() * clickable.length)]);
    const entries = picks.map((el, i) => {
      const kind = i % 4;
      const chain = kind === 0 || el.tagName === 'INPUT' ? elementsChainFor(el)
        : kind === 3 ? chainWith(el, (els) => void (els[1].nth_child = 99)) // nowhere on the page
          : chainWith(el, (els) => void (els[0].text = `was ${i}`));
      return entry(chain, 1 + (i % 7));
    });
    const wantMissing = entries.filter((_, i) => i % 4 === 3 && picks[i].tagName !== 'INPUT');
    const total = document.getElementsByTagName('*').length;
    locateChains(entries, document); // warm-up (JIT)
    const t0 = performance.now();
    const { placed, missing } = locateChains(entries, document);
    const ms = performance.now() - t0;
    console.log(`locateChains: ${entries.length} chains on ${total} elements in ${ms.toFixed(1)} ms (happy-dom)`);
    expect(total).toBeGreaterThanOrEqual(5000);
    expect(missing).toEqual(wantMissing);
    const want = new Map<Element, number>();
    entries.forEach((e, i) => wantMissing.includes(e) || want.set(picks[i], (want.get(picks[i]) ?? 0) + e.clicks));
    expect(new Map(placed.map((p) => [p.element, p.clicks]))).toEqual(want);
  });
});

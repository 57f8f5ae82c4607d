// @ts-nocheck
// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions/compile';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import type { SelectorCandidate } from '../../src/selectors';
import { draftToAction, emptyDraft } from '../../src/toolbar/draft/convert';
import { stepFromElement } from '../../src/toolbar/draft/element-step';
import { isElementStep, pageMatches, type PageMatches } from '../../src/toolbar/draft/page-matches';
import { collectPageElements, selectorPrefilter, tagPrefilter } from '../../src/toolbar/draft/page-walk';

beforeAll(() => {
  // happy-dom has CSS.escape today; keep the tests independent of that (test-only polyfill).
  const g = globalThis as { CSS?: { escape?: (s: string) => string } };
  if (!g.CSS?.escape) g.CSS = { ...g.CSS, escape: (s: string) => s.replace(/[^\w-]/g, '\\$&') };
});

const $ = (selector: string, root: ParentNode = document): Element => {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const URL_HERE = 'https://shop.example.com/products?page=2';

describe('stepFromElement', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <main>
        <button data-attr="buy" class="buy">Buy <span>now</span></button>
        <a id="pricing" href="/pricing">See pricing</a>
        <button aria-label="Close" class="close"><svg viewBox="0 0 1 1"><path id="x-path" d="M0 0"></path></svg></button>
        <a class="go" href="/go"><span id="go-span">Go west</span></a>
        <div class="card-title">Hello</div>
        <div role="button" data-attr="fake-button">Open menu</div>
        <button id="strong-btn"><strong id="strong">Pay</strong></button>
        <a id="card-link" href="4111111111111111">Pay with card</a>
        <input id="submit" type="submit" value="Send" data-attr="send">
        <button data-attr="long">${'x'.repeat(200)}<span>${'y'.repeat(250)}</span></button>
      </main>`;
  });

  const off = (value: string) => ({ enabled: false, value, matching: 'exact' });
  const on = (value: string) => ({ enabled: true, value, matching: 'exact' });
  it.each<[string, string, { selector: string; text: object; href: object }]>([
    ['a button: text ticked', '[data-attr="buy"]', { selector: '[data-attr="buy"]', text: on('Buy now'), href: off('') }],
    ['a link: href ticked, text present', '#pricing', { selector: '#pricing', text: off('See pricing'), href: on('/pricing') }],
    ['an svg part: its button is proposed', '#x-path', { selector: 'button[aria-label="Close"]', text: off(''), href: off('') }],
    ['a span inside a link: the link, with its recorded text', '#go-span', { selector: 'a[href="/go"]', text: off('Go west'), href: off('/go') }],
    ['a plain element: text present, unticked', '.card-title', { selector: 'div.card-title', text: off('Hello'), href: off('') }],
    ['a role=button element: text ticked', '[role="button"]', { selector: '[data-attr="fake-button"]', text: on('Open menu'), href: off('') }],
    ['a button whose label is in <strong>: the recorded text nearer the click', '#strong', { selector: '#strong-btn', text: on('Pay'), href: off('') }],
    ['a link autocapture would not record the href of', '#card-link', { selector: '#card-link', text: off('Pay with card'), href: off('') }],
    ['a submit input has no recorded text: nothing to tick', '#submit', { selector: '[data-attr="send"]', text: off(''), href: off('') }],
  ])('%s', (_, target, expected) => {
    const step = stepFromElement($(target), { url: URL_HERE });
    expect(step).toMatchObject({ kind: 'element', event: '$autocapture', selector: { enabled: true, value: expected.selector }, text: expected.text, href: expected.href });
    expect(step.url).toEqual({ enabled: false, value: URL_HERE, matching: 'exact' });
    expect(step.tagName.enabled).toBe(false);
    expect(step.properties).toEqual([]);
  });

  it('keeps an exact text within what the chain records (400 characters)', () => {
    expect(stepFromElement($('[data-attr="long"]'), { url: URL_HERE }).text).toEqual(on(`${'x'.repeat(200)} ${'y'.repeat(199)}`));
  });

  const candidate = (c: Partial<SelectorCandidate>): SelectorCandidate => ({ selector: 'x', kind: 'class', matchCount: 1, score: 50, reasons: [], matchesClick: true, ...c });
  it.each<[string, SelectorCandidate[], string, object]>([
    ['a text candidate gives the tag as selector and ticks its text', [candidate({ kind: 'text', selector: 'div', text: 'Hello' })], 'div', on('Hello')],
    ['the first (best) candidate is used', [candidate({ selector: 'div.card-title' }), candidate({ selector: 'main div' })], 'div.card-title', off('Hello')],
  ])('given candidates: %s', (_, candidates, selector, text) => {
    const step = stepFromElement($('.card-title'), { url: URL_HERE, candidates });
    expect(step.selector).toEqual({ enabled: true, value: selector });
    expect(step.text).toEqual(text);
  });

  it('without any candidate the selector is empty and off', () => {
    expect(stepFromElement($('.card-title'), { url: URL_HERE, candidates: [] }).selector).toEqual({ enabled: false, value: '' });
  });

  it.each(['[data-attr="buy"]', '#pricing', '#x-path', '#go-span', '#strong', '[role="button"]', '[data-attr="long"]'])(
    'the pre-filled step (%s) matches a click on the element',
    (target) => {
      const draft = { ...emptyDraft('shop.example.com'), name: 'n', steps: [stepFromElement($(target), { url: URL_HERE })] };
      expect(compileAction(draftToAction(draft)).matchesElement($(target))).toBe(true);
    },
  );
});

const PAGE = `
  <main>
    <div class="card" data-product="1"><h3>Shirt</h3><button data-attr="add">Add to cart</button><span class="price">10</span></div>
    <div class="card" data-product="2"><h3>Hat</h3><button data-attr="add">Add to cart</button><span class="price">12</span></div>
    <a href="/go" class="go"><span>Go <strong>west</strong></span></a>
    <form id="signup"><input name="email"><button type="submit">Sign up</button></form>
    <div id="host"></div>
    <script>var x = 1;</script>
  </main>
  <div data-lasso-ui class="ph-no-capture"><button data-attr="add">Toolbar</button></div>`;

function setUpPage(): void {
  document.body.innerHTML = PAGE;
  $('#host').attachShadow({ mode: 'open' }).innerHTML = '<button class="inner">Shadow</button><span class="price">9</span>';
}

/** A short description of an element for comparisons: tag plus its first class or data attribute. */
const label = (el: Element): string => `${el.tagName.toLowerCase()}${el.getAttribute('data-product') ? `[${el.getAttribute('data-product')}]` : el.classList[0] ? `.${el.classList[0]}` : ''}`;
const ok = (r: ReturnType<typeof pageMatches>): PageMatches => {
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('pageMatches', () => {
  beforeEach(setUpPage);

  it.each<[string, ActionStep, string[]]>([
    ['a shared data attribute (the toolbar\'s own button is skipped)', { event: '$autocapture', selector: '[data-attr="add"]' }, ['button', 'button']],
    ['a card counts once, plus the controls inside it (h3 and span are part of the card)', { event: '$autocapture', selector: '.card' }, ['div[1]', 'button', 'div[2]', 'button']],
    ['text only (no prefilter)', { event: '$autocapture', text: 'Add to cart' }, ['button', 'button']],
    ['a link: its span and strong are part of it', { event: '$autocapture', href: '/go' }, ['a.go']],
    ['a form: the fields inside are controls of their own', { event: '$autocapture', selector: 'form#signup' }, ['form', 'input', 'button']],
    ['inside an open shadow root', { event: '$autocapture', selector: 'button.inner' }, ['button.inner']],
    ['a descendant selector through the shadow host', { event: '$autocapture', selector: '#host .price' }, ['span.price']],
    ['any event with element conditions', { selector: '.price' }, ['span.price', 'span.price', 'span.price']],
    ['legacy tag_name', { event: '$autocapture', tag_name: 'BUTTON' }, ['button', 'button', 'button', 'button.inner']],
    ['selector and tag_name together', { event: '$autocapture', selector: '.card', tag_name: 'button' }, ['button', 'button']],
    ['an element filter', { event: '$autocapture', properties: [{ key: 'selector', value: '.go', operator: 'exact', type: 'element' }] }, ['a.go']],
    ['a url condition on this page', { event: '$autocapture', selector: '.card h3', url: 'localhost', url_matching: 'contains' }, ['h3', 'h3']],
    ['a url condition for another page', { event: '$autocapture', selector: '.card', url: '/other', url_matching: 'contains' }, []],
    ['a selector nothing matches', { event: '$autocapture', selector: '#nope' }, []],
  ])('%s', (_, step, expected) => {
    const r = ok(pageMatches([step], [document]));
    expect(r.perStep[0].elements.map(label)).toEqual(expected);
    expect(r.perStep[0].count).toBe(expected.length);
    expect(r.perStep[0].notElementStep).toBeUndefined();
  });

  it.each<[string, ActionStep]>([
    ['a pageview', { event: '$pageview', url: '/p' }],
    ['a custom event, even with a selector', { event: 'signed_up', selector: '.card' }],
    ['an autocapture step without element conditions', { event: '$autocapture', url: 'localhost' }],
    ['a step without conditions', {}],
  ])('%s is not an element step', (_, step) => {
    expect(isElementStep(step)).toBe(false);
    expect(ok(pageMatches([step], [document])).perStep[0]).toEqual({ count: 0, elements: [], notElementStep: true });
  });

  it('reports per step and lists every counted element once, in page order', () => {
    const r = ok(pageMatches([{ event: '$pageview' }, { selector: '.price' }, { event: '$autocapture', selector: '.card' }], [document]));
    expect(r.perStep.map((s) => s.count)).toEqual([0, 3, 4]);
    expect(r.elements.map(label)).toEqual(['div[1]', 'button', 'span.price', 'div[2]', 'button', 'span.price', 'span.price']);
  });

  it.each<[string, ActionStep[], RegExp]>([
    ['an unsupported selector, with its step', [{ selector: '#a' }, { selector: 'a + b' }], /^steps\[1\]\.selector: /],
    ['a bad regex', [{ event: '$autocapture', text: '(?=x)', text_matching: 'regex' }], /^steps\[0\]\.text: /],
  ])('invalid steps give the matcher\'s error: %s', (_, steps, re) => {
    const r = pageMatches(steps, [document]);
    expect('error' in r && r.error).toMatch(re);
  });

  it('no steps, no matches', () => {
    expect(pageMatches([], [document])).toEqual({ perStep: [], elements: [] });
  });

  it('roots can be a part of the page; overlapping roots count elements once', () => {
    const step: ActionStep = { event: '$autocapture', selector: '[data-attr="add"]' };
    expect(ok(pageMatches([step], [$('.card')])).perStep[0].count).toBe(1);
    expect(ok(pageMatches([step], [document, $('main'), $('.card')])).perStep[0].count).toBe(2);
  });
});

describe('pageMatches agrees with matchesElement on every element (prefilters are safe)', () => {
  beforeEach(() => {
    setUpPage();
    $('main').insertAdjacentHTML('beforeend', `
      <a href="/go" class="go"><svg><path class="icon"></path></svg></a>
      <nav><a href="/a" data-attr="nav" class="nav"><span class="nav">A</span></a><a href="/b" class="nav">B</a></nav>
      <div class="card" data-product="3"><div class="card"><button data-attr="add" class="add">Add to cart</button></div></div>`);
  });

  /** The rule, written out naively: matched, and no matched chain ancestor unless a control. */
  function oracle(step: ActionStep): Element[] {
    const compiled = compileAction({ steps: [step] });
    const all = collectPageElements([document]).els;
    const matched = new Set(all.filter((el) => compiled.matchesElement(el)));
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
    const underMatch = (el: Element): boolean => {
      for (let p = parentOf(el); p; p = parentOf(p)) if (matched.has(p)) return true;
      return false;
    };
    const controls = ['a', 'button', 'form', 'input', 'select', 'textarea', 'label'];
    return all.filter((el) => matched.has(el) && (!underMatch(el) || controls.includes(el.tagName.toLowerCase())));
  }

  it.each<ActionStep>([
    { selector: '.card' }, { selector: '.card .card' }, { selector: 'div > button' }, { selector: 'a.go' }, { selector: '.icon' },
    { selector: 'nav .nav' }, { selector: '[data-attr="add"], .price' }, { selector: '[href="/go"]' }, { selector: '[href^="/"]' },
    { selector: 'span[href]' }, { selector: '[class="card"]' }, { selector: '#host span' }, { selector: 'main :nth-child(2)' },
    { href: '/a' }, { href: '/%', href_matching: 'contains' }, { text: 'A' }, { text: 'add', text_matching: 'contains' },
    { tag_name: 'span' }, { selector: 'nav', text: 'B' }, { selector: 'form', tag_name: 'input' },
  ])('%j', (step) => {
    const step$ = { event: '$autocapture', ...step };
    expect(ok(pageMatches([step$], [document])).perStep[0].elements).toEqual(oracle(step$));
  });
});

describe('the click event cache', () => {
  beforeEach(setUpPage);

  it('is reused across calls until the caller replaces it', () => {
    const step: ActionStep = { event: '$autocapture', text: 'Add to cart' };
    const events = new WeakMap();
    expect(ok(pageMatches([step], [document], { events })).perStep[0].count).toBe(2);
    $('[data-attr="add"]').textContent = 'Remove';
    expect(ok(pageMatches([step], [document], { events })).perStep[0].count).toBe(2); // stale by contract
    expect(ok(pageMatches([step], [document], { events: new WeakMap() })).perStep[0].count).toBe(1);
    expect(ok(pageMatches([step], [document])).perStep[0].count).toBe(1);
  });
});

describe('collectPageElements', () => {
  beforeEach(setUpPage);

  it('lists elements in pre-order with chain parents, through shadow roots, skipping scripts and the toolbar', () => {
    const { els, parent } = collectPageElements([document]);
    const tags = els.map((e) => e.tagName.toLowerCase());
    expect(tags[0]).toBe('body');
    expect(tags).not.toContain('script');
    expect(els.some((e) => e.textContent === 'Toolbar')).toBe(false);
    const inner = els.indexOf($('button.inner', $('#host').shadowRoot as ShadowRoot));
    expect(els[parent[inner]]).toBe($('#host'));
    els.forEach((el, i) => expect(parent[i]).toBeLessThan(i));
  });

  it('descends into same-origin frames (a chain of their own) and skips cross-origin ones', () => {
    const inner = document.implementation.createHTMLDocument('frame');
    inner.body.innerHTML = '<button class="in-frame">Hi</button>';
    // happy-dom does not load frames (and logs an error for each real <iframe> attached), so the
    // frames are stand-ins named iframe, each with the contentDocument a browser would give.
    const frame = () => document.createElementNS('urn:test', 'iframe');
    const same = frame();
    Object.defineProperty(same, 'contentDocument', { get: () => inner });
    const cross = frame();
    Object.defineProperty(cross, 'contentDocument', { get: () => { throw new DOMException('cross-origin', 'SecurityError'); } });
    document.body.append(same, cross);
    const { els, parent } = collectPageElements([document]);
    const body = els.indexOf(inner.body);
    expect(body).toBeGreaterThan(els.indexOf(same));
    expect(parent[body]).toBe(-1);
    expect(els).toContain(inner.body.firstElementChild);
    const r = ok(pageMatches([{ event: '$autocapture', selector: 'button.in-frame' }], [document]));
    expect(r.perStep[0].elements).toEqual([inner.body.firstElementChild]);
  });
});

describe('prefilters', () => {
  beforeEach(() => {
    document.body.innerHTML = `<button id="b" class="buy big" data-attr="x" type="submit">Buy</button><a href="/x">x</a><svg><path></path></svg>`;
  });

  it.each<[string, string, boolean]>([
    ['button.buy', '#b', true], ['main button.buy', '#b', true], ['button.sell', '#b', false], ['a', '#b', false],
    ['#b', '#b', true], ['#c', '#b', false], ['[data-attr="x"]', '#b', true], ['[data-attr="nope"]', '#b', false],
    ['[data-attr="X" i]', '#b', true], ['[data-attr^="nope"]', '#b', true], ['[class="buy  big"]', '#b', true], ['[data-other]', '#b', false],
    ['.big.buy[type=submit]', '#b', true], ['a, .buy', '#b', true], ['a, .sell', '#b', false], ['path', 'path', true],
    ['[d]', 'path', true],
  ])('%s on %s → %s', (selector, target, expected) => {
    expect(selectorPrefilter(selector)?.($(target))).toBe(expected);
  });

  it.each(['*', ':nth-child(2)', 'a, *', 'div > :first-child'])('%s cannot narrow', (selector) => {
    expect(selectorPrefilter(selector)).toBeNull();
  });

  it('tagPrefilter is case-insensitive', () => {
    expect(tagPrefilter('BUTTON')($('#b'))).toBe(true);
    expect(tagPrefilter('a')($('#b'))).toBe(false);
  });
});

describe('narrowing', () => {
  // happy-dom is far slower than a browser per matcher call; the page is kept small here and the
  // 5,000-node figure is measured in Chromium (see the report / bench).
  beforeEach(() => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      `<div class="row" data-index="${i}"><span class="name">Item ${i}</span><a href="/item/${i}" class="details">details</a><button data-attr="${i === 50 ? 'big-buy' : 'buy'}">Buy</button></div>`);
    document.body.innerHTML = `<main>${rows.join('')}</main>`;
  });

  /** Click events built (one per element the matcher judged): the work done, not the time taken. */
  class CountingCache extends WeakMap<Element, CaptureEvent> {
    built = 0;
    override set(key: Element, value: CaptureEvent) {
      this.built++;
      return super.set(key, value);
    }
  }
  const time = (step: ActionStep) => {
    const events = new CountingCache();
    const r = ok(pageMatches([step], [document], { events }));
    return { count: r.perStep[0].count, judged: events.built };
  };

  it('counts the same with and without a selector to narrow by, and narrowing judges far fewer elements', () => {
    const narrowed = time({ event: '$autocapture', selector: '[data-attr="big-buy"]' });
    // The same condition as an element filter is not narrowed: every element is tried.
    const all = time({ event: '$autocapture', properties: [{ key: 'selector', value: '[data-attr="big-buy"]', operator: 'exact', type: 'element' }] });
    expect(narrowed.count).toBe(1);
    expect(all.count).toBe(1);
    expect(narrowed.judged).toBe(1);
    expect(all.judged).toBeGreaterThanOrEqual(200 * 4);
  });

  it.each<[string, ActionStep, number]>([
    ['href exact', { event: '$autocapture', href: '/item/7' }, 1],
    ['href contains', { event: '$autocapture', href: '/item/1%', href_matching: 'contains' }, 111],
    ['text', { event: '$autocapture', text: 'Buy' }, 200],
    ['a class', { event: '$autocapture', selector: '.row' }, 600],
  ])('%s', (_, step, count) => {
    expect(time(step).count).toBe(count);
  });
});

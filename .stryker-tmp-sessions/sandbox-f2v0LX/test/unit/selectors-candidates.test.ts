// @ts-nocheck
// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { elementsChainFor } from '../../src/autocapture/elements';
import { compileAction } from '../../src/actions';
import { selectorCandidates } from '../../src/selectors';
import { ancestorAnchors } from '../../src/selectors/narrow';
import { matchingDataAttributes } from '../../src/selectors/drafts';

beforeAll(() => {
  // happy-dom has CSS.escape today; keep the tests independent of that (test-only polyfill).
  const g = globalThis as { CSS?: { escape?: (s: string) => string } };
  if (!g.CSS?.escape) {
    g.CSS = { ...g.CSS, escape: (s: string) => s.replace(/^(\d)/, (d) => `\\3${d} `).replace(/[^\w-]/g, '\\$&') };
  }
});

const PAGE = `
<main>
  <div id="grid">
    <article class="card css-1x2y3z" data-product-id="1">
      <button data-attr="add-to-cart" id="add-1">Add to cart</button>
      <button class="icon" aria-label="Add to wishlist"><svg viewBox="0 0 1 1"><path id="heart" d="M0 0"></path></svg></button>
    </article>
    <article class="card css-9q8w7e" data-product-id="2">
      <button data-attr="add-to-cart">Add to cart</button>
    </article>
  </div>
  <a class="btn hover:bg-blue-500 w-1/2" href="/go"><span><strong id="go-text">Go west</strong></span></a>
  <button id=":r5:" class="Button_primary__3xYz1 save">Save</button>
  <button data-attr="buy" id="buy" aria-label="Buy now" class="buy">Buy now</button>
  <form><input id="email" name="email" type="email" placeholder="you@example.com"></form>
  <div class="thing">one</div><div class="thing">two</div>
</main>`;

const byId = (id: string) => document.getElementById(id)!;
const q = (selector: string) => document.querySelector(selector)!;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

describe('selectorCandidates', () => {
  it('ranks kinds in the documented order: data attribute, id, aria, class, text', () => {
    const kinds = selectorCandidates(byId('buy')).map((c) => c.kind);
    expect(kinds.slice(0, 5)).toEqual(['data-attribute', 'id', 'aria', 'class', 'text']);
    expect(kinds.slice(5).every((k) => k === 'structure')).toBe(true);
  });

  it.each<[string, () => Element, string, string]>([
    ['unique data attribute', () => byId('buy'), '[data-attr="buy"]', 'data-attribute'],
    ['stable id', () => byId('email'), '#email', 'id'],
    ['svg inside a button → the button', () => byId('heart'), 'button[aria-label="Add to wishlist"]', 'aria'],
    ['strong inside a link → the link, by its href', () => byId('go-text'), 'a[href="/go"]', 'href'],
    ['generated id and class skipped', () => q('.save'), 'button.save', 'class'],
  ])('%s: top candidate %s', (_name, el, selector, kind) => {
    const [top] = selectorCandidates(el());
    expect(top).toMatchObject({ selector, kind, matchCount: 1, matchesClick: true });
  });

  it.each<[string, () => Element, (c: ReturnType<typeof selectorCandidates>[number]) => boolean]>([
    ['svg click names the remap', () => byId('heart'), (c) => c.reasons.some((r) => r.includes('recorded on the enclosing <button>'))],
    ['link proposal says why', () => byId('go-text'), (c) => c.reasons.some((r) => r.includes('proposed the enclosing <a>'))],
    ['generated id reported', () => q('.save'), (c) => c.reasons.includes('generated id skipped: :r5:')],
    ['generated class reported', () => q('.save'), (c) => c.reasons.includes('generated class skipped: Button_primary__3xYz1')],
  ])('reasons: %s', (_name, el, check) => {
    const all = selectorCandidates(el());
    expect(all.length).toBeGreaterThan(0);
    expect(all.every(check)).toBe(true);
  });

  it('never uses generated names', () => {
    for (const el of [q('.save'), byId('add-1'), q('article')]) {
      for (const c of selectorCandidates(el)) expect(c.selector).not.toMatch(/css-|:r5:|\\:r5\\:|Button_primary/);
    }
  });

  it('escapes Tailwind classes and still matches the element', () => {
    const link = q('a');
    link.className = 'hover:bg-blue-500 w-1/2';
    const cls = selectorCandidates(link).find((c) => c.kind === 'class')!;
    expect(cls.selector).toMatch(/\\:|\\\//);
    expect(link.matches(cls.selector)).toBe(true);
    expect(cls.matchesClick).toBe(true);
  });

  it('one of similar cards: the shared data attribute first, covering them all', () => {
    const second = q('article[data-product-id="2"] button');
    const [first] = selectorCandidates(second);
    expect(first).toMatchObject({ selector: '[data-attr="add-to-cart"]', matchCount: 2, coversSimilar: true, matchesClick: true });
    expect(first.reasons).toContain('matches all 2 similar elements and nothing else');
  });

  it('"only this one": a unique narrowing of the shared data attribute first', () => {
    const second = q('article[data-product-id="2"] button');
    const all = selectorCandidates(second, { scope: 'one' });
    const shared = all.find((c) => c.selector === '[data-attr="add-to-cart"]')!;
    expect(shared).toMatchObject({ matchCount: 2, matchesClick: true });
    expect(shared.reasons).toContain('matches all 2 similar elements and nothing else');
    const narrowed = all.find((c) => c.selector.endsWith(' [data-attr="add-to-cart"]'))!;
    expect(narrowed).toMatchObject({ selector: '[data-product-id="2"] [data-attr="add-to-cart"]', matchCount: 1, matchesClick: true });
    expect(all.indexOf(narrowed)).toBeLessThan(all.indexOf(shared));
    expect(shared.reasons.some((r) => r.includes('unique narrowing'))).toBe(true);
  });

  it('a shared text condition is narrowed by an ancestor too', () => {
    document.body.innerHTML = '<ul><li data-row="1"><a href="#1">details</a></li><li data-row="2"><a href="#2">details</a></li></ul>';
    const all = selectorCandidates(q('li[data-row="2"] a'), { scope: 'one' });
    expect(all.find((c) => c.kind === 'text' && c.selector === 'a')).toMatchObject({ text: 'details', matchCount: 2 });
    expect(all.find((c) => c.kind === 'text' && c.matchCount === 1)).toMatchObject({ selector: '[data-row="2"] a', text: 'details', matchesClick: true });
    expect(all[0].matchCount).toBe(1);
  });

  it('falls back to structure when nothing else is unique, without generated names', () => {
    document.body.innerHTML = '<main><p>a</p><div><p id=":r1:" class="css-1abc2d">x</p><p class="css-9zz9z9">x</p></div></main>';
    const all = selectorCandidates(byId(':r1:'));
    const structure = all.filter((c) => c.kind === 'structure');
    expect(structure.length).toBeGreaterThan(0);
    for (const c of structure) {
      expect(c).toMatchObject({ matchCount: 1, matchesClick: true });
      expect(c.selector).toMatch(/:nth-of-type\(/);
      expect(c.reasons).toContain('position-based');
    }
    for (const c of all) expect(c.selector).not.toMatch(/css-|\\:r1/);
    expect(all[0].reasons).toEqual(expect.arrayContaining(['generated id skipped: :r1:', 'generated class skipped: css-1abc2d']));
  });

  it('counts inside the shadow root of an element in one', () => {
    document.body.innerHTML = '<x-promo id="host"></x-promo><button id="inner">Outside</button>';
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button id="inner" data-testid="shadow-btn">Inside</button>';
    const [top] = selectorCandidates(shadow.getElementById('inner')!);
    expect(top).toMatchObject({ selector: '[data-testid="shadow-btn"]', matchCount: 1, matchesClick: true });
  });

  it('text candidates are text conditions on the element carrying the text', () => {
    const text = selectorCandidates(byId('go-text')).find((c) => c.kind === 'text')!;
    expect(text).toMatchObject({ selector: 'strong', text: 'Go west', matchCount: 1, matchesClick: true });
  });

  it('every candidate compiles, matches the element (or its target) and its matchesClick is the real answer', () => {
    for (const el of [byId('heart'), byId('go-text'), byId('email'), q('.thing'), byId('add-1')]) {
      const event = { uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: '1970-01-01T00:00:00.000Z', properties: { $elements_chain: elementsChainFor(el) } };
      for (const c of selectorCandidates(el)) {
        const step = c.kind === 'text' ? { event: '$autocapture', selector: c.selector, text: c.text } : { event: '$autocapture', selector: c.selector };
        expect(compileAction({ steps: [step] }).matches(event), c.selector).toBe(c.matchesClick);
        // Proposed for el or the control around it: closest() finds it, like the action does on the chain.
        if (c.kind !== 'text') expect(el.closest(c.selector), c.selector).not.toBeNull();
      }
    }
  });

  it('attributes a value field does not record rank last and say so', () => {
    const input = byId('email');
    input.setAttribute('data-test', 'email-field');
    const all = selectorCandidates(input);
    const dataTest = all.find((c) => c.selector === '[data-test="email-field"]')!;
    expect(dataTest.matchesClick).toBe(false);
    expect(dataTest.reasons).toContain('a click on this element would not match (not recorded in $elements_chain)');
    expect(all[0].matchesClick).toBe(true);
  });
});

describe('data attribute configuration', () => {
  it.each<[string, string[], string[]]>([
    ['<b data-attr="a" data-testid="b"></b>', ['data-attr', 'data-testid'], ['data-attr', 'data-testid']],
    ['<b data-attr="a" data-testid="b"></b>', ['data-testid', 'data-attr'], ['data-testid', 'data-attr']],
    ['<b data-ph-capture-attribute-plan="pro" data-ph-capture-attribute-x="1"></b>', ['data-ph-capture-attribute-*'], ['data-ph-capture-attribute-plan', 'data-ph-capture-attribute-x']],
    ['<b data-ph-capture-attribute-="x"></b>', ['data-ph-capture-attribute-*'], []],
    ['<b data-qa="a"></b>', ['data-attr'], []],
  ])('%s with %j → %j', (html, patterns, expected) => {
    document.body.innerHTML = html;
    expect(matchingDataAttributes(q('b'), patterns)).toEqual(expected);
  });

  it('uses custom attributes when configured', () => {
    document.body.innerHTML = '<button data-track="buy" data-attr="x">Buy</button>';
    const [top] = selectorCandidates(q('button'), { dataAttributes: ['data-track'] });
    expect(top).toMatchObject({ selector: '[data-track="buy"]', kind: 'data-attribute', matchesClick: true });
  });

  it('ancestor anchors: configured attributes, id, identity attributes, classes, then position', () => {
    document.body.innerHTML = '<ul><li>a</li><li id="x2" data-row="7" class="row css-1x2y3z" data-testid="r">b</li></ul>';
    expect(ancestorAnchors(byId('x2'), ['data-testid'])).toEqual(['[data-testid="r"]', '#x2', '[data-row="7"]', 'li.row', 'li:nth-of-type(2)']);
  });
});

// @ts-nocheck
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions';
import { attributeSelector, classSelector, idSelector, isQuotable } from '../../src/selectors/css';
import { positionChain } from '../../src/selectors/structure';

// happy-dom provides CSS.escape; this only guards against a version that does not.
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
if (!g.CSS?.escape) g.CSS = { ...g.CSS, escape: (s: string) => s.replace(/[^\w-]/g, '\\$&') };

/** The selector is inside the action grammar (compileAction accepts it). */
const compiles = (selector: string) => {
  compileAction({ steps: [{ event: '$autocapture', selector }] });
  return true;
};

describe('selector building blocks', () => {
  // `dom: false` rows hit happy-dom selector-engine gaps (hex escapes, escaped quotes); the e2e
  // spec checks the same selectors in Chromium.
  it.each([
    ['class: Tailwind responsive', classSelector(['md:flex']), '.md\\:flex', '<b class="md:flex"></b>'],
    ['class: Tailwind fraction', classSelector(['w-1/2']), '.w-1\\/2', '<b class="w-1/2"></b>'],
    ['class: Tailwind arbitrary value', classSelector(['w-[37px]']), '.w-\\[37px\\]', '<b class="w-[37px]"></b>'],
    ['class: two classes', classSelector(['btn', 'hover:bg-blue-500']), '.btn.hover\\:bg-blue-500', '<b class="btn hover:bg-blue-500"></b>'],
    ['id: starts with a digit', idSelector('1st'), '#\\31 st', '<b id="1st"></b>', false],
    ['id: plain', idSelector('checkout'), '#checkout', '<b id="checkout"></b>'],
    ['attribute: plain', attributeSelector('data-attr', 'add-to-cart'), '[data-attr="add-to-cart"]', '<b data-attr="add-to-cart"></b>'],
    ['attribute: quotes and backslash', attributeSelector('aria-label', 'Say "hi" \\o/'), '[aria-label="Say \\"hi\\" \\\\o/"]', '<b aria-label=\'Say "hi" \\o/\'></b>', false],
    ['attribute: presence only', attributeSelector('data-cy'), '[data-cy]', '<b data-cy></b>'],
  ])('%s → %s', (_name, selector, expected, html, dom = true) => {
    expect(selector).toBe(expected);
    document.body.innerHTML = html;
    if (dom) expect(document.querySelector('b')!.matches(selector)).toBe(true);
    expect(compiles(selector)).toBe(true);
  });

  it.each([
    ['plain text', true],
    ['', true],
    ['tab\there', false],
    ['line\nbreak', false],
    ['del\u007f', false],
  ])('isQuotable(%j) is %s', (value, expected) => {
    expect(isQuotable(value)).toBe(expected);
  });

  it.each([
    ['<main><p>a</p><div><span>x</span><span id="t">y</span></div></main>', 'body > main:nth-of-type(1) > div:nth-of-type(1) > span:nth-of-type(2)'],
    ['<p id="t">only</p>', 'body > p:nth-of-type(1)'],
  ])('positionChain in %s', (html, expected) => {
    document.body.innerHTML = html;
    const el = document.getElementById('t')!;
    expect(positionChain(el)).toBe(expected);
    expect(document.querySelectorAll(expected)).toHaveLength(1);
    expect(compiles(expected)).toBe(true);
  });

  it('positionChain is null outside <body> (a detached tree)', () => {
    const detached = document.createElement('div');
    detached.innerHTML = '<span></span>';
    expect(positionChain(detached.firstElementChild!)).toBeNull();
  });
});

// @ts-nocheck
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { batchPositions, elementsChainFor } from '../../src/autocapture/elements';
import { eventForClickOn } from '../../src/actions';

const PAGE = `
<main class="shop">
  <ul id="list">${Array.from({ length: 30 }, (_, i) => `<li class="row r${i % 3}"><span>Item ${i}</span><a href="/p/${i}" data-ph-capture-attribute-item="${i}"><b>Buy</b></a><button>Add ${i}</button></li>`).join('')}</ul>
  <form><label>Card <input name="cc-number" value="4242 4242 4242 4242"></label><button type="submit">Pay 4242 4242 4242 4242</button></form>
  <div class="ph-no-capture"><button>Hidden</button></div>
  <button class="icon"><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></button>
  <p>text <em>only</em></p>
</main>`;

describe('chains built in a batch', () => {
  it('equal the chains and click events built one at a time, for every element of the page', () => {
    document.body.innerHTML = PAGE;
    const all = [...document.body.querySelectorAll('*')];
    const one = all.map((el) => [elementsChainFor(el), eventForClickOn(el).properties]);
    const batched = batchPositions(() => all.map((el) => [elementsChainFor(el), eventForClickOn(el).properties]));
    expect(batched).toEqual(one);
    expect(new Set(one.map(([chain]) => chain)).size).toBeGreaterThan(100);
  });

  it('sees a DOM change made between two batches', () => {
    document.body.innerHTML = '<div><b></b><i></i><b id="x"></b></div>';
    const before = batchPositions(() => elementsChainFor(document.getElementById('x')!));
    document.querySelector('i')!.remove();
    const after = batchPositions(() => elementsChainFor(document.getElementById('x')!));
    expect(before).toContain('nth-child="3"');
    expect(after).toContain('nth-child="2"');
    expect(after).toBe(elementsChainFor(document.getElementById('x')!));
  });

  it('nests: an inner batch shares the outer one', () => {
    document.body.innerHTML = PAGE;
    const el = document.querySelector('li:nth-child(7) button')!;
    expect(batchPositions(() => batchPositions(() => elementsChainFor(el)))).toBe(elementsChainFor(el));
  });
});

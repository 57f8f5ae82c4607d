// @ts-nocheck
// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions';
import { defaultScope, selectorCandidates, similarElements } from '../../src/selectors';
import { identityAmong } from '../../src/selectors/similar';

/** Rows of a list, cards of a grid, rows of a table, in several markup styles. */
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1)).join('');
const PAGES: Record<string, string> = {
  'classes only': `<header><button class="toggle">x</button></header><ul class="todo-list">${rows(5, (i) => `<li class="todo${i === 2 ? ' done' : ''}"><div class="view"><input class="toggle" type="checkbox"><label>Task ${i}</label><button class="destroy" aria-label="Delete"></button></div></li>`)}</ul>`,
  'data attributes': `<div data-testid="grid">${rows(6, (i) => `<article data-testid="card-${i}"><h3>Item ${i}</h3><button data-testid="buy-${i}">Buy</button><button data-testid="save-${i}">Save</button></article>`)}</div><button data-testid="buy-all">Buy</button>`,
  'aria labels': `<ul role="list">${rows(4, (i) => `<li role="listitem"><span>Row ${i}</span><button aria-label="Remove">🗑</button><button aria-label="Edit">✎</button></li>`)}</ul><button aria-label="Remove">Remove all</button>`,
  'table rows': `<table id="users"><thead><tr><th>Name</th><th></th></tr></thead><tbody>${rows(7, (i) => `<tr><td>User ${i}</td><td><a href="/users/${i}/edit">Edit</a> <button>Delete</button></td></tr>`)}</tbody></table><button>Delete</button>`,
  'generated classes': `<div class="css-1x2y3z">${rows(5, (i) => `<div class="sc-a${i}b${i}Kd css-${i}a9f2c"><span>${i}</span><button class="css-q${i}w8e7">Add</button></div>`)}</div><button>Add</button>`,
};
const TARGETS: Record<string, string> = {
  'classes only': 'li:nth-child(2) input.toggle',
  'data attributes': 'article:nth-child(3) [data-testid^="buy"]',
  'aria labels': 'li:nth-child(2) button[aria-label="Remove"]',
  'table rows': 'tbody tr:nth-child(2) button',
  'generated classes': 'div > div:nth-child(4) button',
};
const EXPECTED: Record<string, string> = {
  'classes only': 'li input.toggle',
  'data attributes': 'article button[data-testid^="buy"]',
  'aria labels': 'li button[aria-label="Remove"]',
  'table rows': 'tbody button',
  'generated classes': 'div > div > button',
};

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Elements whose clicks the action from a candidate matches, judged by the action matcher itself. */
function matchedBy(selector: string, text?: string): Element[] {
  const action = compileAction({ steps: [{ event: '$autocapture', selector, ...(text !== undefined && { text, text_matching: 'exact' as const }) }] });
  return [...document.querySelectorAll('body *')].filter((el) => el.tagName !== 'svg' && action.matchesElement(el) && !el.parentElement?.closest('button, a'));
}

describe('similar elements', () => {
  it.each(Object.keys(PAGES))('%s: the first candidate matches every similar element and nothing else, with no position', (name) => {
    document.body.innerHTML = PAGES[name];
    const picked = document.querySelector(TARGETS[name])!;
    const group = similarElements(picked)!;
    const expected = [...document.querySelectorAll(EXPECTED[name])];
    expect(group.elements).toEqual(expected);
    expect(group.identity).toBeNull();
    expect(defaultScope(group)).toBe('similar');
    const [first] = selectorCandidates(picked);
    expect(first.coversSimilar).toBe(true);
    expect(first.selector).not.toMatch(/:nth-|:first-/);
    expect(first.matchCount).toBe(expected.length);
    expect(matchedBy(first.selector, first.text).filter((el) => el.tagName === picked.tagName)).toEqual(expected);
  });

  it.each(Object.keys(PAGES))('%s: "only this one" puts a candidate for the picked element alone first', (name) => {
    document.body.innerHTML = PAGES[name];
    const picked = document.querySelector(TARGETS[name])!;
    const [first] = selectorCandidates(picked, { scope: 'one' });
    expect(first.matchCount).toBe(1);
    expect(matchedBy(first.selector, first.text).filter((el) => el.tagName === picked.tagName)).toEqual([picked]);
  });

  it('the first candidate does not depend on the length of the list', () => {
    const list = (n: number) => `<ul class="items">${rows(n, (i) => `<li class="item"><span>${i}</span><button class="remove">Remove</button></li>`)}</ul>`;
    const firsts = [2, 3, 10, 40].map((n) => {
      document.body.innerHTML = list(n);
      return selectorCandidates(document.querySelectorAll('button.remove')[1]).map((c) => c.selector)[0];
    });
    expect(new Set(firsts).size).toBe(1);
  });

  it('a link that differs from its siblings by href keeps its href identity', () => {
    document.body.innerHTML = `<nav><ul class="menu">${['/', '/pricing', '/docs', '/blog'].map((h) => `<li class="menu-item"><a class="menu-link" href="${h}">${h.slice(1) || 'home'}</a></li>`).join('')}</ul></nav>`;
    const picked = document.querySelector('a[href="/docs"]')!;
    const group = similarElements(picked)!;
    expect(group.elements).toHaveLength(4);
    expect(group.identity).toEqual({ kind: 'href', value: '/docs' });
    const [first] = selectorCandidates(picked);
    expect(first).toMatchObject({ selector: 'a[href="/docs"]', kind: 'href', matchCount: 1, matchesClick: true });
    // Asked for all of them, the similar links come first.
    const [all] = selectorCandidates(picked, { scope: 'similar' });
    expect(all.coversSimilar).toBe(true);
    expect(matchedBy(all.selector, all.text)).toEqual([...document.querySelectorAll('a')]);
  });

  it('a menu item with its own label is identified by it, not by position', () => {
    document.body.innerHTML = `<div role="menu">${['Bold', 'Italic', 'Underline'].map((l) => `<div role="menuitem" class="item">${l}</div>`).join('')}</div>`;
    const picked = document.querySelectorAll('[role="menuitem"]')[1];
    expect(similarElements(picked)?.identity).toEqual({ kind: 'label', value: 'Italic' });
    const [first] = selectorCandidates(picked);
    expect(first.selector).not.toMatch(/:nth-/);
    expect(first.matchCount).toBe(1);
    expect(first.text ?? first.selector).toContain('Italic');
  });

  it('rows inside web components with shadow roots: similar across roots, matched by the chain', () => {
    document.body.innerHTML = '<todo-list id="todos"></todo-list>';
    const list = document.getElementById('todos')!;
    for (let i = 1; i <= 4; i++) {
      const item = document.createElement('todo-item');
      list.appendChild(item);
      item.attachShadow({ mode: 'open' }).innerHTML = `<span>Task ${i}</span><button class="delete">Delete</button>`;
    }
    const buttons = [...list.children].map((item) => item.shadowRoot!.querySelector('button')!);
    const group = similarElements(buttons[2])!;
    expect(group.elements).toEqual(buttons);
    const [first] = selectorCandidates(buttons[2]);
    expect(first.coversSimilar).toBe(true);
    expect(first.matchCount).toBe(4);
    const action = compileAction({ steps: [{ event: '$autocapture', selector: first.selector, ...(first.text !== undefined && { text: first.text }) }] });
    expect(buttons.every((b) => action.matchesElement(b))).toBe(true);
  });

  it('an element with no similar siblings has no group and keeps the old ranking', () => {
    document.body.innerHTML = '<main><form><input name="email" type="email"><button data-attr="signup">Sign up</button></form></main>';
    const picked = document.querySelector('button')!;
    expect(similarElements(picked)).toBeNull();
    expect(selectorCandidates(picked)[0]).toMatchObject({ selector: '[data-attr="signup"]', matchCount: 1 });
  });

  it.each<[string, string, string, ReturnType<typeof identityAmong>]>([
    ['hrefs differing by digits only are rows, not identities', '<a href="/post/1">Read</a><a href="/post/2">Read</a>', 'a', null],
    ['distinct hrefs identify links', '<a href="/about">A</a><a href="/contact">A</a>', 'a', { kind: 'href', value: '/about' }],
    ['distinct labels identify buttons', '<button>Save</button><button>Discard</button>', 'button', { kind: 'label', value: 'Save' }],
    ['labels differing by digits only do not', '<button>Item 1</button><button>Item 2</button>', 'button', null],
    ['text of a non-control is content, not identity', '<label>Milk</label><label>Eggs</label>', 'label', null],
    ['form fields by name', '<input name="email"><input name="phone">', 'input', { kind: 'name', value: 'email' }],
  ])('identity: %s', (_, html, tag, expected) => {
    document.body.innerHTML = html;
    const els = [...document.querySelectorAll(tag)];
    expect(identityAmong(els[0], els)).toEqual(expected);
  });
});

describe('when no selector covers exactly the similar elements', () => {
  it('with two identical unnamed lists, the first candidate is not positional', () => {
    const list = (n: number) => `<ul>${rows(n, () => '<li><input type="checkbox"></li>')}</ul>`;
    document.body.innerHTML = `${list(3)}${list(3)}`;
    const picked = document.querySelectorAll('input')[1];
    const [first] = selectorCandidates(picked, { scope: 'similar' });
    expect(first.coversSimilar).toBeUndefined();
    expect(first.selector).not.toMatch(/:nth-|:first-/);
  });
});

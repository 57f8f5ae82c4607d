// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findSimilar, identityAmong } from '../../src/selectors/similar';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('identityAmong: what tells an element apart from its similar ones', () => {
  it.each([
    ['links to rows of one kind', '<a href="/todo/1">Open</a><a href="/todo/2">Open</a>', null],
    ['multi-digit row numbers are still rows', '<a href="/todo/12">Open</a><a href="/todo/3">Open</a>', null],
    ['links to different places', '<a href="/pricing">Go</a><a href="/docs">Go</a>', { kind: 'href', value: '/pricing' }],
    ['same link, different labels', '<a href="/x">Open</a><a href="/x">Close</a>', { kind: 'label', value: 'Open' }],
    ['buttons labelled per row', '<button>Item 3</button><button>Item 4</button>', null],
    ['buttons with different labels', '<button>Delete</button><button>Archive</button>', { kind: 'label', value: 'Delete' }],
    ['aria-label over text', '<button aria-label="Delete">x</button><button aria-label="Edit">x</button>', { kind: 'label', value: 'Delete' }],
    ['label whitespace collapsed', '<button>  Save\n   draft </button><button>Send</button>', { kind: 'label', value: 'Save draft' }],
    ['the same label as one other is no identity', '<button>Delete</button><button>Delete</button><button>Archive</button>', null],
    ['submit inputs are controls', '<input type="submit" aria-label="Save"><input type="submit" aria-label="Cancel">', { kind: 'label', value: 'Save' }],
    ['reset inputs are controls', '<input type="reset" aria-label="Clear"><input type="reset" aria-label="Undo">', { kind: 'label', value: 'Clear' }],
    ['button inputs are controls', '<input type="BUTTON" aria-label="Up"><input type="BUTTON" aria-label="Down">', { kind: 'label', value: 'Up' }],
    ['text inputs are not controls', '<input type="text" aria-label="First"><input type="text" aria-label="Last">', null],
    ['menu items are controls', '<div role="menuitem">Copy</div><div role="menuitem">Paste</div>', { kind: 'label', value: 'Copy' }],
    ['plain elements are not', '<div role="presentation">Copy</div><div role="presentation">Paste</div>', null],
    ['spans are not', '<span>Copy</span><span>Paste</span>', null],
    ['fields by name', '<input type="text" name="email"><input type="text" name="phone">', { kind: 'name', value: 'email' }],
    ['selects by name', '<select name="size"></select><select name="color"></select>', { kind: 'name', value: 'size' }],
    ['textareas by name', '<textarea name="note"></textarea><textarea name="bio"></textarea>', { kind: 'name', value: 'note' }],
    ['per-row field names', '<input type="text" name="qty-1"><input type="text" name="qty-2">', null],
    ['a button name is no identity', '<button name="a">Go</button><button name="b">Go</button>', null],
    ['hrefs differing only in surrounding spaces are one place', '<a href=" /docs">Go</a><a href="/docs">Go</a>', null],
    ['hrefs differing only in a run of spaces are one place', '<a href="/a  b">Go</a><a href="/a b">Go</a>', null],
    ['names differing only in a run of spaces or a tab are one name', '<input type="text" name="first  name"><input type="text" name="first\tname">', null],
    ['words run together are another label', '<button>Add item</button><button>Additem</button>', { kind: 'label', value: 'Add item' }],
    ['digits stand for a number, not for nothing', '<button>Step1</button><button>Step</button>', { kind: 'label', value: 'Step1' }],
    ['case is folded to lower case (ß is not SS)', '<button>Straße</button><button>STRASSE</button>', { kind: 'label', value: 'Straße' }],
    ['labels are cut at 200 characters', `<button>${'a'.repeat(250)}</button><button>b</button>`, { kind: 'label', value: 'a'.repeat(200) }],
    ['a button type makes only inputs controls', '<div type="submit">Copy</div><div type="submit">Paste</div>', null],
    ['only links are told apart by href', '<button href="/a">Open</button><button href="/b">Open</button>', null],
    ['an href against links without one (any text, even Stryker\'s default)', '<a href="Stryker was here!">Go</a><a>Go</a>', { kind: 'href', value: 'Stryker was here!' }],
  ])('%s', (_, html, expected) => {
    document.body.innerHTML = html;
    const elements = [...document.body.children];
    expect(identityAmong(elements[0], elements)).toEqual(expected);
  });
});

describe('findSimilar: which elements count as similar', () => {
  const n = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i + 1)).join('');
  it.each([
    ['a row with another role is not a row', `<ul><li><a>1</a></li><li role="separator"><a>2</a></li><li><a>3</a></li></ul>`, 'li:first-child a', ['1', '3']],
    ['a different input type at the same place is not alike', `<ul><li><input type="checkbox" id="1"></li><li><input type="text" id="2"></li><li><input type="checkbox" id="3"></li></ul>`, '[id="1"]', ['1', '3']],
    ['a classless row is not like a classed one', `<ul><li class="todo"><b id="1">x</b></li><li><b id="2">x</b></li><li class="todo done"><b id="3">x</b></li></ul>`, '[id="1"]', ['1', '3']],
    ['ph- classes do not count', `<ul><li><b id="1">x</b></li><li class="ph-no-capture"><b id="2">x</b></li><li><b id="3">x</b></li></ul>`, '[id="1"]', ['1', '2', '3']],
    ['a row lacking the nested place is skipped', `<ul><li><div><b id="1">x</b></div></li><li><span>x</span></li><li><div><b id="3">x</b></div></li></ul>`, '[id="1"]', ['1', '3']],
    ['rows six levels up are found', `<section>${n(3, (i) => `<div class="row"><div><div><div><div><div><button id="${i}">x</button></div></div></div></div></div></div>`)}</section>`, '[id="1"]', ['1', '2', '3']],
    ['on a tie the nearest level wins', `<div>${n(2, (i) => `<div class="card"><button class="icon" id="${i}a">a</button><button class="icon" id="${i}b">b</button></div>`)}</div>`, '[id="1a"]', ['1a', '1b']],
    ['the level with most elements wins', `<div>${n(2, (i) => `<div class="card">${n(3, (j) => `<button class="icon" id="${i}${j}">a</button>`)}</div>`)}</div>`, '[id="11"]', ['11', '12', '13']],
    ['at most 2,000 siblings of the tag are looked at per level', `<div><b id="0"></b><i></i>${n(2001, (i) => `<b id="${i}"></b>`)}</div>`, '[id="0"]', Array.from({ length: 2001 }, (_, i) => `${i}`)],
  ])('%s', (_, html, pick, ids) => {
    document.body.innerHTML = html;
    const group = findSimilar(document.querySelector(pick)!)!;
    expect(group.elements.map((e) => e.id || e.textContent)).toEqual(ids);
  });

  it('rows seven levels up are too far', () => {
    document.body.innerHTML = `<section>${n(3, (i) => `<div class="row"><div><div><div><div><div><div><button id="${i}">x</button></div></div></div></div></div></div></div>`)}</section>`;
    expect(findSimilar(document.getElementById('1')!)).toBeNull();
  });

  it.each([
    ['a detached element', () => document.createElement('b')],
    ['an element in a closed shadow root', () => {
      const root = document.body.appendChild(document.createElement('x-card')).attachShadow({ mode: 'closed' });
      root.innerHTML = '<button>Buy</button><button>Buy</button>';
      return root.querySelector('button')!;
    }],
    ['a child of a detached html element', () => {
      const html = document.createElement('html');
      for (let i = 0; i < 2; i++) html.appendChild(document.createElement('div')).className = 'card';
      return html.firstElementChild!;
    }],
    ['a child of a body element, even one with alike siblings', () => {
      const div = document.createElement('div');
      for (let i = 0; i < 2; i++) div.appendChild(document.createElement('body')).appendChild(document.createElement('b'));
      return div.querySelector('b')!;
    }],
  ])('%s has no similar elements', (_, make) => {
    expect(findSimilar(make())).toBeNull();
  });

  it('an SVG <a> is not like an HTML <a> (same tag name, other case)', () => {
    document.body.innerHTML = `<ul>${n(3, (i) => `<li class="row">${i < 3 ? `<a id="${i}">x</a>` : ''}</li>`)}</ul>`;
    document.querySelectorAll('li')[2].append(document.createElementNS('http://www.w3.org/2000/svg', 'a'));
    expect(findSimilar(document.getElementById('1')!)?.elements.map((e) => e.id)).toEqual(['1', '2']);
  });

  it('cards with a closed shadow root are skipped, open ones entered', () => {
    document.body.innerHTML = `<div>${n(3, () => '<x-card></x-card>')}</div>`;
    const hosts = [...document.querySelectorAll('x-card')];
    const buttons = hosts.map((h, i) => {
      const root = h.attachShadow({ mode: i === 1 ? 'closed' : 'open' });
      root.innerHTML = '<button>Buy</button>';
      return root.querySelector('button')!;
    });
    expect(findSimilar(buttons[0])?.elements).toEqual([buttons[0], buttons[2]]);
  });
});

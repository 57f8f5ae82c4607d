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
  ])('%s', (_, html, pick, ids) => {
    document.body.innerHTML = html;
    const group = findSimilar(document.querySelector(pick)!)!;
    expect(group.elements.map((e) => e.id || e.textContent)).toEqual(ids);
  });

  it('rows seven levels up are too far', () => {
    document.body.innerHTML = `<section>${n(3, (i) => `<div class="row"><div><div><div><div><div><div><button id="${i}">x</button></div></div></div></div></div></div></div>`)}</section>`;
    expect(findSimilar(document.getElementById('1')!)).toBeNull();
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

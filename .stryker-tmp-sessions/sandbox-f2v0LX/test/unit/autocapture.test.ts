// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  autocaptureProperties, createClickTargetRecovery, createRageclickDetector, eventTarget, rageclickAllowed,
  type AutocaptureEventType,
} from '../../src/autocapture/autocapture';
import { captureElements, chainElementsFor, elementAndAncestors, elementsChainFor } from '../../src/autocapture/elements';
import { MAX_ATTRIBUTE_CHARS, MAX_CHAIN_CHARS, TRUNCATED_PROPERTY } from '../../src/autocapture/limits';
import { parseElementsChain } from '../../src/events/elements-chain';

/**
 * Expected values in the first table were produced by posthog-js 1.449.2's own autocapture code
 * (`@posthog/browser-common` autocapture, default config) in Chromium on the same DOM.
 */

type Shadow = { host: string; html: string } | null;

/** Renders `html` into the body (optionally a shadow root) and returns the element `id`. */
function render(html: string, id: string, shadow: Shadow = null): Element {
  document.body.innerHTML = html;
  let root: Document | ShadowRoot = document;
  if (shadow) {
    root = document.getElementById(shadow.host)!.attachShadow({ mode: 'open' });
    root.innerHTML = shadow.html;
  }
  return root.getElementById(id)!;
}

/** Dispatches `type` at `target` and returns what autocaptureProperties gives for it. */
function capture(target: Element, type: AutocaptureEventType, init: MouseEventInit = {}): Record<string, unknown> | null {
  let props: Record<string, unknown> | null | undefined;
  const listener = (e: Event) => (props = autocaptureProperties(e, type));
  document.addEventListener(type, listener, true);
  const opts = { bubbles: true, composed: true, cancelable: true, ...init };
  target.dispatchEvent(type === 'click' ? new MouseEvent('click', opts) : new Event(type, opts));
  document.removeEventListener(type, listener, true);
  if (props === undefined) throw new Error('listener did not run');
  return props;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('autocaptureProperties matches posthog-js', () => {
  it.each<[string, string, string, AutocaptureEventType, Shadow, Record<string, string> | null]>([
  [
    'button with span text',
    '<div class="row"><span>x</span><button id="t" class="b a" data-attr="buy">Buy <span>now</span> today</button></div>',
    't', 'click', null,
    { $elements_chain: 'button.a.b:attr__class="b a"attr__data-attr="buy"attr__id="t"attr_id="t"nth-child="2"nth-of-type="1"text="Buytoday now";div.row:attr__class="row"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Buytoday now' },
  ],
  [
    'span inside link',
    '<p><a id="a" href="/cart" class="l"><span id="t">Nested <strong>strong</strong></span></a></p>',
    't', 'click', null,
    { $elements_chain: 'span:attr__href="/cart"attr__id="t"attr_id="t"href="/cart"nth-child="1"nth-of-type="1"text="Nested";a.l:attr__class="l"attr__href="/cart"attr__id="a"attr_id="a"href="/cart"nth-child="1"nth-of-type="1"text="Nested";p:nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Nested' },
  ],
  [
    'svg path inside button',
    '<button id="b" aria-label="Wish"><svg id="s" width="10" height="10"><path id="t" d="M0 0h10v10z"/></svg></button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__aria-label="Wish"attr__id="b"attr_id="b"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'svg inside ph-sensitive link',
    '<a href="/c" class="ph-sensitive"><svg><path id="t" d="M0 0"/></svg> Cart</a>',
    't', 'click', null,
    { $elements_chain: 'a.ph-sensitive:attr__class="ph-sensitive"attr__href="/c"href="/c"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'text input click',
    '<form><input id="t" type="text" name="nick" value="secret" data-x="1" class="c" aria-label="Nick"></form>',
    't', 'click', null,
    { $elements_chain: 'input.c:attr__aria-label="Nick"attr__class="c"attr__id="t"attr__name="nick"attr_id="t"nth-child="1"nth-of-type="1";form:nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'text input change',
    '<input id="t" type="email" name="mail" value="a@b.c" placeholder="Mail">',
    't', 'change', null,
    { $elements_chain: 'input:attr__id="t"attr__name="mail"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'password input click',
    '<input id="t" type="password" name="pw" class="pw">',
    't', 'click', null,
    { $elements_chain: 'input.pw:attr__class="pw"attr__id="t"attr__name="pw"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'hidden input change',
    '<input id="t" type="hidden" name="tok" value="x">',
    't', 'change', null,
    { $elements_chain: 'input:attr__id="t"attr__name="tok"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'select change',
    '<select id="t" name="colour"><option>Red</option><option selected>Blue</option></select>',
    't', 'change', null,
    { $elements_chain: 'select:attr__id="t"attr__name="colour"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'textarea click',
    '<textarea id="t" name="notes">typed text</textarea>',
    't', 'click', null,
    { $elements_chain: 'textarea:attr__id="t"attr__name="notes"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'checkbox click',
    '<label>Agree <input id="t" type="checkbox" name="agree" value="yes"></label>',
    't', 'click', null,
    { $elements_chain: 'input:attr__id="t"attr__name="agree"attr__type="checkbox"attr__value="yes"attr_id="t"nth-child="1"nth-of-type="1";label:nth-child="1"nth-of-type="1"text="Agree";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'form submit',
    '<form id="t" action="/s" class="f">Search <input name="q"><button>Go</button></form>',
    't', 'submit', null,
    { $elements_chain: 'form.f:attr__action="/s"attr__class="f"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Search";body:nth-child="2"nth-of-type="1"', $el_text: 'Search' },
  ],
  [
    'form click without pointer',
    '<form id="t" action="/s">Search</form>',
    't', 'click', null,
    null,
  ],
  [
    'input submit is not a submit target',
    '<form><input id="t" type="submit" value="Go"></form>',
    't', 'submit', null,
    null,
  ],
  [
    'plain div',
    '<div id="t">Just text</div>',
    't', 'click', null,
    null,
  ],
  [
    'plain paragraph change',
    '<p id="t">Just text</p>',
    't', 'change', null,
    null,
  ],
  [
    'div with cursor pointer',
    '<div id="t" style="cursor: pointer" class="card">Promo <b>bold</b> text</div>',
    't', 'click', null,
    { $elements_chain: 'div.card:attr__class="card"attr__id="t"attr__style="cursor: pointer"attr_id="t"nth-child="1"nth-of-type="1"text="Promotext";body:nth-child="2"nth-of-type="1"', $el_text: 'Promotext' },
  ],
  [
    'span under cursor pointer parent',
    '<div style="cursor: pointer"><span id="t">Inner</span></div>',
    't', 'click', null,
    { $elements_chain: 'span:attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Inner";div:attr__style="cursor: pointer"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Inner' },
  ],
  [
    'span inside label',
    '<label for="x"><span id="t">Label text</span></label>',
    't', 'click', null,
    { $elements_chain: 'span:attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Label text";label:attr__for="x"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Label text' },
  ],
  [
    'label click',
    '<label id="t" for="x">Remember me</label>',
    't', 'click', null,
    { $elements_chain: 'label:attr__for="x"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Remember me";body:nth-child="2"nth-of-type="1"', $el_text: 'Remember me' },
  ],
  [
    'contenteditable div',
    '<div id="t" contenteditable="true" class="ed" data-x="1">Edit me</div>',
    't', 'click', null,
    { $elements_chain: 'div.ed:attr__class="ed"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'contenteditable empty-string attribute',
    '<div id="t" contenteditable="" data-x="1">Edit me</div>',
    't', 'click', null,
    null,
  ],
  [
    'ph-no-capture ancestor',
    '<div class="ph-no-capture"><button id="t">Secret</button></div>',
    't', 'click', null,
    null,
  ],
  [
    'ph-no-capture on body-level section',
    '<section class="x ph-no-capture"><div><a id="t" href="/a">A</a></div></section>',
    't', 'click', null,
    null,
  ],
  [
    'ph-no-autocapture ancestor',
    '<div class="ph-no-autocapture"><button id="t">Skip</button></div>',
    't', 'click', null,
    null,
  ],
  [
    'data-ph-no-autocapture',
    '<button id="t" data-ph-no-autocapture>Skip</button>',
    't', 'click', null,
    null,
  ],
  [
    'ph-sensitive ancestor',
    '<div class="ph-sensitive" data-x="kept"><button id="t" data-y="kept">Private name</button></div>',
    't', 'click', null,
    { $elements_chain: 'button:attr__data-y="kept"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1";div.ph-sensitive:attr__class="ph-sensitive"attr__data-x="kept"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'sensitive name drops text',
    '<button id="t" name="cc-number">Pay 10</button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__id="t"attr__name="cc-number"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'ph-include overrides sensitive name',
    '<button id="t" name="cc-number" class="ph-include">Pay 10</button>',
    't', 'click', null,
    { $elements_chain: 'button.ph-include:attr__class="ph-include"attr__id="t"attr__name="cc-number"attr_id="t"nth-child="1"nth-of-type="1"text="Pay 10";body:nth-child="2"nth-of-type="1"', $el_text: 'Pay 10' },
  ],
  [
    'sensitive id drops text',
    '<a id="t" href="/x">Card <span>details</span></a><a id="password-reset" href="/r">Reset</a>',
    'password-reset', 'click', null,
    { $elements_chain: 'a:attr__href="/r"attr__id="password-reset"attr_id="password-reset"href="/r"nth-child="2"nth-of-type="2";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'capture attributes, nearest wins',
    '<div data-ph-capture-attribute-plan="team" data-ph-capture-attribute-area="pricing"><button id="t" data-ph-capture-attribute-plan="pro" data-ph-capture-attribute-empty="" data-ph-capture-attribute-card="4111111111111111">Upgrade</button></div>',
    't', 'click', null,
    { $elements_chain: 'button:attr__data-ph-capture-attribute-empty=""attr__data-ph-capture-attribute-plan="pro"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Upgrade";div:attr__data-ph-capture-attribute-area="pricing"attr__data-ph-capture-attribute-plan="team"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Upgrade', plan: 'pro', area: 'pricing' },
  ],
  [
    'capture attributes skipped on sensitive element',
    '<button id="t" class="ph-sensitive" data-ph-capture-attribute-plan="pro">Upgrade</button>',
    't', 'click', null,
    { $elements_chain: 'button.ph-sensitive:attr__class="ph-sensitive"attr__data-ph-capture-attribute-plan="pro"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'angular attributes dropped',
    '<div _nghost-abc=""><button id="t" _ngcontent-abc="" class="mat">Ng</button></div>',
    't', 'click', null,
    { $elements_chain: 'button.mat:attr__class="mat"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Ng";div:nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Ng' },
  ],
  [
    'card-like attribute and text tokens',
    '<button id="t" data-card="4111-1111-1111-1111" data-ssn="123-45-6789" data-ok="order 123">Card 4111111111111111 ssn 123-45-6789 ok</button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__data-ok="order 123"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Card ssn ok";body:nth-child="2"nth-of-type="1"', $el_text: 'Card ssn ok' },
  ],
  [
    'external link',
    '<a id="t" href="https://other.example.com/x?y=1">Elsewhere</a>',
    't', 'click', null,
    { $elements_chain: 'a:attr__href="https://other.example.com/x?y=1"attr__id="t"attr_id="t"href="https://other.example.com/x?y=1"nth-child="1"nth-of-type="1"text="Elsewhere";body:nth-child="2"nth-of-type="1"', $el_text: 'Elsewhere', $external_click_url: 'https://other.example.com/x?y=1' },
  ],
  [
    'same-host link',
    '<a id="t" href="/local">Here</a>',
    't', 'click', null,
    { $elements_chain: 'a:attr__href="/local"attr__id="t"attr_id="t"href="/local"nth-child="1"nth-of-type="1"text="Here";body:nth-child="2"nth-of-type="1"', $el_text: 'Here' },
  ],
  [
    'mailto link',
    '<a id="t" href="mailto:a@b.c">Mail</a>',
    't', 'click', null,
    { $elements_chain: 'a:attr__href="mailto:a@b.c"attr__id="t"attr_id="t"href="mailto:a@b.c"nth-child="1"nth-of-type="1"text="Mail";body:nth-child="2"nth-of-type="1"', $el_text: 'Mail' },
  ],
  [
    'external link change event',
    '<a href="https://other.example.com/"><input id="t" type="checkbox"></a>',
    't', 'change', null,
    { $elements_chain: 'input:attr__href="https://other.example.com/"attr__id="t"attr__type="checkbox"attr_id="t"href="https://other.example.com/"nth-child="1"nth-of-type="1";a:attr__href="https://other.example.com/"href="https://other.example.com/"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'nth-child and nth-of-type',
    '<div><span>1</span><button>2</button><p>3</p><span>4</span><button id="t">5</button></div>',
    't', 'click', null,
    { $elements_chain: 'button:attr__id="t"attr_id="t"nth-child="5"nth-of-type="2"text="5";div:nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: '5' },
  ],
  [
    'quotes backslashes separators',
    '<button id="t" title=\'say "hi"\' data-path="C:\\dir\\file">Say "hello" \\ back; key: value=1</button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__data-path="C:\\dir\\file"attr__id="t"attr__title="say \\"hi\\""attr_id="t"nth-child="1"nth-of-type="1"text="Say \\"hello\\" \\ back; key: value=1";body:nth-child="2"nth-of-type="1"', $el_text: 'Say "hello" \\ back; key: value=1' },
  ],
  [
    'class with quote and unsorted classes',
    '<button id="t" class=\'zeta a"b Alpha  beta\'>Q</button>',
    't', 'click', null,
    { $elements_chain: 'button.Alpha.ab.beta.zeta:attr__class="zeta a\\"b Alpha beta"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Q";body:nth-child="2"nth-of-type="1"', $el_text: 'Q' },
  ],
  [
    'whitespace and newlines in text',
    '<button id="t">\n   Line one\n\t Line   two  \n</button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Line one \t Line two";body:nth-child="2"nth-of-type="1"', $el_text: 'Line one \t Line two' },
  ],
  [
    'unicode text',
    '<button id="t">Café ☕ 日本語 🎉</button>',
    't', 'click', null,
    { $elements_chain: 'button:attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Café ☕ 日本語 🎉";body:nth-child="2"nth-of-type="1"', $el_text: 'Café ☕ 日本語 🎉' },
  ],
  [
    'img inside link',
    '<a id="a" href="/p"><img id="t" alt="Hat" src="data:,"> Hat</a>',
    't', 'click', null,
    { $elements_chain: 'img:attr__alt="Hat"attr__href="/p"attr__id="t"attr__src="data:,"attr_id="t"href="/p"nth-child="1"nth-of-type="1";a:attr__href="/p"attr__id="a"attr_id="a"href="/p"nth-child="1"nth-of-type="1"text="Hat";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'role button div without pointer',
    '<div id="t" role="button">Fake</div>',
    't', 'click', null,
    null,
  ],
  [
    'click on svg not in control',
    '<div style="cursor:pointer"><svg><circle id="t" r="4"/></svg></div>',
    't', 'click', null,
    { $elements_chain: 'circle:attr__id="t"attr__r="4"attr_id="t"nth-child="1"nth-of-type="1";svg:nth-child="1"nth-of-type="1";div:attr__style="cursor:pointer"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"' },
  ],
  [
    'button in open shadow root',
    '<section class="s"><x-card id="host" class="h"></x-card></section>',
    't', 'click', { host: 'host', html: '<div class="w"><button id="t" data-ph-capture-attribute-where="shadow">Shadow <span>btn</span></button></div>' },
    { $elements_chain: 'button:attr__data-ph-capture-attribute-where="shadow"attr__id="t"attr_id="t"nth-child="1"nth-of-type="1"text="Shadow btn";div.w:attr__class="w"nth-child="1"nth-of-type="1";x-card.h:attr__class="h"attr__id="host"attr_id="host"nth-child="1"nth-of-type="1";section.s:attr__class="s"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'Shadow btn', where: 'shadow' },
  ],
  [
    'link in open shadow root',
    '<x-card id="host"></x-card>',
    't', 'click', { host: 'host', html: '<p>text <a id="t" href="/in">In shadow</a></p>' },
    { $elements_chain: 'a:attr__href="/in"attr__id="t"attr_id="t"href="/in"nth-child="1"nth-of-type="1"text="In shadow";p:nth-child="1"nth-of-type="1";x-card:attr__id="host"attr_id="host"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"', $el_text: 'In shadow' },
  ],
  ])('%s', (_name, html, id, type, shadow, expected) => {
    const props = capture(render(html, id, shadow), type);
    if (expected === null) {
      expect(props).toBeNull();
      return;
    }
    expect(props).toEqual({ $event_type: type, $ce_version: 1, ...expected });
  });
});

describe('limits', () => {
  it('cuts attributes at 1024 (+...), chain text at 400, and keeps $el_text whole', () => {
    const words = 'word '.repeat(120).trim();
    const props = capture(render(`<button id="t" title="${'t'.repeat(1100)}">${words}</button>`, 't'), 'click')!;
    expect(props.$el_text).toBe(words.slice(0, 255).trim());
    const [button] = parseElementsChain(props.$elements_chain as string);
    expect(button.attributes.attr__title).toBe('t'.repeat(1024) + '...');
    expect(button.text).toBe(words.slice(0, 255).trim());
  });

  it('cuts each text node at 255 but not their concatenation, and the chain text at 400', () => {
    const props = capture(render(`<button id="t">${'a'.repeat(300)}<b>x</b>${'b'.repeat(300)}</button>`, 't'), 'click')!;
    expect(props.$el_text).toBe('a'.repeat(255) + 'b'.repeat(255));
    expect(parseElementsChain(props.$elements_chain as string)[0].text).toBe('a'.repeat(255) + 'b'.repeat(145));
  });

  it.each<[string, number, boolean]>([
    ['longer than 2048 is written whole as attr__href (as posthog-js) and cut as href', 3000, false],
    ['longer than the attribute cap is cut in attr__href too, and the cut marked (Lasso only)', MAX_ATTRIBUTE_CHARS + 1000, true],
  ])('a link href %s', (_name, length, cut) => {
    const href = '/search?q=' + 'x'.repeat(length);
    const props = capture(render(`<a id="t" href="${href}">Go</a>`, 't'), 'click')!;
    const [link] = parseElementsChain(props.$elements_chain as string);
    expect(link.attributes.attr__href).toBe(cut ? href.slice(0, MAX_ATTRIBUTE_CHARS) : href);
    expect(props[TRUNCATED_PROPERTY]).toEqual(cut ? ['$elements_chain'] : undefined);
  });
});

describe('Lasso-specific rules', () => {
  it('never captures inside Lasso UI', () => {
    expect(capture(render('<div data-lasso-ui><button id="t">Lasso</button></div>', 't'), 'click')).toBeNull();
    const shadowed = render('<div id="host" data-lasso-ui></div>', 'in', { host: 'host', html: '<button id="in">x</button>' });
    expect(capture(shadowed, 'click')).toBeNull();
  });

  it.each([
    ['spaced card number in text is dropped (posthog-js keeps it)', 'Pay 4111 1111 1111 1111 ssn 123-45-6789 now', 'Pay ssn now'],
    ['non-Luhn grouped digits stay', 'Call 4111 1111 1111 1112', 'Call 4111 1111 1111 1112'],
    ['phone-like groups stay', 'Call 555 123 4567', 'Call 555 123 4567'],
  ])('%s', (_name, text, expected) => {
    expect(capture(render(`<button id="t">${text}</button>`, 't'), 'click')!.$el_text).toBe(expected);
  });

  it('applies ph-sensitive around a shadow host to the shadow content (posthog-js does not)', () => {
    const button = render('<div class="ph-sensitive"><x-host id="h"></x-host></div>', 't', {
      host: 'h', html: '<button id="t" data-ph-capture-attribute-x="y">Private</button>',
    });
    const props = capture(button, 'click')!;
    expect(props.$el_text).toBeUndefined();
    expect(props.x).toBeUndefined();
    const [first] = parseElementsChain(props.$elements_chain as string);
    expect(first.tag_name).toBe('button');
    expect(first.text).toBeUndefined();
  });

  it('captures $input_value only for opted-in, non-sensitive value fields on change', () => {
    const cases: [string, string | undefined][] = [
      ['<input id="t" name="q" data-ph-capture-value value="shoes">', 'shoes'],
      ['<input id="t" name="q" value="shoes">', undefined],
      ['<input id="t" type="password" data-ph-capture-value value="pw">', undefined],
      ['<div class="ph-sensitive"><input id="t" data-ph-capture-value value="x"></div>', undefined],
      ['<input id="t" data-ph-capture-value value="4111111111111111">', undefined],
    ];
    for (const [html, value] of cases) expect(capture(render(html, 't'), 'change')?.$input_value).toBe(value);
  });
});

describe('hostile pages', () => {
  it('handles detached elements, fragments and huge attributes without throwing', () => {
    const detached = document.createElement('button');
    detached.textContent = 'Detached';
    expect(elementsChainFor(detached)).toBe('button:nth-child="1"nth-of-type="1"text="Detached"');
    const frag = document.createDocumentFragment();
    const inFrag = frag.appendChild(document.createElement('a'));
    inFrag.setAttribute('href', 'x'.repeat(1_000_000));
    expect(() => elementsChainFor(inFrag)).not.toThrow();
    expect(elementAndAncestors(inFrag)).toEqual([inFrag]);
  });

  it('returns null for events without an element target', () => {
    expect(autocaptureProperties(new Event('click'), 'click')).toBeNull();
    const text = document.body.appendChild(document.createTextNode('t'));
    expect(capture(text as unknown as Element, 'click')).toBeNull();
  });

  it('stops after 1000 ancestors and never throws on very deep trees', () => {
    let el: Element = document.body;
    for (let i = 0; i < 1500; i++) el = el.appendChild(document.createElement(i === 0 ? 'button' : 'span'));
    const props = capture(el, 'click')!;
    // posthog-js would keep 1000; Lasso's chain budget keeps the innermost that fit, and says so.
    const chain = props.$elements_chain as string;
    expect(chain.length).toBeLessThanOrEqual(MAX_CHAIN_CHARS);
    expect(chain.split(';').length).toBeGreaterThan(500);
    expect(chain.split(';').length).toBeLessThan(1000);
    expect(chain.startsWith('span:')).toBe(true); // the clicked (deepest) element first
    expect(props[TRUNCATED_PROPERTY]).toEqual(['$elements_chain']);
  });
});

describe('ancestor text', () => {
  // posthog-js records the own text of every autocapture-tag ancestor (a, button, form, input,
  // select, textarea, label) and of no other ancestor.
  it.each<[string, string, string | undefined]>([
    ['form', '<form id="a">Checkout <button id="t">Pay</button></form>', 'Checkout'],
    ['label', '<label id="a">Email <span id="t">required</span></label>', 'Email'],
    ['div (not an autocapture tag)', '<div id="a">Checkout <button id="t">Pay</button></div>', undefined],
  ])('%s', (_name, html, text) => {
    const target = render(html, 't');
    const ancestor = captureElements(target).elements[1];
    expect(ancestor.attr_id).toBe('a');
    expect(ancestor.text).toBe(text);
  });
});

describe('svg remapping', () => {
  it('starts the chain at the enclosing control only for clicks', () => {
    const path = render('<button id="b">Like <svg><path id="t" d="M0 0"/></svg></button>', 't');
    expect(captureElements(path, true).elements[0].tag_name).toBe('button');
    expect(captureElements(path, true).text).toBe('Like');
    expect(captureElements(path, false).elements[0].tag_name).toBe('path');
  });
});

describe('eventTarget', () => {
  it('uses the composed path when the event was retargeted to an open shadow host', () => {
    const inner = render('<x-host id="h"></x-host>', 'in', { host: 'h', html: '<b id="in">x</b>' });
    const host = document.getElementById('h')!;
    const event = { target: host, composedPath: () => [inner, host] } as unknown as Event;
    expect(eventTarget(event)).toBe(inner);
  });
});

describe('rage clicks', () => {
  it.each<[string, [number, number, number][], boolean[]]>([
    ['three quick clicks in place', [[0, 0, 0], [1, 1, 100], [2, 2, 200]], [false, false, true]],
    ['only the third click reports', [[0, 0, 0], [0, 0, 10], [0, 0, 20], [0, 0, 30]], [false, false, true, false]],
    ['29 px apart (Manhattan) still counts', [[0, 0, 0], [20, 9, 10], [40, 18, 20]], [false, false, true]],
    ['30 px apart does not', [[0, 0, 0], [15, 15, 10], [30, 30, 20]], [false, false, false]],
    ['999 ms apart still counts', [[0, 0, 0], [0, 0, 999], [0, 0, 1998]], [false, false, true]],
    ['1000 ms apart does not', [[0, 0, 0], [0, 0, 1000], [0, 0, 2000]], [false, false, false]],
    ['a far click restarts the streak', [[0, 0, 0], [0, 0, 10], [500, 0, 20], [500, 0, 30], [500, 0, 40]], [false, false, false, false, true]],
  ])('%s', (_name, clicks, expected) => {
    const detector = createRageclickDetector();
    expect(clicks.map(([x, y, t]) => detector.isRageClick(x, y, t))).toEqual(expected);
  });

  it.each([
    ['<button id="t">ok</button>', true],
    ['<div class="ph-no-rageclick"><button id="t">no</button></div>', false],
    ['<div class="ph-no-capture"><button id="t">no</button></div>', false],
  ])('rageclickAllowed %s → %s', (html, allowed) => {
    const target = render(html, 't');
    expect(rageclickAllowed({ target, composedPath: () => [target] } as unknown as Event)).toBe(allowed);
  });
});

describe('click target recovery', () => {
  const pointer = (type: string, target: Element, init: Record<string, unknown> = {}) =>
    ({ type, target, composedPath: () => [target], isPrimary: true, button: 0, ctrlKey: false, pointerId: 1, clientX: 10, clientY: 10, ...init }) as unknown as PointerEvent;

  it.each<[string, string, Record<string, unknown>, 'pressed' | 'none' | 'drop']>([
    ['press and release on a button, click lands on body', '<button id="t">Go</button>', {}, 'pressed'],
    ['moved more than 5 px', '<button id="t">Go</button>', { clientX: 20 }, 'none'],
    ['other pointer', '<button id="t">Go</button>', { pointerId: 2 }, 'none'],
    ['keyboard click (detail 0, mouse)', '<button id="t">Go</button>', { detail: 0 }, 'none'],
    ['pressed element is excluded', '<div class="ph-no-capture"><button id="t">Go</button></div>', {}, 'drop'],
  ])('%s', (_name, html, clickInit, outcome) => {
    const pressed = render(html, 't');
    const recovery = createClickTargetRecovery();
    recovery.track(pointer('pointerdown', pressed));
    recovery.track(pointer('pointerup', pressed));
    const click = pointer('click', document.body, { detail: 1, pointerType: 'mouse', ...clickInit }) as unknown as MouseEvent;
    expect(recovery.recover(click)).toBe(outcome === 'pressed' ? pressed : outcome === 'drop' ? null : undefined);
  });
});

describe('captureElements rules (rows from mutation testing)', () => {
  // Killing rows for elements.ts survivors (see test/mutation-equivalents.md).
  it.each<[string, string, string]>([
    ['no blocked element between the SVG part and its control keeps the text', '<button id="b">Like <svg><path id="t" d="M0 0"/></svg></button>', 'Like'],
    ['a sensitive-named SVG element masks the control text', '<button id="b">Like <svg id="password"><path id="t" d="M0 0"/></svg></button>', ''],
    ['a contenteditable SVG part masks the control text', '<button id="b">Like <svg contenteditable="true"><path id="t" d="M0 0"/></svg></button>', ''],
    ['a sensitive-named control itself masks its text', '<button id="b" name="password">Like <svg><path id="t" d="M0 0"/></svg></button>', ''],
    ['a sensitive-named control masks its span text too', '<button id="b" name="password">Like <span>x</span><svg><path id="t" d="M0 0"/></svg></button>', ''],
  ])('svg click: %s', (_name, html, text) => {
    const { elements, text: captured } = captureElements(render(html, 't'), true);
    expect(elements[0].attr_id).toBe('b');
    expect(captured).toBe(text);
    expect(elements[0].text).toBe(text || undefined);
  });

  it('a non-capturable target that is not an SVG part masks no ancestor text', () => {
    const { elements } = captureElements(render('<form id="a">Checkout <button id="t" name="password">Pay</button></form>', 't'), true);
    expect(elements[1].attr_id).toBe('a');
    expect(elements[1].text).toBe('Checkout');
  });

  it('remaps an SVG part to its control by default (isClick defaults to true)', () => {
    expect(captureElements(render('<button id="b">Like <svg><path id="t" d="M0 0"/></svg></button>', 't')).target.id).toBe('b');
  });

  it('a non-click on an SVG part keeps the chain at the SVG element and the SVG text rule off', () => {
    const { elements, target } = captureElements(render('<button id="b" name="password">Like <svg><path id="t" d="M0 0"/></svg></button>', 't'), false);
    expect(target.id).toBe('t');
    expect(elements.map((e) => e.tag_name)).toEqual(['path', 'svg', 'button', 'body']);
  });

  it.each<[string, string, string | null]>([
    ['a capturable link with a safe href', '<a id="t" href="/cart">Cart</a>', '/cart'],
    ['a sensitive-named link', '<a id="password" href="/cart"><span id="t">Cart</span></a>', null],
    ['a link whose href holds a card number', '<a id="t" href="4111111111111111">Cart</a>', null],
    ['a link without href', '<a id="t">Cart</a>', null],
  ])('href: %s', (_name, html, href) => {
    const { elements, href: captured } = captureElements(render(html, 't'));
    expect(captured).toBe(href);
    expect(elements[0].href).toBe(href ?? undefined);
    expect(elements[0].attributes.attr__href).toBe(href ?? undefined);
  });

  it.each<[string, string, Record<string, string>]>([
    ['an empty key is skipped', '<button id="t" data-ph-capture-attribute-="x" data-ph-capture-attribute-a="1">Go</button>', { a: '1' }],
    ['__proto__ is skipped', '<button id="t" data-ph-capture-attribute-__proto__="x" data-ph-capture-attribute-a="1">Go</button>', { a: '1' }],
    ['a non-capturable element gives none', '<button id="t" name="password" data-ph-capture-attribute-a="1">Go</button>', {}],
  ])('capture attributes: %s', (_name, html, properties) => {
    const captured = captureElements(render(html, 't')).properties;
    expect(Object.getPrototypeOf(captured)).toBe(Object.prototype);
    expect(Object.keys(captured)).toEqual(Object.keys(properties));
    expect({ ...captured }).toEqual(properties);
  });

  it.each<[string, number, string]>([
    ['exactly 1024 characters is kept whole', 1024, 't'.repeat(1024)],
    ['1025 characters is cut at 1024 and marked', 1025, 't'.repeat(1024) + '...'],
  ])('an attribute of %s', (_name, length, value) => {
    const target = render(`<button id="t" title="${'t'.repeat(length)}">Go</button>`, 't');
    expect(captureElements(target).elements[0].attributes.attr__title).toBe(value);
  });

  it('elementAndAncestors stops at its limit', () => {
    const target = render('<div><div><div><span id="t">x</span></div></div></div>', 't');
    expect(elementAndAncestors(target, 2).map((e) => e.tagName)).toEqual(['SPAN', 'DIV']);
    expect(elementAndAncestors(target).map((e) => e.tagName)).toEqual(['SPAN', 'DIV', 'DIV', 'DIV', 'BODY']);
  });

  it('chainElementsFor remaps an SVG part like a click', () => {
    expect(chainElementsFor(render('<button id="b">Like <svg><path id="t" d="M0 0"/></svg></button>', 't'))[0].attr_id).toBe('b');
  });

  it('an ancestor keeps 400 characters of its text and its classes sorted', () => {
    const target = render(`<a id="a" class="b a" href="/x">${'a'.repeat(255)}<i></i>${'b'.repeat(255)}<span id="t">x</span></a>`, 't');
    const [, link] = captureElements(target).elements;
    expect(link.text).toBe('a'.repeat(255) + 'b'.repeat(145));
    expect(link.attr_class).toEqual(['a', 'b']);
  });

  it.each<[string, string, string, string | undefined]>([
    ['a non-capturable ancestor above the control does not mask its text', '<form id="a" name="password">Checkout <button id="b">Like <svg><path id="t" d="M0 0"/></svg></button></form>', 'Like', undefined],
    ['a masked SVG click drops the ancestors\' text too', '<form id="a">Checkout <button id="b">Like <svg id="password"><path id="t" d="M0 0"/></svg></button></form>', '', undefined],
    ['an unmasked SVG click keeps the ancestors\' text', '<form id="a">Checkout <button id="b">Like <svg><path id="t" d="M0 0"/></svg></button></form>', 'Like', 'Checkout'],
  ])('svg click and ancestors: %s', (_name, html, text, formText) => {
    const { elements, text: captured } = captureElements(render(html, 't'), true);
    expect(captured).toBe(text);
    expect(elements[1].attr_id).toBe('a');
    expect(elements[1].text).toBe(formText);
  });

  it('keeps runs of spaces in attributes other than class', () => {
    expect(captureElements(render('<button id="t" title="a  b" class=" x  y ">Go</button>', 't')).elements[0].attributes).toMatchObject({ attr__title: 'a  b', attr__class: 'x y' });
  });

  it('trims ancestor text left with a leading space by a dropped card number', () => {
    expect(captureElements(render('<form id="a">4111111111111111 Checkout <button id="t">Pay</button></form>', 't')).elements[1].text).toBe('Checkout');
  });
});

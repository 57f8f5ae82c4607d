// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileAction, eventForClickOn } from '../../src/actions';
import type { ActionStep } from '../../src/actions/types';

// matchesElement runs the same compiled logic on the event a click would record. (Agreement
// with closest() over thousands of generated selectors is tested in real Chromium:
// test/e2e/selector-property.spec.ts.)

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <div class="card md:flex">
        <a class="product-link" href="/product/1"><span><strong id="name">Blue mug</strong></span></a>
        <button id="buy" class="btn" data-attr="add-to-cart" data-ph-capture-attribute-plan="pro">Add to cart</button>
      </div>
      <form><input id="email" type="email" name="email"></form>
      <button id="icon" class="icon-btn"><svg viewBox="0 0 8 8"><path id="glyph" d="M0 0h8"></path></svg></button>
    </main>`;
});

const $ = (sel: string) => document.querySelector(sel) as Element;

describe('matchesElement: would a click on this element match?', () => {
  it.each<[string, ActionStep, string, boolean]>([
    ['selector on the element', { selector: '#buy' }, '#buy', true],
    ['selector on an ancestor', { selector: '.card' }, '#buy', true],
    ['escaped class', { selector: '.md\\:flex > button' }, '#buy', true],
    ['selector miss', { selector: 'a' }, '#buy', false],
    ['no href on a <strong> inside a link', { selector: 'strong[href]' }, '#name', false],
    ['link ancestor has the href', { selector: 'a[href="/product/1"] strong' }, '#name', true],
    ['text of the clicked element', { text: 'Add to cart' }, '#buy', true],
    ['text of a link includes nested spans', { text: 'Blue mug', selector: 'a' }, '#name', true],
    ['href of the enclosing link', { href: '/product/1' }, '#name', true],
    ['event $autocapture', { event: '$autocapture', selector: 'button' }, '#buy', true],
    ['event absent', { selector: 'button' }, '#buy', true],
    ['another event never comes from a click', { event: '$pageview' }, '#buy', false],
    ['url from the document', { url: 'localhost' }, '#buy', true],
    ['url miss', { url: '/pricing' }, '#buy', false],
    ['$event_type property', { properties: [{ key: '$event_type', value: 'click' }] }, '#buy', true],
    ['$el_text property', { properties: [{ key: '$el_text', value: 'cart', operator: 'icontains' }] }, '#buy', true],
    ['data-ph-capture-attribute property', { properties: [{ key: 'plan', value: 'pro' }] }, '#buy', true],
    ['unknowable property counts as missing', { properties: [{ key: '$browser', value: 'Chrome' }] }, '#buy', false],
    ['negative filter on unknowable property', { properties: [{ key: '$browser', value: 'Chrome', operator: 'is_not' }] }, '#buy', true],
    ['input keeps id and name', { selector: 'input#email[name=email]' }, '#email', true],
    ['element filter', { properties: [{ key: 'tag_name', value: 'main', type: 'element' }] }, '#buy', true],
    // A click on an SVG part is recorded from the enclosing <button> / <a> (autocapture's rule).
    ['svg click: chain starts at the enclosing button', { selector: 'button.icon-btn' }, '#glyph', true],
    ['svg click: the svg part is not in the chain', { selector: 'svg' }, '#glyph', false],
    ['svg click: nor is the clicked path', { selector: 'path' }, '#glyph', false],
  ])('%s', (_name, step, target, expected) => {
    expect(compileAction({ steps: [step] }).matchesElement($(target))).toBe(expected);
  });

  it('builds the event autocapture would record', () => {
    const e = eventForClickOn($('#buy'));
    expect(e.event).toBe('$autocapture');
    expect(e.properties).toMatchObject({ $event_type: 'click', $el_text: 'Add to cart', plan: 'pro' });
    expect(e.properties.$elements_chain).toMatch(/^button\.btn:/);
  });
});

describe('eventForClickOn: page properties come from the element\'s document', () => {
  it.each([
    ['/pricing/plans', '?x=1'],
    ['/signup', ''],
    ['/pricing/plans', '#top'],
  ])('at %s%s', (path, rest) => {
    history.pushState({}, '', path + rest);
    const e = eventForClickOn($('#buy'));
    expect(e.properties).toMatchObject({ $current_url: location.href, $host: location.host, $pathname: path });
    expect(e.properties.$current_url).toContain(path + rest);
  });

  it('follows a change of URL between two clicks', () => {
    history.pushState({}, '', '/one');
    expect(eventForClickOn($('#buy')).properties.$pathname).toBe('/one');
    history.pushState({}, '', '/two');
    expect(eventForClickOn($('#buy')).properties.$pathname).toBe('/two');
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['a document without a URL', Object.create(document, { URL: { value: undefined } }), { $current_url: '', $host: '', $pathname: '' }],
    ['a URL that does not parse has no host or path', { URL: 'not a url' }, { $current_url: 'not a url', $host: '', $pathname: '' }],
  ])('%s', (_name, ownerDocument, expected) => {
    const target = $('#buy');
    Object.defineProperty(target, 'ownerDocument', { value: ownerDocument, configurable: true });
    expect(eventForClickOn(target).properties).toMatchObject(expected);
  });

  it('the first click after load, in a document without a URL, has no host or path (the URL cache starts empty)', async () => {
    vi.resetModules();
    const { eventForClickOn: fresh } = await import('../../src/actions/element');
    const target = $('#buy');
    Object.defineProperty(target, 'ownerDocument', { value: { URL: '' }, configurable: true });
    expect(fresh(target).properties).toMatchObject({ $current_url: '', $host: '', $pathname: '' });
  });

  it('has no uuid or distinct_id: a click preview is not a stored event', () => {
    expect(eventForClickOn($('#buy'))).toMatchObject({ uuid: '', distinct_id: '', event: '$autocapture' });
  });
});

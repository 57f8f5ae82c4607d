// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { captureElements } from '../../src/autocapture/elements';
import { isEditingHostValue } from '../../src/autocapture/privacy';
import { serializeElementsChain } from '../../src/events/elements-chain';

afterEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('isEditingHostValue (Lasso is stricter than posthog-js, which checks only "true")', () => {
  it.each<[string | null, boolean]>([
    ['', true],
    ['true', true],
    ['TRUE', true],
    ['plaintext-only', true],
    [' Plaintext-Only ', true],
    ['false', false],
    ['inherit', false],
    [null, false],
  ])('contenteditable=%j → %s', (value, expected) => expect(isEditingHostValue(value)).toBe(expected));
});

describe('text in an editing host is never recorded, like an input value', () => {
  /** Every string the capture of `#t` records: the chain and `$el_text`. */
  const recorded = (html: string) => {
    document.body.innerHTML = html;
    const found = captureElements(document.getElementById('t')!);
    return { chain: serializeElementsChain(found.elements), text: found.text };
  };

  it.each<[string, string, string]>([
    ['the editing host itself (contenteditable="")', '<div contenteditable=""><button id="t">SECRET</button></div>', ''],
    ['a button inside contenteditable="true"', '<div contenteditable="true"><p><button id="t">SECRET</button></p></div>', ''],
    ['a link inside plaintext-only', '<div contenteditable="plaintext-only"><a id="t" href="/x" title="SECRET">SECRET</a></div>', ''],
    ['a span in a button in an editor', '<div contenteditable><button id="t"><span>SECRET</span></button></div>', ''],
    ['a non-editable island inside an editor', '<div contenteditable="true"><span contenteditable="false"><button id="t">SECRET</button></span></div>', ''],
    ['an editable span inside a button', '<button id="t">Buy <span contenteditable>SECRET</span></button>', 'Buy'],
  ])('%s', (_name, html, expectedText) => {
    const { chain, text } = recorded(html);
    expect(text).toBe(expectedText);
    expect(chain).not.toContain('SECRET');
    expect(chain).toMatch(/^(button|a)/); // the click itself is still recorded
  });

  it('a designMode document records no text', () => {
    document.designMode = 'on';
    expect(recorded('<button id="t">SECRET</button>').text).toBe('');
  });

  it.each<[string, string]>([
    ['no editor at all', '<button id="t">Buy now</button>'],
    ['contenteditable="false" with no editor around', '<div contenteditable="false"><button id="t">Buy now</button></div>'],
    ['an editor next to (not around) the button', '<div contenteditable>draft</div><button id="t">Buy now</button>'],
  ])('text outside any editing host is kept: %s', (_name, html) => {
    const { chain, text } = recorded(html);
    expect(text).toBe('Buy now');
    expect(chain).toContain('text="Buy now"');
  });
});

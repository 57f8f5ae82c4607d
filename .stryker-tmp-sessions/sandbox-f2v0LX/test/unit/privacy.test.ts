// @ts-nocheck
import { describe, expect, it } from 'vitest';
import {
  type ElementFacts, hasBlockingClass, isAngularAttribute, isExcludedType, isSensitiveElement, isSensitiveName, keepAttribute,
  looksLikeCardNumber, looksLikeSSN, makeSafeText, passesLuhn, shouldCaptureElement, shouldCaptureValue, splitClasses,
} from '../../src/autocapture/privacy';

describe('card and SSN detection (whole values, as posthog-js)', () => {
  it.each([
    ['visa 16', '4111111111111111', true, false],
    ['visa 13', '4222222222222', true, false],
    ['visa with spaces', '4111 1111 1111 1111', true, false],
    ['visa with dashes', '4111-1111-1111-1111', true, false],
    ['visa with surrounding whitespace', '  4111111111111111 ', true, false],
    ['mastercard', '5105105105105100', true, false],
    ['amex', '378282246310005', true, false],
    ['discover', '6011111111111117', true, false],
    ['diners', '30569309025904', true, false],
    ['jcb', '3530111333300000', true, false],
    ['no Luhn check on whole values', '4111111111111112', true, false],
    ['card inside text is not a whole-value match', 'card 4111111111111111', false, false],
    ['16 digits with an unknown prefix', '9111111111111111', false, false],
    ['ssn with dashes', '123-45-6789', false, true],
    ['ssn without dashes (any 9 digits)', '123456789', false, true],
    ['ssn in parentheses', '(123-45-6789)', false, false],
    ['ssn with spaces', '123 45 6789', false, false],
    ['short number', '12345', false, false],
    ['words', 'hello world', false, false],
    ['empty', '', false, false],
    ['card with surrounding spaces', ' 4111111111111111 ', true, false],
    ['card with a tab and a line break around it', '\t4111111111111111\n', true, false],
    ['ssn with surrounding spaces', ' 123-45-6789 ', false, true],
  ])('%s: %j → card %s, ssn %s', (_name, value, card, ssn) => {
    expect(looksLikeCardNumber(value)).toBe(card);
    expect(looksLikeSSN(value)).toBe(ssn);
    expect(shouldCaptureValue(value)).toBe(!card && !ssn);
  });

  it('never captures null or undefined', () => {
    expect(shouldCaptureValue(null)).toBe(false);
    expect(shouldCaptureValue(undefined)).toBe(false);
  });

  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['378282246310005', true],
    ['0', true],
  ])('Luhn %s → %s', (digits, valid) => expect(passesLuhn(digits)).toBe(valid));
});

describe('makeSafeText (one text node)', () => {
  it.each([
    ['plain text', 'Buy now', 'Buy now'],
    ['trims', '  Buy now  ', 'Buy now'],
    ['line breaks become spaces', 'Line one\n  Line two\r\nthree', 'Line one Line two three'],
    ['runs of spaces collapse, tabs stay', 'a    b\t\tc', 'a b\t\tc'],
    ['card token dropped', 'Card 4111111111111111 ok', 'Card ok'],
    ['dashed card token dropped', 'Card 4111-1111-1111-1111 ok', 'Card ok'],
    ['ssn token dropped', 'ssn 123-45-6789 ok', 'ssn ok'],
    ['9-digit token dropped (looks like an SSN)', 'order 123456789 shipped', 'order shipped'],
    ['token with punctuation kept', 'ssn:123-45-6789', 'ssn:123-45-6789'],
    // posthog-js keeps the spaced card ("Card 4111 1111 1111 1111 and"); Lasso is stricter.
    ['spaced card number dropped (Lasso stricter)', 'Card 4111 1111 1111 1111 and 123-45-6789', 'Card and '],
    ['spaced digits that are not a card kept', 'Call 0800 123 4567', 'Call 0800 123 4567'],
    ['unicode kept', 'Café ☕ 日本語 🎉', 'Café ☕ 日本語 🎉'],
    ['cut to 255', 'x'.repeat(300), 'x'.repeat(255)],
    ['null', null, ''],
    ['a grouped card number on its own is dropped', '4111 1111 1111 1111', ''],
    ['Luhn-valid groups that are no card number stay', 'Code 0000 0000', 'Code 0000 0000'],
  ])('%s', (_name, input, expected) => {
    expect(makeSafeText(input)).toBe(expected);
  });
});

describe('names, types and classes', () => {
  it.each<[string[], boolean]>([
    [['ph-sensitive'], true],
    [['ph-no-capture'], true],
    [['card', 'ph-no-capture'], true],
    [['ph-include'], false],
    [['sensitive', 'no-capture'], false],
    [[], false],
  ])('blocking classes %j → %s', (classes, blocking) => expect(hasBlockingClass(classes)).toBe(blocking));

  it.each([
    ['cc-number', true],
    ['ccnum', true],
    ['card_number', true], // non-alphanumerics are stripped first
    ['cardnumber', true],
    ['credit-card', true],
    ['cvv', true],
    ['CVC', true],
    ['csc', true],
    ['exp-date', true],
    ['expiry', true],
    ['password', true],
    ['new_password', true],
    ['pwd', true],
    ['routing', true],
    ['ssn', true],
    ['social-sec', true],
    ['email', false],
    ['account', false], // "^cc" is anchored, the other alternatives are not
    ['', false],
    [undefined, false],
  ])('sensitive name %j → %s', (name, sensitive) => expect(isSensitiveName(name)).toBe(sensitive));

  it.each([
    ['password', true],
    ['PASSWORD', true],
    ['hidden', true],
    ['text', false],
    [undefined, false],
    [42, false],
  ])('excluded type %j → %s', (type, excluded) => expect(isExcludedType(type)).toBe(excluded));

  it.each([
    ['a b', ['a', 'b']],
    ['  a \n\t b  ', ['a', 'b']],
    ['a\u00a0b', ['a', 'b']], // JS whitespace, as posthog-js splits
    ['', []],
    [null, []],
  ])('splitClasses %j', (value, classes) => expect(splitClasses(value)).toEqual(classes));

  it.each([
    ['_ngcontent-abc', true],
    ['_nghost-xyz', true],
    ['ng-reflect', false],
    ['data-x', false],
  ])('angular attribute %s → %s', (name, angular) => expect(isAngularAttribute(name)).toBe(angular));
});

describe('element rules', () => {
  const facts = (over: Partial<ElementFacts>): ElementFacts => ({ tag: 'button', classes: [], blocked: false, ...over });

  it.each<[string, Partial<ElementFacts>, boolean]>([
    ['plain button', {}, true],
    ['password input', { tag: 'input', type: 'password' }, false],
    ['hidden input', { tag: 'input', type: 'hidden' }, false],
    ['text input', { tag: 'input', type: 'text' }, true],
    ['cc name', { tag: 'input', type: 'text', name: 'cc-number' }, false],
    ['cvv id (no name)', { tag: 'input', type: 'text', name: '', id: 'cvv' }, false],
    ['name wins over id', { tag: 'input', type: 'text', name: 'email', id: 'cvv' }, true],
    ['clobbered non-string name is ignored', { tag: 'form', name: {}, id: 'password' }, true],
    ['ph-no-capture / ph-sensitive on it or an ancestor', { blocked: true }, false],
    ['ph-include overrides a sensitive name', { name: 'cc-number', classes: ['ph-include'] }, true],
    ['ph-include overrides password type', { tag: 'input', type: 'password', classes: ['ph-include'] }, true],
    ['ph-include does not override ph-sensitive / ph-no-capture', { blocked: true, classes: ['ph-include'] }, false],
  ])('shouldCaptureElement: %s → %s', (_name, over, expected) => {
    expect(shouldCaptureElement(facts(over))).toBe(expected);
  });

  it.each<[string, Partial<ElementFacts>, boolean]>([
    ['text input', { tag: 'input', type: 'text' }, true],
    ['email input', { tag: 'input', type: 'email' }, true],
    ['password input', { tag: 'input', type: 'password' }, true],
    ['checkbox', { tag: 'input', type: 'checkbox' }, false],
    ['contenteditable checkbox', { tag: 'input', type: 'checkbox', contentEditable: 'true' }, true],
    ['submit input', { tag: 'input', type: 'submit' }, false],
    ['button input', { tag: 'input', type: 'button' }, false],
    ['reset input', { tag: 'input', type: 'reset' }, false],
    ['radio', { tag: 'input', type: 'radio' }, true],
    ['select', { tag: 'select' }, true],
    ['textarea', { tag: 'textarea' }, true],
    ['contenteditable="true"', { tag: 'div', contentEditable: 'true' }, true],
    ['contenteditable="" (posthog-js only checks "true")', { tag: 'div', contentEditable: '' }, false],
    ['button', { tag: 'button' }, false],
  ])('isSensitiveElement: %s → %s', (_name, over, expected) => {
    expect(isSensitiveElement(facts(over))).toBe(expected);
  });

  it.each<[string, string, string, boolean, boolean]>([
    ['ordinary attribute', 'data-attr', 'buy', false, true],
    ['card-like value', 'data-card', '4111 1111 1111 1111', false, false],
    ['ssn-like value', 'data-ssn', '123-45-6789', false, false],
    ['value containing a card is kept (whole-value rule)', 'aria-label', 'Pay with 4111111111111111', false, true],
    ['angular attribute', '_ngcontent-abc', '', false, false],
    ['sensitive element keeps name', 'name', 'email', true, true],
    ['sensitive element keeps id', 'id', 'field', true, true],
    ['sensitive element keeps class', 'class', 'input big', true, true],
    ['sensitive element keeps aria-label', 'aria-label', 'Email', true, true],
    ['sensitive element drops value', 'value', 'secret', true, false],
    ['sensitive element drops placeholder', 'placeholder', 'you@example.com', true, false],
    ['sensitive element drops type', 'type', 'email', true, false],
  ])('keepAttribute: %s', (_name, name, value, sensitive, kept) => {
    expect(keepAttribute(name, value, sensitive)).toBe(kept);
  });
});

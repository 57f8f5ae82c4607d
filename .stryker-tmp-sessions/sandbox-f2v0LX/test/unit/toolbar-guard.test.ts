// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { focusIsUsers, refusalOf, type ClickFacts, type Press } from '../../src/toolbar/guard';

const ok: Omit<ClickFacts, 'uncovered'> = { trusted: true, startedOnControl: true, keyboard: false, focusedByUser: false };

describe('refusalOf: may a click run a destructive control', () => {
  it.each<[string, Partial<ClickFacts>, boolean, ReturnType<typeof refusalOf>]>([
    ['the user’s click on the uncovered control', {}, true, null],
    ['a click the page made (.click(), dispatchEvent)', { trusted: false }, true, 'untrusted'],
    ['a press that started outside the toolbar or on another control', { startedOnControl: false }, true, 'started-outside'],
    ['a click while the page covers the toolbar there', {}, false, 'covered'],
    ['Enter on a control the user tabbed to', { keyboard: true, focusedByUser: true }, true, null],
    ['Enter on a control the page focused', { keyboard: true, focusedByUser: false }, true, 'focus-by-page'],
    ['Enter on a control the user tabbed to, under a cover', { keyboard: true, focusedByUser: true }, false, 'covered'],
    ['a pointer click does not need the focus', { keyboard: false, focusedByUser: false }, true, null],
    ['untrusted comes first', { trusted: false, startedOnControl: false, keyboard: true }, false, 'untrusted'],
  ])('%s', (_name, facts, uncovered, expected) => {
    expect(refusalOf({ ...ok, ...facts, uncovered: () => uncovered })).toBe(expected);
  });

  it('does not hit-test when an earlier rule refuses', () => {
    let asked = false;
    refusalOf({ ...ok, trusted: false, uncovered: () => (asked = true) });
    expect(asked).toBe(false);
  });
});

describe('focusIsUsers: who moved the focus into the toolbar', () => {
  const button = { id: 'button' } as unknown as EventTarget;
  const other = { id: 'other' } as unknown as EventTarget;
  it.each<[string, Press | null, EventTarget, boolean]>([
    ['no press of the user being handled (a script)', null, button, false],
    ['a key press (Tab, arrows handled by the toolbar) moves it anywhere', { key: true, path: [other] }, button, true],
    ['a pointer press on the control itself', { key: false, path: [button] }, button, true],
    ['a pointer press elsewhere while a script focuses another control', { key: false, path: [other] }, button, false],
  ])('%s', (_name, press, target, expected) => {
    expect(focusIsUsers(press, target)).toBe(expected);
  });
});

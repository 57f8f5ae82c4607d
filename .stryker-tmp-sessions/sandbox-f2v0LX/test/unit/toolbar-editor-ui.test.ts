// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../src/preview/preview';
import { PANEL_WIDTH } from '../../src/toolbar/state';
import { resizeEdge, RESIZE_STEP, RESIZE_STEP_BIG, widthForDrag, widthForKey } from '../../src/toolbar/ui/panel-resize';
import { typeSplit } from '../../src/toolbar/ui/type-split';

const w = (all: number, h1 = all) => ({ '1h': h1, '24h': all, '7d': all, '30d': all, all });

describe('typeSplit', () => {
  it.each<[string, PreviewResult['types'], string]>([
    ['a checkbox toggled once', { click: w(1), change: w(1) }, '1 click · 1 change'],
    ['autocapture order, plurals', { submit: w(1), change: w(4), click: w(4) }, '4 clicks · 4 changes · 1 submit'],
    ['untyped matches last, other types by name', { '': w(3), click: w(2), zoom: w(1) }, '2 clicks · 1 zoom · 3 other events'],
    ['nothing typed: nothing to split', { '': w(5) }, ''],
    ['no matches', {}, ''],
    ['big numbers are grouped', { click: w(12_345) }, '12,345 clicks'],
  ])('%s', (_name, types, want) => expect(typeSplit(types, 'all')).toBe(want));

  it('reads the window asked for, leaving out types without a match in it', () => {
    expect(typeSplit({ click: w(4, 0), change: w(4, 2) }, '1h')).toBe('2 changes');
  });
});

describe('panel resize', () => {
  it.each([
    ['right', 'left'],
    ['left', 'right'],
    ['float', 'right'],
  ] as const)('a panel docked %s is resized by its %s edge', (dock, edge) => expect(resizeEdge(dock)).toBe(edge));

  it.each<[string, number, string, boolean, 'left' | 'right', number | null]>([
    ['left edge: ArrowLeft widens', 380, 'ArrowLeft', false, 'left', 380 + RESIZE_STEP],
    ['left edge: ArrowRight narrows', 380, 'ArrowRight', false, 'left', 380 - RESIZE_STEP],
    ['right edge: ArrowRight widens', 380, 'ArrowRight', false, 'right', 380 + RESIZE_STEP],
    ['right edge: Shift+ArrowLeft narrows by a big step', 380, 'ArrowLeft', true, 'right', 380 - RESIZE_STEP_BIG],
    ['never below the minimum', PANEL_WIDTH.min + 3, 'ArrowRight', false, 'left', PANEL_WIDTH.min],
    ['never above the maximum', PANEL_WIDTH.max - 3, 'ArrowLeft', false, 'left', PANEL_WIDTH.max],
    ['Home: narrowest', 500, 'Home', false, 'left', PANEL_WIDTH.min],
    ['End: widest', 300, 'End', false, 'right', PANEL_WIDTH.max],
    ['other keys are not used', 380, 'Enter', false, 'left', null],
  ])('widthForKey: %s', (_name, width, key, shift, edge, want) => expect(widthForKey(width, key, shift, edge)).toBe(want));

  it.each<[number, number, 'left' | 'right', number]>([
    [380, -50, 'left', 430],
    [380, -50, 'right', 330],
    [380, 1000, 'right', PANEL_WIDTH.max],
    [380, 1000, 'left', PANEL_WIDTH.min],
  ])('widthForDrag(%d, dx %d, %s edge) = %d', (start, dx, edge, want) => expect(widthForDrag(start, dx, edge)).toBe(want));
});

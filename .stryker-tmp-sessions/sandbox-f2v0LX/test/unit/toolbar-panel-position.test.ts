// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { clampPanel, pastDragThreshold } from '../../src/toolbar/ui/panel-position';

const desktop = { width: 1280, height: 800 };

describe('clampPanel keeps the header (60 × 30 px at the top-left corner) inside the viewport', () => {
  it.each([
    ['normal position is kept', 300, 200, desktop, { x: 300, y: 200 }],
    ['top-left corner is kept', 0, 0, desktop, { x: 0, y: 0 }],
    ['exactly at the right/bottom limit is kept', 1220, 770, desktop, { x: 1220, y: 770 }],
    ['negative x (released left of the window)', -150, 200, desktop, { x: 0, y: 200 }],
    ['negative y (released above the window)', 300, -40, desktop, { x: 300, y: 0 }],
    ['both negative', -5, -5, desktop, { x: 0, y: 0 }],
    ['beyond the right edge', 1500, 200, desktop, { x: 1220, y: 200 }],
    ['beyond the bottom edge', 300, 2000, desktop, { x: 300, y: 770 }],
    ['saved on a wide monitor, shown in a narrow window', 2400, 900, { width: 800, height: 600 }, { x: 740, y: 570 }],
    ['viewport smaller than the margins pins to 0', 100, 100, { width: 40, height: 20 }, { x: 0, y: 0 }],
    ['viewport exactly the margins pins to 0', 10, 10, { width: 60, height: 30 }, { x: 0, y: 0 }],
    ['zero-size viewport (hidden iframe)', 50, 50, { width: 0, height: 0 }, { x: 0, y: 0 }],
    ['non-finite stored values become 0', Number.NaN, Number.POSITIVE_INFINITY, desktop, { x: 0, y: 0 }],
  ])('%s', (_name, x, y, viewport, want) => {
    expect(clampPanel(x, y, viewport)).toEqual(want);
  });
});

describe('pastDragThreshold: a drag starts only after more than 3 px of travel (|dx| + |dy|)', () => {
  it.each([
    [0, 0, false],
    [1, 1, false],
    [3, 0, false],
    [-2, 1, false],
    [4, 0, true],
    [0, -4, true],
    [2, 2, true],
    [-2, -2, true],
  ])('(%i, %i) → %s', (dx, dy, want) => {
    expect(pastDragThreshold(dx, dy)).toBe(want);
  });
});

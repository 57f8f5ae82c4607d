// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_HEIGHT as LH, intersect, isVisible, labelPosition, sizeText, type Box } from '../../src/toolbar/overlay/geometry';
import { createOverlay, type OutlineSpec } from '../../src/toolbar/overlay/overlay';

// happy-dom has no layout: rects are stubbed per element, the viewport is happy-dom's 1024 × 768.
const VIEWPORT = { width: window.innerWidth, height: window.innerHeight };
let controller: AbortController;
afterEach(() => controller?.abort());

function setup(count = 3) {
  document.body.innerHTML = '<div id="layer"></div>';
  const layer = document.getElementById('layer')!;
  const elements = Array.from({ length: count }, (_, i) => {
    const el = document.createElement('p');
    el.id = `e${i}`;
    document.body.append(el);
    return place(el, 10 + i, 100 + (i % 50) * 10, 50, 20);
  });
  controller = new AbortController();
  return { layer, elements, overlay: createOverlay(layer, window, controller.signal) };
}

/** Stubs `el`'s layout box. */
function place(el: Element, left: number, top: number, width: number, height: number): Element {
  el.getBoundingClientRect = () => new DOMRect(left, top, width, height);
  return el;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const shown = (layer: Element, className: string) =>
  [...layer.querySelectorAll<HTMLElement>(`.${className}`)].filter((d) => d.style.display !== 'none');
const geometry = (d: HTMLElement) => `${d.style.transform} ${d.style.width} ${d.style.height}`;
const specs = (elements: Element[], extra: Partial<OutlineSpec> = {}) => elements.map((element) => ({ element, ...extra }));

describe('outline', () => {
  it('places boxes from getBoundingClientRect, with tone classes', async () => {
    const { layer, elements, overlay } = setup(2);
    expect(overlay.outline('preview', specs(elements, { tone: 'candidate' }))).toEqual({ drawn: 2 });
    await frame();
    const boxes = shown(layer, 'lasso-outline');
    expect(boxes.map(geometry)).toEqual(['translate(10px, 100px) 50px 20px', 'translate(11px, 110px) 50px 20px']);
    expect(boxes.every((b) => b.className === 'lasso-outline lasso-outline--candidate')).toBe(true);
    expect(boxes.every((b) => b.style.position === 'fixed' && b.style.pointerEvents === 'none')).toBe(true);
  });

  it.each([
    ['window', () => window],
    ['a scroll container (scroll does not bubble: caught in the capture phase)', () => document.getElementById('e0')!],
  ])('follows its elements when %s scrolls, in one frame', async (_name, scroller) => {
    const { layer, elements, overlay } = setup(1);
    overlay.outline('preview', specs(elements));
    await frame();
    place(elements[0], 10, 40, 50, 20);
    scroller().dispatchEvent(new Event('scroll'));
    await frame();
    expect(shown(layer, 'lasso-outline').map(geometry)).toEqual(['translate(10px, 40px) 50px 20px']);
  });

  it('follows its elements on resize', async () => {
    const { layer, elements, overlay } = setup(1);
    overlay.outline('preview', specs(elements));
    await frame();
    place(elements[0], 0, 5, 60, 30);
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(shown(layer, 'lasso-outline').map(geometry)).toEqual(['translate(0px, 5px) 60px 30px']);
  });

  it('draws at most 1,000 boxes and says so', async () => {
    const { layer, elements, overlay } = setup(1500);
    expect(overlay.outline('heatmap', specs(elements, { tone: 'heat', heat: 0.5 }))).toEqual({ drawn: 1000 });
    await frame();
    expect(shown(layer, 'lasso-outline')).toHaveLength(1000);
    expect(shown(layer, 'lasso-outline')[0].style.getPropertyValue('--heat')).toBe('0.5');
  });

  it('hides disconnected and zero-size elements, and drops elements already disconnected', async () => {
    const { layer, elements, overlay } = setup(4);
    elements[3].remove();
    expect(overlay.outline('preview', specs(elements)).drawn).toBe(3);
    place(elements[1], 10, 10, 0, 0);
    await frame();
    expect(shown(layer, 'lasso-outline')).toHaveLength(2);
    elements[0].remove();
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(shown(layer, 'lasso-outline').map(geometry)).toEqual(['translate(12px, 120px) 50px 20px']);
  });

  it('hides elements entirely outside the viewport', async () => {
    const { layer, elements, overlay } = setup(1);
    place(elements[0], 10, VIEWPORT.height + 5, 50, 20);
    overlay.outline('preview', specs(elements));
    await frame();
    expect(shown(layer, 'lasso-outline')).toHaveLength(0);
  });

  it('clear(group) removes only that group, and divs are reused rather than recreated', async () => {
    const { layer, elements, overlay } = setup(3);
    overlay.outline('a', specs(elements.slice(0, 2), { label: '12 clicks' }));
    overlay.outline('b', specs(elements.slice(2), { tone: 'warn' }));
    await frame();
    const divs = layer.children.length;
    overlay.clear('a');
    expect(shown(layer, 'lasso-outline').map((d) => d.className)).toEqual(['lasso-outline lasso-outline--warn']);
    expect(shown(layer, 'lasso-outline-label')).toHaveLength(0);
    overlay.outline('a', specs(elements.slice(0, 2), { label: '12 clicks' }));
    await frame();
    expect(layer.children.length).toBe(divs);
    expect(shown(layer, 'lasso-outline-label').map((d) => d.textContent)).toEqual(['12 clicks', '12 clicks']);
    overlay.clear();
    expect(shown(layer, 'lasso-outline')).toHaveLength(0);
  });

  it('abort removes every div', async () => {
    const { layer, elements, overlay } = setup(2);
    overlay.outline('a', specs(elements));
    overlay.highlight(elements[0], 'p');
    await frame();
    controller.abort();
    expect(layer.children).toHaveLength(0);
  });
});

describe('highlight', () => {
  it('draws at once, with the label above and the size appended', () => {
    const { layer, elements, overlay } = setup(1);
    overlay.highlight(elements[0], 'p#e0');
    expect(shown(layer, 'lasso-hl').map(geometry)).toEqual(['translate(10px, 100px) 50px 20px']);
    const [label] = shown(layer, 'lasso-hl-label');
    expect(label.textContent).toBe('p#e0 · 50 × 20');
    expect(label.style.transform).toBe(`translate(10px, ${100 - LH}px)`);
  });

  it('flips the label below the box at the top edge, and hides on null', () => {
    const { layer, elements, overlay } = setup(1);
    place(elements[0], 10, 2, 50, 20);
    overlay.highlight(elements[0], 'p');
    expect(shown(layer, 'lasso-hl-label')[0].style.transform).toBe('translate(10px, 22px)');
    overlay.highlight(null);
    expect(shown(layer, 'lasso-hl')).toHaveLength(0);
    expect(shown(layer, 'lasso-hl-label')).toHaveLength(0);
  });

  it('has no label without label text', () => {
    const { layer, elements, overlay } = setup(1);
    overlay.highlight(elements[0]);
    expect(shown(layer, 'lasso-hl')).toHaveLength(1);
    expect(shown(layer, 'lasso-hl-label')).toHaveLength(0);
  });
});

describe('same-origin iframes', () => {
  it('adds the offset of the same-origin iframe an element is inside, and clips to it', async () => {
    const { layer, overlay } = setup(0);
    const iframe = document.createElement('iframe');
    iframe.setAttribute('srcdoc', '<button id="b">x</button>');
    document.body.append(iframe);
    await frame();
    Object.defineProperty(iframe.contentWindow!, 'frameElement', { value: iframe }); // happy-dom lacks it
    place(iframe, 100, 200, 300, 150);
    for (const [prop, value] of [['clientWidth', 300], ['clientHeight', 150]] as const) Object.defineProperty(iframe, prop, { value });
    const button = place(iframe.contentDocument!.getElementById('b')!, 5, 140, 40, 20);
    expect(overlay.rectOf(button).toJSON()).toMatchObject({ x: 105, y: 340, width: 40, height: 20 });
    overlay.outline('preview', [{ element: button }]);
    await frame();
    // The frame shows 150 px: the button's lower 10 px are scrolled out of it.
    expect(shown(layer, 'lasso-outline').map(geometry)).toEqual(['translate(105px, 340px) 40px 10px']);
    // Scrolling inside the iframe re-aligns too (its window has its own listeners).
    place(button, 5, 60, 40, 20);
    iframe.contentDocument!.dispatchEvent(new Event('scroll'));
    await frame();
    expect(shown(layer, 'lasso-outline').map(geometry)).toEqual(['translate(105px, 260px) 40px 20px']);
  });
});

describe('geometry', () => {
  const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });

  it.each([
    ['room above: above', box(10, 100, 50, 20), { x: 10, y: 100 - LH }],
    ['at the top edge: below', box(10, 5, 50, 20), { x: 10, y: 25 }],
    ['as tall as the viewport: inside its top', box(10, 5, 50, VIEWPORT.height), { x: 10, y: 5 }],
    ['starting above the viewport: inside at 0', box(-20, -50, 50, VIEWPORT.height + 100), { x: 0, y: 0 }],
  ])('label %s', (_name, b, position) => {
    expect(labelPosition(b, LH, VIEWPORT)).toEqual(position);
  });

  it.each([
    [box(0, 0, 10, 10), true],
    [box(0, 0, 0, 10), false],
    [box(-20, 0, 10, 10), false],
    [box(0, VIEWPORT.height, 10, 10), false],
    [box(-5, -5, 10, 10), true],
  ])('isVisible(%o) = %s', (b, visible) => {
    expect(isVisible(b, VIEWPORT)).toBe(visible);
  });

  it('intersects and sizes boxes', () => {
    expect(intersect(box(0, 0, 10, 10), box(5, 5, 10, 10))).toEqual(box(5, 5, 5, 5));
    expect(intersect(box(0, 0, 10, 10), box(20, 20, 5, 5))).toMatchObject({ width: 0, height: 0 });
    expect(sizeText(box(0, 0, 10.4, 20.6))).toBe('10 × 21');
  });
});

// @ts-nocheck
import { expect, test } from '@playwright/test';
import { useBundledPages } from '../support/page-bundle';

/**
 * Chain round-trip property test in Chromium: random elements with hostile attribute values,
 * class names, ids and text (quotes, backslashes, `; : =`, newlines, unicode, very long values).
 * `elementsChainFor(el)` parsed back with `parseElementsChain` must give back exactly what
 * autocapture recorded, and for the clicked element that must be its real tag, classes, id and
 * attributes (values cut to 1024 characters + "..." as posthog-js does). Seeded.
 */

const SEED = Number(process.env.LASSO_SEED ?? 424242);
const ELEMENTS = Number(process.env.LASSO_PAIRS ?? 600);

const pages = useBundledPages('lassoTest', ['src/autocapture/elements.ts', 'src/events/elements-chain.ts']);

interface Failure {
  what: string;
  html: string;
  chain: string;
  expected: unknown;
  actual: unknown;
}

function runRoundTrip({ seed, count }: { seed: number; count: number }): { checked: number; failures: Failure[] } {
  type El = { tag_name: string; attr_class: string[]; attr_id?: string; attributes: Record<string, string> };
  const L = (window as unknown as {
    lassoTest: { chainElementsFor(e: Element): El[]; serializeElementsChain(c: El[]): string; parseElementsChain(s: string): El[] };
  }).lassoTest;
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const PIECES = ['"', '\\', '\\"', '\\\\', ';', ':', '=', '="', '";', '\n', '\r\n', '\t', ' ', 'a', 'Z', '9', 'é', 'ß', '😀', '中文',
    'attr__x="y"', 'nth-child="3"', 'text=', '.', '..', "'", '<>', '&amp;', '%', '_', '\u00a0', '\u200b', '\\n', 'x;y:z="w"', '\\'];
  const hostile = (): string => {
    if (rnd() < 0.05) return 'long-' + 'ab"c\\;:='.repeat(int(130, 400)); // beyond the 1024 limit
    let out = '';
    for (let n = int(0, 8); n > 0; n--) out += pick(PIECES);
    return out;
  };
  const token = (): string => hostile().replace(/\s+/g, '') || 'k';
  const TAGS = ['div', 'span', 'section', 'p', 'li', 'ul', 'em', 'x-widget', 'label', 'article', 'nav'];
  const NAMES = ['data-x', 'title', 'data-y:z', 'aria-label', 'data-a.b', 'x-on:click', 'data-_u', 'role', 'data-long', 'alt'];

  /** JSON with sorted keys, so that field order does not count. */
  const canon = (v: unknown): string =>
    JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

  const root = document.createElement('div');
  root.id = 'roundtrip-root';
  document.body.append(root);
  const failures: Failure[] = [];
  let checked = 0;
  for (let k = 0; k < count && failures.length < 5; k++) {
    root.replaceChildren();
    let parent: Element = root;
    let el: Element = root;
    for (let depth = int(1, 6); depth > 0; depth--) {
      for (let sib = int(0, 2); sib > 0; sib--) parent.append(document.createElement(pick(TAGS)));
      el = document.createElement(pick(TAGS));
      if (rnd() < 0.7) el.className = Array.from({ length: int(1, 4) }, token).join(pick([' ', '  ', '\n', '\t']));
      if (rnd() < 0.5) el.id = token();
      for (let a = int(0, 4); a > 0; a--) {
        try {
          el.setAttribute(pick(NAMES), hostile());
        } catch {
          // not a valid attribute name in this browser: skip it
        }
      }
      if (rnd() < 0.5) el.append(hostile());
      parent.append(el);
      parent = el;
    }
    const built = L.chainElementsFor(el);
    const chain = L.serializeElementsChain(built);
    const parsed = L.parseElementsChain(chain);
    checked++;
    const fail = (what: string, expected: unknown, actual: unknown) =>
      failures.push({ what, html: el.outerHTML.slice(0, 400), chain: chain.slice(0, 800), expected, actual });
    if (canon(parsed) !== canon(built)) {
      const i = built.findIndex((b, n) => canon(b) !== canon(parsed[n]));
      fail(`parse(serialize(chain)) differs from the recorded chain at element ${i}`, built[i] ?? null, parsed[i] ?? parsed.slice(built.length));
      continue;
    }
    // The clicked element against the DOM itself.
    const first = parsed[0];
    const cut = (v: string) => (v.length > 1024 ? v.slice(0, 1024) + '...' : v);
    const classTokens = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    // posthog-js reads the classes back from the (cut) class attribute it recorded.
    const classes = cut(classTokens.join(' ')).split(' ').filter(Boolean).sort();
    const expectedAttrs: Record<string, string> = {};
    for (const a of el.attributes) expectedAttrs['attr__' + a.name] = cut(a.name === 'class' ? classTokens.join(' ') : a.value);
    const actual = { tag: first.tag_name, classes: first.attr_class, id: first.attr_id ?? '', attributes: first.attributes };
    const expected = { tag: el.localName, classes, id: el.id ? cut(el.id) : '', attributes: expectedAttrs };
    if (canon(actual) !== canon(expected)) fail('the clicked element differs from the DOM', expected, actual);
  }
  root.remove();
  return { checked, failures };
}

test('elements chains round-trip hostile values exactly', async () => {
  const page = await pages.open('/index.html');
  const { checked, failures } = await page.evaluate(runRoundTrip, { seed: SEED, count: ELEMENTS });
  await page.close();
  console.log(`${checked} random elements round-tripped, seed ${SEED}`);
  for (const f of failures.slice(0, 1)) {
    console.log(`${f.what}\n  element: ${f.html}\n  chain: ${JSON.stringify(f.chain)}`);
    expect(f.actual, f.what).toEqual(f.expected);
  }
  expect(failures).toEqual([]);
  expect(checked).toBe(ELEMENTS);
});

/**
 * Detection of ids and class names that frameworks and build tools generate. Such names change
 * between builds, renders or page loads, so an action whose selector uses one silently stops
 * matching. Pure string logic, no DOM.
 */
// @ts-nocheck


/** Whole-token patterns of known generators. Each comment names the tool and an example. */
const GENERATED_PATTERNS: RegExp[] = [
  /^:[rR][0-9a-zA-Z]*:$/, // React 18 useId  `:r5:`, `:R2kq:`
  /^«[rR][0-9a-zA-Z]*»$/, // React 19.0 useId  `«r5»`
  /^_[rR]_[0-9a-zA-Z]+_$/, // React 19.1+ useId  `_r_5_`
  /:[rR][0-9a-zA-Z]*:|«[rR][0-9a-zA-Z]*»/, // an id built around useId  `field-:r3:-label`
  /^radix-/, // Radix UI  `radix-:r1:`, `radix-12`
  /^headlessui-/, // Headless UI  `headlessui-menu-button-1`
  /^mui-\d/, // MUI useId  `mui-12345`
  /^(?:Mui|makeStyles-|jss)[\w-]*-\d+$/, // JSS in MUI v4  `MuiButton-root-123`, `makeStyles-root-4`
  /^jss\d+$/, // JSS  `jss123`
  /^css-(?=[a-z0-9]*\d)[a-z0-9]{4,}(?:-[\w-]+)?$/, // Emotion  `css-1x2y3z`, `css-1hwfws3-Button`
  /^sc-[a-zA-Z0-9]+$/, // styled-components component id  `sc-bdVaJa`
  /^jsx-\d+$/, // styled-jsx  `jsx-123456`
  /^e\d[a-z0-9]{4,}$/, // Emotion styled  `e1abc2d3`
  /^svelte-[a-z0-9]{5,}$/, // Svelte scoped styles  `svelte-1abc2de`
  /^astro-[A-Z0-9]{6,}$/, // Astro scoped styles  `astro-J7PV25F6`
  /^ember\d+$/, // Ember views  `ember123`
  /^ng-tns-c\d+-\d+$/, // Angular animations  `ng-tns-c12-3`
  /^[\d_-]+$/, // purely numeric  `12345`, `123-456`
  /\d{5,}/, // a long run of digits (timestamps, database ids)  `post-1700000000`
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
];

/**
 * CSS modules: `[name]_[local]__[hash]` (Next.js) or `[name]__[local]___[hash]` (css-loader).
 * The hash must contain a digit so that BEM names like `card__title` are not caught.
 */
const CSS_MODULE = /^[A-Za-z][\w-]*?_{1,2}[A-Za-z0-9-]+_{2,3}([A-Za-z0-9_-]{5,})$/;

/** Letter/digit alternations, a sign of a random segment (`a8f7d6` has 5, `base64` has 1). */
function alternations(segment: string): number {
  let count = 0;
  for (let i = 1; i < segment.length; i++) {
    if (/\d/.test(segment[i]) !== /\d/.test(segment[i - 1])) count++;
  }
  return count;
}

/** Lower/upper case switches (`kFpTeE` has 5, `userProfile` has 2). */
function caseSwitches(segment: string): number {
  let count = 0;
  for (let i = 1; i < segment.length; i++) {
    const upper = (c: string) => c !== c.toLowerCase();
    if (upper(segment[i]) !== upper(segment[i - 1])) count++;
  }
  return count;
}

/** One `-` / `_` / `:` / `/`-separated part of a token that looks random. */
function isRandomSegment(segment: string): boolean {
  const letters = segment.replace(/[^a-zA-Z]/g, '').length;
  const digits = segment.replace(/\D/g, '').length;
  if (segment.length >= 6 && letters > 0 && digits > 0 && alternations(segment) >= 3) return true;
  // Hex hashes: `a3f9c2e1`
  if (segment.length >= 8 && digits > 0 && /^[0-9a-f]+$/i.test(segment)) return true;
  // styled-components' hashed class: `kFpTeE`, `bZzKdy` (short, letters only, case flipping)
  return /^[a-zA-Z]{5,10}$/.test(segment) && caseSwitches(segment) >= 4;
}

/**
 * True when an id or class name looks generated (React `:r5:`, Radix, MUI, Headless UI, Emotion
 * `css-1x2y3z`, styled-components `sc-…`, styled-jsx, CSS modules, Ember, numeric ids, long
 * random tokens) and so should not be used in a selector. Tailwind utilities (`md:flex`,
 * `w-1/2`, `hover:bg-blue-500`, `w-[37px]`) are human-written and return false.
 */
export function isGeneratedName(token: string): boolean {
  if (!token) return false;
  let known = verdicts.get(token);
  if (known === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(token, (known = judgeName(token)));
  }
  return known;
}

/**
 * Verdicts by token: a page repeats the same few hundred class names on thousands of elements,
 * and finding similar elements asks about every one of them. Bounded: cleared when full.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

function judgeName(token: string): boolean {
  if (GENERATED_PATTERNS.some((re) => re.test(token))) return true;
  const module = CSS_MODULE.exec(token);
  if (module && /\d/.test(module[1])) return true;
  return token.split(/[-_:/]+/).some(isRandomSegment);
}

/**
 * For attribute values (`data-product-id="2"`, `data-testid="…"`): like isGeneratedName, except
 * that plain numbers are data (a product id), not build output.
 */
export function isGeneratedValue(value: string): boolean {
  return !/^\d{1,9}$/.test(value) && isGeneratedName(value);
}

import { describe, expect, it } from 'vitest';
import { isGeneratedName, isGeneratedValue } from '../../src/selectors/generated-names';

describe('isGeneratedName', () => {
  it.each([
    [':r5:', 'React 18 useId'],
    [':R2kq:', 'React 18 useId (server)'],
    ['«r5»', 'React 19.0 useId'],
    ['_r_1f_', 'React 19.1 useId'],
    ['field-:r3:-label', 'id built around useId'],
    ['radix-:r1:', 'Radix'],
    ['radix-12', 'Radix (numeric)'],
    ['headlessui-menu-button-1', 'Headless UI'],
    ['mui-12345', 'MUI useId'],
    ['MuiButton-root-123', 'MUI v4 JSS'],
    ['makeStyles-root-4', 'MUI makeStyles'],
    ['jss123', 'JSS'],
    ['css-1x2y3z', 'Emotion hash'],
    ['css-1hwfws3-Button', 'Emotion hash with label'],
    ['sc-bdVaJa', 'styled-components id'],
    ['kFpTeE', 'styled-components hashed class'],
    ['jsx-123456', 'styled-jsx'],
    ['e1abc2d3', 'Emotion styled'],
    ['Button_primary__3xYz1', 'CSS modules (Next.js)'],
    ['Button__primary___2pQr9', 'CSS modules (css-loader)'],
    ['svelte-1abc2de', 'Svelte'],
    ['astro-J7PV25F6', 'Astro'],
    ['ember123', 'Ember'],
    ['ng-tns-c12-3', 'Angular animations'],
    ['12345', 'numeric id'],
    ['4', 'single-digit id'],
    ['post-1700000000', 'timestamp'],
    ['a8f7d6e5c4b3', 'long random token'],
    ['x7Kq9pL2wZ', 'mixed random token'],
    ['3f2a9c1e-8b7d-4c6e-9f0a-1b2c3d4e5f60', 'UUID'],
  ])('%s is generated (%s)', (token) => {
    expect(isGeneratedName(token)).toBe(true);
  });

  it.each([
    ['signup-button', 'kebab case'],
    ['btn', 'short word'],
    ['btn-primary', 'Bootstrap'],
    ['card__title', 'BEM element'],
    ['card__title--active', 'BEM modifier'],
    ['userProfile', 'camel case'],
    ['MuiButton-root', 'MUI v5 stable class'],
    ['md:flex', 'Tailwind responsive'],
    ['hover:bg-blue-500', 'Tailwind state'],
    ['w-1/2', 'Tailwind fraction'],
    ['w-[37px]', 'Tailwind arbitrary value'],
    ['grid-cols-12', 'Tailwind grid'],
    ['col-md-6', 'Bootstrap grid'],
    ['item-3', 'short numbered name'],
    ['add-to-cart-1', 'numbered test id'],
    ['bench-btn-0', 'numbered id'],
    ['h1', 'heading-like'],
    ['base64', 'word with digits'],
    ['css-grid', 'css- prefix without a hash'],
    ['iPhone', 'brand name'],
    ['product-grid', 'layout id'],
    ['ph-no-capture', 'PostHog control class'],
    ['', 'empty'],
  ])('%s is not generated (%s)', (token) => {
    expect(isGeneratedName(token)).toBe(false);
  });
});

describe('isGeneratedValue (attribute values)', () => {
  it.each([
    ['2', false],
    ['123456789', false],
    ['add-to-cart', false],
    ['1700000000123', true],
    ['a8f7d6e5c4b3', true],
    [':r5:', true],
  ])('%s → %s', (value, expected) => {
    expect(isGeneratedValue(value)).toBe(expected);
  });
});

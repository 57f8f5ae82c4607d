import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { playwrightSnippet } from '../../src/actions/io';
import { commentText, cssString, escapeRegExp, toJsRegex } from '../../src/actions/io/pw-literals';
import type { ActionDefinition, ActionStep } from '../../src/actions/types';

const URL = 'https://shop.example.com/pricing';
const one = (step: ActionStep, name = 'Clicked sign up'): ActionDefinition => ({ name, steps: [{ event: '$autocapture', ...step }] });

/** Syntax errors of `source` as TypeScript (transpileModule reports syntactic diagnostics). */
function syntaxErrors(source: string): string[] {
  const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('playwrightSnippet', () => {
  it.each<[string, ActionDefinition, string[]]>([
    ['selector + exact text', one({ selector: 'main button.signup', text: 'Sign up' }), [
      'await page.goto("https://shop.example.com/pricing");',
      'await expect(page.locator("main button.signup").filter({ hasText: new RegExp("^Sign up$") })).not.toHaveCount(0);',
    ]],
    ['text only, exact', one({ text: 'Sign up' }), ['await expect(page.getByText("Sign up", { exact: true })).not.toHaveCount(0);']],
    ['text only, contains with a LIKE wildcard', one({ text: 'sign%up', text_matching: 'contains' }), ['page.getByText(new RegExp("sign.*up", "i"))']],
    ['text regex with (?i)', one({ selector: 'a', text: '(?i)^docs', text_matching: 'regex' }), ['.filter({ hasText: new RegExp("^docs", "i") })']],
    ['href exact with a selector', one({ selector: 'nav a', href: '/docs' }), ['page.locator(":is(nav a):is([href=\\"/docs\\"]), :is([href=\\"/docs\\"]) :is(nav a)")']],
    ['href contains alone', one({ href: '/docs', href_matching: 'contains' }), ['page.locator("[href*=\\"/docs\\" i]")']],
    ['href regex', one({ href: '^/docs/\\d+$', href_matching: 'regex' }), [
      'const hrefs = await page.locator("[href]").evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));',
      'expect(hrefs.some((href) => new RegExp("^/docs/\\\\d+$").test(href))).toBe(true);',
    ]],
    ['tag_name with a selector', one({ selector: '.cta', tag_name: 'button' }), ['page.locator(":is(.cta):is(button), :is(button) :is(.cta)")']],
    ['url exact', one({ selector: 'a', url: URL, url_matching: 'exact' }), ['await expect(page).toHaveURL("https://shop.example.com/pricing");']],
    ['url contains', one({ selector: 'a', url: '/pricing' }), ['await expect(page).toHaveURL(new RegExp("/pricing"));']],
    ['url regex', one({ selector: 'a', url: 'pricing$', url_matching: 'regex' }), ['await expect(page).toHaveURL(new RegExp("pricing$"));']],
    ['step without element conditions', { name: 'Viewed pricing', steps: [{ event: '$pageview', url: '/pricing' }] }, [
      '// step 1 sets no element condition (event "$pageview"; url contains "/pricing"); nothing to look for on the page.',
    ]],
    ['property filters noted', one({ selector: 'a', properties: [{ key: 'plan', value: 'pro' }] }), ['// 1 property filter(s), not checked here']],
    ['RE2 syntax JavaScript cannot run', one({ selector: 'a', text: '(?s)a.b', text_matching: 'regex' }), ['// text not checked: RE2 pattern "(?s)a.b" does not run in JavaScript']],
  ])('%s', (_name, action, expected) => {
    const source = playwrightSnippet(action, URL);
    expect(syntaxErrors(source)).toEqual([]);
    expect(source).toContain("import { test, expect } from '@playwright/test';");
    for (const line of expected) expect(source).toContain(line);
  });

  it('wraps each step with element conditions in test.step', () => {
    const source = playwrightSnippet({ name: 'Two', steps: [{ selector: 'a' }, { event: '$pageview' }, { selector: 'b' }] }, URL);
    expect(source.match(/await test\.step\(/g)).toHaveLength(2);
    expect(source).toContain('await test.step("step 3", async () => {');
  });

  it.each([
    ['a line break and a comment end', 'Sign up\n*/ process.exit(1); //'],
    ['quotes, backticks and template syntax', 'It\'s "quoted" `tick` ${x}'],
    ['unicode line separators', 'a\u2028b\u2029c'],
    ['backslashes', 'C:\\path\\'],
  ])('escapes hostile strings (%s) into valid TypeScript', (_name, hostile) => {
    const action: ActionDefinition = { name: hostile, steps: [{ event: hostile, selector: `[title="${hostile.replace(/["\\\n]/g, '')}"]`, text: hostile, href: hostile, url: hostile, url_matching: 'exact' }, { event: hostile }] };
    const source = playwrightSnippet(action, hostile);
    expect(syntaxErrors(source)).toEqual([]);
    expect(source).toContain(`test(${JSON.stringify(hostile)}, async ({ page }) => {`);
    expect(source).toContain(`await page.goto(${JSON.stringify(hostile)});`);
    // Every comment stays on one line: no line of the output starts with injected code.
    expect(source).not.toMatch(/^\s*\*\/ process/m);
  });
});

describe('literal helpers', () => {
  it.each<[string, string, string]>([
    ['commentText', commentText('a\nb\r\nc\u2028d'), 'a b  c d'],
    ['escapeRegExp', escapeRegExp('a.b*(c)'), 'a\\.b\\*\\(c\\)'],
    ['escapeRegExp backslash', escapeRegExp('a\\b'), 'a\\\\b'],
    ['cssString quote', cssString('say "hi"'), '"say \\"hi\\""'],
    ['cssString backslash', cssString('a\\b'), '"a\\\\b"'],
    ['cssString newline as a CSS hex escape', cssString('a\nb'), '"a\\a b"'],
    ['cssString DEL', cssString('\u007f'), '"\\7f "'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each<[string, string, { source: string; flags: string }]>([
    ['(?P< named group becomes JS (?<', '(?P<id>\\d+)', { source: '(?<id>\\d+)', flags: '' }],
    ['(?i) becomes the i flag', '(?i)sign', { source: 'sign', flags: 'i' }],
  ])('toJsRegex: %s', (_name, pattern, expected) => {
    expect(toJsRegex(pattern, 'regex', false)).toEqual(expected);
  });
});

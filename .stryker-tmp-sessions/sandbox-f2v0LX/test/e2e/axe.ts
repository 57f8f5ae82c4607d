// @ts-nocheck
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** One axe violation, reduced to what a reader needs: rule, impact, and each failing element. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** A readable list of violations: one block per rule, one line per failing element (pure). */
export function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => [`${f.rule} (${f.impact}): ${f.help}`, ...f.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n\s*/g, '; ')}`)].join('\n'))
    .join('\n');
}

/**
 * Run axe-core (WCAG 2 A/AA rules and best practices) on `page` — the whole document, or only
 * the elements matching `include` (e.g. the toolbar's shadow host: axe descends into open
 * shadow roots) — and fail with every violation listed by rule, target and summary.
 *
 * axe's source is evaluated through the DevTools protocol rather than added as a <script>, so
 * extension pages (whose CSP refuses inline scripts) can be checked too; `label` names the
 * state in the failure message (e.g. "toolbar, Element tab, dark").
 */
export async function expectNoAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const findings = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe;
    // axe lays out its colour-contrast grid from <body> only; the toolbar's host hangs on <html>
    // (so pages that replace <body> keep it), where axe would leave every colour "unknown".
    // Move such hosts into <body> for the check (fixed position: nothing moves) and back after.
    const moved = selector ? [...document.querySelectorAll(selector)].filter((e) => e.parentElement === document.documentElement) : [];
    for (const e of moved) document.body.append(e);
    const result = await run
      .run(selector ? { include: [[selector]] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      })
      .finally(() => {
        for (const e of moved) document.documentElement.append(e);
      });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
    }));
  }, include ?? null);
  if (findings.length) throw new Error(`axe found ${findings.length} violation(s) in ${label}:\n${formatFindings(findings)}`);
}

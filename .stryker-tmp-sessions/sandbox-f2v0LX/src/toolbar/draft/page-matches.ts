// @ts-nocheck
import { AUTOCAPTURE_TAGS, tagOf } from '../../autocapture/elements';
import { compileAction, type CompiledAction } from '../../actions/compile';
import { eventForClickOn } from '../../actions/element';
import { batchPositions } from '../../autocapture/elements';
import type { CaptureEvent } from '../../events/types';
import { ActionValidationError } from '../../actions/errors';
import type { ActionStep } from '../../actions/types';
import { collectPageElements, hrefPrefilter, selectorPrefilter, tagPrefilter, type PageElements, type Prefilter } from './page-walk';

/**
 * "On the page" preview (DOM): which live elements match a draft, judged by the compiled
 * matcher on the event a click would record (what `matchesElement` does) — the same code that
 * matches stored events.
 *
 * Counting rule. A click on an element matches a selector when the element *or an ancestor*
 * does (closest), so every descendant of a matching card would match too. An element is counted
 * when `matchesElement` is true for it and no ancestor of it (in the same chain: across shadow
 * roots to the host, not out of an iframe) also matched for this step — unless the element is
 * itself an autocapture tag (a, button, form, input, select, textarea, label): a button inside a
 * matching card is a control of its own whose clicks record their own events, while a span inside
 * a matching link is just part of that link.
 */

/** One step's matches on the page. */
export interface StepPageMatches {
  /** Elements counted, in document order (see the counting rule above). */
  count: number;
  elements: Element[];
  /** A `$pageview`, custom event or element-less step: nothing on a page can match it by a click. */
  notElementStep?: true;
}

/** Matches of every step, and all counted elements (each once, in document order). */
export interface PageMatches {
  perStep: StepPageMatches[];
  elements: Element[];
}

/**
 * The `$autocapture` event a click on each element would record (eventForClickOn), kept between
 * calls. Building it is most of the cost, and it depends only on the page: the caller replaces the
 * cache (new WeakMap) whenever the page changes (DOM mutation, URL change), never on draft edits.
 */
export type ClickEventCache = WeakMap<Element, CaptureEvent>;

/** Options of pageMatches. */
export interface PageMatchesOptions {
  /** Reuse click events across calls (see ClickEventCache); without it, each call builds its own. */
  events?: ClickEventCache;
}

/** Why there is no preview: the steps do not compile (the matcher's message, with its path). */
export interface PageMatchesError {
  error: string;
}

/** Does the step describe clicks on elements: `$autocapture` or any event, with an element condition? */
export function isElementStep(step: ActionStep): boolean {
  if (step.event && step.event !== '$autocapture') return false;
  return !!(step.selector || step.text || step.href || step.tag_name || (step.properties ?? []).some((p) => p?.type === 'element'));
}

/**
 * Candidates must pass every prefilter, on themselves or a chain ancestor; with none, every
 * element is a candidate. Text conditions are not prefiltered: recorded text is pieced together
 * from text nodes and nested spans, so no cheap DOM test is a safe superset of it.
 */
function prefiltersOf(step: ActionStep): Prefilter[] {
  const out: Prefilter[] = [];
  const bySelector = step.selector ? selectorPrefilter(step.selector) : null;
  if (bySelector) out.push(bySelector);
  if (step.tag_name) out.push(tagPrefilter(step.tag_name));
  if (step.href) out.push(hrefPrefilter());
  return out;
}

/** `inside[i]`: element i or one of its chain ancestors passes `test`. */
function insideOf(page: PageElements, test: Prefilter): Uint8Array {
  const inside = new Uint8Array(page.els.length);
  for (let i = 0; i < page.els.length; i++) {
    const p = page.parent[i];
    inside[i] = (p >= 0 && inside[p]) || test(page.els[i]) ? 1 : 0;
  }
  return inside;
}

/**
 * `compiled.matchesElement(el)` is `compiled.matches(eventForClickOn(el))`; calling the two halves
 * here lets every step (and call) share one event per element. Same code, same answers.
 */
function clickMatcher(events: ClickEventCache): (compiled: CompiledAction, el: Element) => boolean {
  return (compiled, el) => {
    let event = events.get(el);
    if (!event) events.set(el, (event = eventForClickOn(el)));
    return compiled.matches(event);
  };
}

function stepMatches(page: PageElements, step: ActionStep, compiled: CompiledAction, test: ReturnType<typeof clickMatcher>): StepPageMatches {
  const n = page.els.length;
  const insides = prefiltersOf(step).map((f) => insideOf(page, f));
  const matched = new Uint8Array(n);
  /** Element i has a chain ancestor that matched. Pre-order: parents come before children. */
  const underMatch = new Uint8Array(n);
  const elements: Element[] = [];
  for (let i = 0; i < n; i++) {
    const p = page.parent[i];
    underMatch[i] = p >= 0 && (matched[p] || underMatch[p]) ? 1 : 0;
    if (!insides.every((inside) => inside[i])) continue;
    const el = page.els[i];
    // Under a match, only a control can still count, and its descendants are under a match
    // whatever it is: skipping the (costly) matcher call changes no result.
    if (underMatch[i] && !AUTOCAPTURE_TAGS.includes(tagOf(el))) continue;
    if (!test(compiled, el)) continue;
    matched[i] = 1;
    elements.push(el);
  }
  return { count: elements.length, elements };
}

/**
 * Which elements under `roots` match each step (see the counting rule in the module comment).
 * Steps that are not element steps report count 0 and `notElementStep: true`. A step list that
 * does not compile gives `{ error }` with the matcher's first message.
 */
export function pageMatches(steps: readonly ActionStep[], roots: readonly ParentNode[], options: PageMatchesOptions = {}): PageMatches | PageMatchesError {
  if (!steps.length) return { perStep: [], elements: [] };
  let compiled: CompiledAction[];
  try {
    compileAction({ steps: [...steps] }); // the first error, with its real step index
    compiled = steps.map((step) => compileAction({ steps: [step] }));
  } catch (error) {
    if (error instanceof ActionValidationError) return { error: error.message };
    throw error;
  }
  const page = collectPageElements(roots);
  const test = clickMatcher(options.events ?? new WeakMap());
  const perStep = batchPositions(() =>
    steps.map((step, s): StepPageMatches =>
      isElementStep(step) ? stepMatches(page, step, compiled[s], test) : { count: 0, elements: [], notElementStep: true },
    ),
  );
  const counted = new Set(perStep.flatMap((r) => r.elements));
  return { perStep, elements: page.els.filter((el) => counted.has(el)) };
}

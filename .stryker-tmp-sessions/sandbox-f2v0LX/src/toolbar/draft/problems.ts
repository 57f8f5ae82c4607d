// @ts-nocheck
import { validateAction } from '../../actions/compile';
import { draftStepToAction, draftToAction } from './convert';
import type { Draft, DraftProblems, StepFieldName } from './types';

/**
 * Problems of a draft, keyed by the draft field they belong under (see DraftProblems). The
 * messages are the matcher's own (validateAction), without the stored-shape path prefix, plus the
 * few things only the editor can see (a ticked field left empty would silently set no condition).
 */

const STEP_FIELD: Record<string, string> = {
  event: 'event', selector: 'selector', text: 'text', text_matching: 'text', href: 'href', href_matching: 'href',
  url: 'url', url_matching: 'url', tag_name: 'tagName', properties: 'properties',
};
const FIELDS: StepFieldName[] = ['selector', 'text', 'href', 'url', 'tagName'];

/**
 * A stored-shape path (`steps[1].properties[2].value`) as a draft key (`steps.1.properties.2`)
 * plus what is left of it (`value`), which goes in front of the message. Indexes map one to one
 * because draftToAction never drops a step or a filter.
 */
export function draftKey(path: string): { key: string; rest: string } {
  const m = /^steps\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?(?:\.?(.*))?$/.exec(path);
  if (!m) return { key: path, rest: '' };
  const [, step, name, index, tail = ''] = m;
  const mapped = name === undefined ? undefined : STEP_FIELD[name];
  if (name === undefined) return { key: `steps.${step}`, rest: tail };
  if (mapped === undefined) return { key: `steps.${step}`, rest: path.slice(`steps[${step}].`.length) };
  if (mapped === 'properties' && index !== undefined) return { key: `steps.${step}.properties.${index}`, rest: tail };
  return { key: `steps.${step}.${mapped}`, rest: index !== undefined ? `[${index}]${tail ? `.${tail}` : ''}` : tail };
}

function add(out: DraftProblems, key: string, message: string): void {
  const list = out.get(key);
  if (!list) out.set(key, [message]);
  else if (!list.includes(message)) list.push(message);
}

/** Adds one `{path, message}` problem (message possibly prefixed by its path) under its draft key. */
function addProblem(out: DraftProblems, path: string, message: string): void {
  const { key, rest } = draftKey(path);
  const bare = path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  add(out, key, rest ? `${rest}: ${bare}` : bare);
}

/**
 * Every problem of the draft. `requireName` (saving requires it) also reports a blank name;
 * while the user is still typing an editor may leave it off.
 */
export function draftProblems(draft: Draft, opts: { requireName?: boolean } = {}): DraftProblems {
  const out: DraftProblems = new Map();
  draft.steps.forEach((step, i) => {
    for (const f of FIELDS) {
      if (step[f].enabled && step[f].value.trim() === '') add(out, `steps.${i}.${f}`, 'ticked but empty — fill it in or untick it');
    }
  });
  for (const e of validateAction(draftToAction(draft), opts)) addProblem(out, e.path, e.message);
  return out;
}

/** The problems a refused save returned (`{path, message}` in the stored shape), keyed like draftProblems. */
export function problemsFromSave(problems: readonly { path: string; message: string }[]): DraftProblems {
  const out: DraftProblems = new Map();
  for (const p of problems) addProblem(out, p.path, p.message);
  return out;
}

/** Save is enabled exactly when the draft, name included, has no problem. */
export function canSave(draft: Draft): boolean {
  return draftProblems(draft, { requireName: true }).size === 0;
}

/**
 * Things worth a warning that do not block saving, keyed like draftProblems: a step that sets
 * no condition matches every event; an element step with no element condition ticked matches
 * every click.
 */
export function draftWarnings(draft: Draft): DraftProblems {
  const out: DraftProblems = new Map();
  draft.steps.forEach((step, i) => {
    const stored = draftStepToAction(step);
    if (!Object.keys(stored).length) add(out, `steps.${i}`, 'this step sets no condition, so it matches every event');
    else if (step.kind === 'element' && !stored.selector && !stored.text && !stored.href && !stored.tag_name && !(stored.properties ?? []).some((p) => p.type === 'element')) {
      add(out, `steps.${i}`, 'no element condition is ticked, so this step matches every click');
    }
  });
  return out;
}

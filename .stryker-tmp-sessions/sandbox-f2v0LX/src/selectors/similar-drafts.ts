// @ts-nocheck
import { ElementPrivacy, classesOf, tagOf } from '../autocapture/elements';
import { type Draft, attributeSelector, classSelector, idSelector, isQuotable, tagSelector } from './css';
import { matchingDataAttributes } from './drafts';
import { isGeneratedName, isGeneratedValue } from './generated-names';
import type { SimilarGroup } from './similar';

/**
 * Drafts meant to match every similar element and nothing else, never by position: what the
 * elements have in common (a data attribute, stable classes, aria-label / name / role / type),
 * alone or under what the items have in common (`li.todo`, `[data-row]`, `tr`) or under the list
 * that holds them (`#todo-list`, `ul.todo-list`). Which of them really match exactly the similar
 * elements is decided by the caller (index.ts), which counts them.
 */

/** Ancestors of the items (the list, its section) that may name the list. */
const CONTAINER_LEVELS = 3;
/** Drafts tried at most (each is a page query). */
const MAX_DRAFTS = 48;
/** As for text candidates: longer texts make poor conditions. */
const MAX_TEXT_LENGTH = 80;

/** Similar elements whose text is compared before proposing a text draft (the check that follows is exact). */
const TEXT_SAMPLE = 24;

/** The text the chain records for the first of `els`, when a sample of them all record the same. */
function sameText(els: readonly Element[]): string | null {
  const privacy = new ElementPrivacy();
  const text = privacy.elementText(els[0]);
  return text && text.length <= MAX_TEXT_LENGTH && els.slice(0, TEXT_SAMPLE).every((e) => privacy.elementText(e) === text) ? text : null;
}

type Own = { selector: string; kind: Draft['kind']; via?: string; classCount?: number };

const common = <T>(lists: T[][]): T[] => lists.reduce((acc, list) => acc.filter((x) => list.includes(x)));
const stable = (el: Element): string[] => classesOf(el).filter((c) => !c.startsWith('ph-') && !isGeneratedName(c));
const sameValue = (els: readonly Element[], name: string): string | null => {
  const value = els[0].getAttribute(name);
  return value !== null && isQuotable(value) && els.every((e) => e.getAttribute(name) === value) ? value : null;
};

/** What every one of `els` has itself: configured attributes, classes, aria/name/role/type, else its tag. */
function commonCompounds(els: readonly Element[], dataAttributes: readonly string[]): Own[] {
  const first = els[0];
  const tag = tagSelector(first);
  const out: Own[] = [];
  // Only equal values: PostHog honours `[name=value]` alone (no presence or prefix tests).
  for (const name of common(els.map((e) => matchingDataAttributes(e, dataAttributes)))) {
    const value = sameValue(els, name);
    if (!value || isGeneratedValue(value)) continue;
    out.push({ kind: 'data-attribute', via: name, selector: attributeSelector(name, value) });
  }
  const classes = common(els.map(stable)).slice(0, 3);
  for (const c of classes) out.push({ kind: 'class', selector: tag + classSelector([c]), classCount: 1 });
  if (classes.length > 1) out.push({ kind: 'class', selector: tag + classSelector(classes), classCount: classes.length });
  for (const name of ['aria-label', 'name', 'role', 'type']) {
    const value = sameValue(els, name);
    // An input's type names a kind of control, not this control: worth a class, not a name.
    if (value) out.push({ kind: name === 'type' ? 'class' : 'aria', via: name, selector: tag + attributeSelector(name, value) });
  }
  out.push({ kind: 'structure', selector: tag });
  return out;
}

/** Ways to name the list holding the items (stable id, configured or data-* / aria-label values, stable classes). */
function containerAnchors(items: readonly Element[], dataAttributes: readonly string[]): string[] {
  const out: string[] = [];
  let el: Element | null = items[0].parentElement;
  for (let level = 0; el && level < CONTAINER_LEVELS && !['body', 'html'].includes(tagOf(el)); level++, el = el.parentElement) {
    if (!items.every((item) => el!.contains(item))) break;
    const id = el.getAttribute('id');
    if (id && !/\s/.test(id) && !isGeneratedName(id)) out.push(idSelector(id));
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      const configured = matchingDataAttributes(el, dataAttributes).includes(name);
      if ((configured || name.startsWith('data-') || name === 'aria-label') && value && isQuotable(value) && !isGeneratedValue(value)) {
        out.push(attributeSelector(name, value));
      }
    }
    for (const c of stable(el).slice(0, 2)) out.push(tagSelector(el) + classSelector([c]));
  }
  return out;
}

/** The parts of the drafts both kinds share: the elements' own traits, the rows', the list's. */
function anchorsOf(group: SimilarGroup, dataAttributes: readonly string[]) {
  const own = commonCompounds(group.elements, dataAttributes);
  const sameAsElements = group.items.every((item, i) => item === group.elements[i]);
  const itemCompounds = sameAsElements ? [] : commonCompounds(group.items, dataAttributes).map((c) => c.selector);
  return { own, itemCompounds, containers: containerAnchors(group.items, dataAttributes) };
}

/**
 * Text drafts for the similar elements: the same label on every one ("Delete" on each row) as a
 * text condition, alone or under the rows or the list. Checking a text draft reads the recorded
 * text of every element with the tag, so the caller asks for these only when no selector alone
 * covers the similar elements.
 */
export function similarTextDrafts(group: SimilarGroup, dataAttributes: readonly string[]): Draft[] {
  const text = sameText(group.elements);
  if (text === null) return [];
  const { own, itemCompounds, containers } = anchorsOf(group, dataAttributes);
  const tag = own[own.length - 1].selector;
  // A few anchors are enough: each check is costly.
  return ['', ...itemCompounds.slice(0, 2), ...containers.slice(0, 2)].map((anchor): Draft => ({
    kind: 'text',
    selector: anchor ? `${anchor} ${tag}` : tag,
    text,
    ...(anchor && { narrowedBy: anchor }),
  }));
}

/**
 * Drafts for the similar elements of `group` (see the module comment), most robust first:
 * their own common traits alone, then under the items' common traits, then under the list.
 */
export function similarDrafts(group: SimilarGroup, dataAttributes: readonly string[]): Draft[] {
  const { own, itemCompounds, containers } = anchorsOf(group, dataAttributes);
  const drafts: Draft[] = [];
  const add = (o: Own, anchor?: string) => {
    if (drafts.length >= MAX_DRAFTS) return;
    const selector = anchor ? `${anchor} ${o.selector}` : o.selector;
    let kind = o.kind;
    // A bare tag under an anchor is as robust as the anchor.
    if (kind === 'structure' && anchor) kind = anchor.startsWith('#') ? 'id' : anchor.startsWith('[') ? 'data-attribute' : 'class';
    drafts.push({ kind, selector, ...(o.via && { via: o.via }), ...(o.classCount && { classCount: o.classCount }), ...(anchor && { narrowedBy: anchor }) });
  };
  for (const o of own) if (o.kind !== 'structure') add(o);
  for (const anchor of itemCompounds) for (const o of own) add(o, anchor);
  for (const anchor of containers) for (const o of own) add(o, anchor);
  for (const anchor of containers) for (const item of itemCompounds) add({ ...own[own.length - 1] }, `${anchor} ${item}`);
  return drafts;
}

import { describe, expect, it } from 'vitest';
import { compileAction, validateAction } from '../../src/actions';
import type { ActionStep } from '../../src/actions/types';
import { event, SIGNUP } from '../support/action-chains';

const ev = event(SIGNUP, { props: { plan: 'pro' } });

describe('action validation: shape', () => {
  it.each<[string, unknown, [string, string][]]>([
    ['null action', null, [['', 'an action must be an object']]],
    ['array action', [], [['', 'an action must be an object']]],
    ['description must be a string', { steps: [{}], description: 5 }, [['description', 'description: must be a string, not 5']]],
    ['null description is allowed', { steps: [{}], description: null }, []],
    ['string description', { steps: [{}], description: 'd' }, []],
    ['null tags are allowed', { steps: [{}], tags: null }, []],
    ['tags must be a list', { steps: [{}], tags: 'x' }, [['tags', 'must be a list of strings']]],
    ['tags must be strings', { steps: [{}], tags: ['a', 1] }, [['tags', 'must be a list of strings']]],
    ['string tags', { steps: [{}], tags: ['a', 'b'] }, []],
    ['null step', { steps: [null] }, [['steps[0]', 'a step must be an object']]],
    ['array step', { steps: [[]] }, [['steps[0]', 'a step must be an object']]],
    ['null properties are allowed', { steps: [{ properties: null }] }, []],
    ['properties must be a list', { steps: [{ properties: {} }] }, [['steps[0].properties', 'must be a list of property filters']]],
  ])('%s', (_name, action, want) => {
    const errors = validateAction(action);
    expect(errors.map((e) => e.path)).toEqual(want.map(([path]) => path));
    errors.forEach((e, i) => expect(e.message).toContain(want[i][1]));
  });

  it('an invalid regex names RE2 without the parser prefix', () => {
    const errors = validateAction({ steps: [{ properties: [{ key: 'plan', value: '(', operator: 'regex' }] }] });
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('steps[0].properties[0].value');
    expect(errors[0].message).toContain("'(' is not a valid RE2 regular expression (");
    expect(errors[0].message).not.toContain('error parsing regexp');
  });
});

describe('action explanations', () => {
  const explain = (step: ActionStep) => compileAction({ steps: [step] }).explain(ev)[0];

  it('a step with no conditions matches every event', () => {
    const step = explain({});
    expect(step.matched).toBe(true);
    expect(step.conditions).toEqual([{ condition: '(none)', passed: true, reason: expect.stringContaining('matches every event') as string }]);
  });

  it.each<[string, ActionStep, { condition: string; passed: boolean; reason: string }[]]>([
    ['matching event name', { event: '$autocapture' }, [{ condition: 'event', passed: true, reason: "event is '$autocapture'" }]],
    ['other event name', { event: '$pageview' }, [{ condition: 'event', passed: false, reason: "event '$autocapture' ≠ '$pageview'" }]],
  ])('%s', (_name, step, conditions) => {
    expect(explain(step).conditions).toEqual(conditions);
  });

  it('a negated element filter says "not:"', () => {
    const step = explain({ properties: [{ key: 'selector', value: '#go', operator: 'is_not', type: 'element' }] });
    expect(step.matched).toBe(false);
    expect(step.conditions).toHaveLength(1);
    expect(step.conditions[0].reason.startsWith('not: ')).toBe(true);
  });
});

describe('chain condition explanations point at the element', () => {
  // SIGNUP: span.label (clicked) < button#go < form < div.card < main < body; no element has an href.
  it.each<[string, ActionStep, boolean, string]>([
    ['tag on the clicked element', { tag_name: 'span' }, true, 'the clicked <span> is a <span>'],
    ['tag one level up', { tag_name: 'button' }, true, '<button> (1 level above the clicked element) is a <button>'],
    ['tag two levels up, case-insensitive', { tag_name: 'FORM' }, true, '<form> (2 levels above the clicked element) is a <form>'],
    ['tag nowhere', { tag_name: 'table' }, false, 'no element of the chain is a <table> (tags: span < button < form < div < main < body)'],
    ['selector on the clicked element', { selector: 'span.label' }, true, 'the clicked <span> matches `span.label`'],
    ['selector above the clicked element', { selector: '#go' }, true, '<button> (1 level above the clicked element) matches `#go`'],
    ['href on no element', { href: '/x' }, false, 'no element of the chain has a'],
  ])('%s', (_name, step, matched, reason) => {
    const explained = compileAction({ steps: [step] }).explain(ev)[0];
    expect(explained.matched).toBe(matched);
    expect(explained.conditions[0].reason).toContain(reason);
  });

  it.each<[string, ActionStep]>([
    ['tag', { tag_name: 'a' }],
    ['text', { text: 'x' }],
  ])('%s on an event without a chain', (_name, step) => {
    const explained = compileAction({ steps: [step] }).explain(event(null))[0];
    expect(explained.matched).toBe(false);
    expect(explained.conditions[0].reason).toBe('the event has no elements chain');
  });
});

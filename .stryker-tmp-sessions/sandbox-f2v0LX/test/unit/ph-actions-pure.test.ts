// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { ActionStep, StoredAction } from '../../src/actions/types';
import { diffActions, diffHash, errorOf, pulledImportText, pushPayload, remotePayload, type RemoteAction } from '../../src/sync/posthog-actions';

// Actions ⇄ PostHog, the pure parts: the push diff (matched by name), the mapping both ways and
// PostHog's error answers in plain words, with the key redacted.

const local = (name: string, steps: ActionStep[], extra: Partial<StoredAction> = {}): StoredAction => ({
  id: `id-${name}`, site: 'shop.test', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', name, description: '', tags: [], steps, ...extra,
});
const remote = (id: number, name: string, steps: Record<string, unknown>[], extra: Partial<RemoteAction> = {}): RemoteAction => ({ id, name, description: '', tags: [], steps, ...extra });
const buy = [{ event: '$autocapture', selector: 'button.buy' }];
// PostHog returns every step key, null when unset.
const buyRemote = [{ event: '$autocapture', properties: null, selector: 'button.buy', tag_name: null, text: null, text_matching: null, href: null, href_matching: null, url: null, url_matching: null }];

describe('diffActions', () => {
  it.each([
    ['no remote action of that name → create', [local('Buy', buy)], [], [['Buy', 'create', undefined, []]]],
    ['same name, same definition (PostHog nulls) → unchanged', [local('Buy', buy)], [remote(4, 'Buy', buyRemote)], [['Buy', 'unchanged', 4, []]]],
    ['names match trimmed and case-insensitively', [local('Buy', buy)], [remote(4, ' buy ', buyRemote)], [['Buy', 'update', 4, ['name']]]],
    ['another selector → update of steps', [local('Buy', buy)], [remote(4, 'Buy', [{ event: '$autocapture', selector: 'a.buy' }])], [['Buy', 'update', 4, ['steps']]]],
    ['description and tags → update naming both', [local('Buy', buy, { description: 'd', tags: ['b', 'a'] })], [remote(4, 'Buy', buyRemote, { tags: ['a'] })], [['Buy', 'update', 4, ['description', 'tags']]]],
    ['tags in another order are equal', [local('Buy', buy, { tags: ['b', 'a'] })], [remote(4, 'Buy', buyRemote, { tags: ['a', 'b'] })], [['Buy', 'unchanged', 4, []]]],
    ['two remote actions of one name: the oldest is matched', [local('Buy', buy)], [remote(9, 'Buy', []), remote(3, 'Buy', buyRemote)], [['Buy', 'unchanged', 3, []]]],
    ['a remote action Lasso cannot read → update of everything', [local('Buy', buy)], [remote(4, 'Buy', [{ event: 5 }])], [['Buy', 'update', 4, ['name', 'description', 'tags', 'steps']]]],
    ['remote-only actions are left alone; rows sorted by name', [local('b', buy), local('A', buy)], [remote(1, 'Other', buyRemote)], [['A', 'create', undefined, []], ['b', 'create', undefined, []]]],
  ] as const)('%s', (_title, mine, theirs, want) => {
    const rows = diffActions(mine as readonly StoredAction[], theirs as readonly RemoteAction[]);
    expect(rows.map((r) => [r.name, r.op, r.remoteId, r.changed])).toEqual(want);
  });

  it('carries the payload to send and the compatibility report per action', () => {
    const [row, clean] = diffActions([local('Any text', [{ text: 'Buy', text_matching: 'regex' }]), local('Signed up', [{ event: 'signed_up' }])], []);
    expect(row!.payload.steps[0]).toMatchObject({ event: null, text: 'Buy', text_matching: 'regex', selector: null, url: null });
    expect(row!.compat).toContainEqual(expect.objectContaining({ step: 0, field: 'event', construct: expect.stringMatching(/text on a step for any event/) }));
    expect(clean!.compat).toEqual([]);
  });

  it('hash changes with the plan and the site, not otherwise', async () => {
    const a = diffActions([local('Buy', buy)], []);
    const b = diffActions([local('Buy', buy)], [remote(4, 'Buy', [])]);
    expect(await diffHash('s', a)).toBe(await diffHash('s', diffActions([local('Buy', buy)], [])));
    expect(await diffHash('s', a)).not.toBe(await diffHash('s', b));
    expect(await diffHash('s', a)).not.toBe(await diffHash('t', a));
  });
});

describe('mapping', () => {
  it('pulled actions become a PostHog list import with only the definition fields', () => {
    const text = pulledImportText([{ ...remote(4, 'Buy', buyRemote, { description: 'd', tags: ['x'] }), deleted: false }, { id: 5, name: null, steps: null }]);
    expect(JSON.parse(text)).toEqual({ results: [{ name: 'Buy', description: 'd', tags: ['x'], steps: buyRemote }, { name: '', description: '', tags: [], steps: [] }] });
  });

  it('a remote action read back equals the payload Lasso would push for the same definition', () => {
    expect(remotePayload(remote(4, 'Buy', buyRemote))).toEqual(pushPayload(local('Buy', buy)));
    expect(remotePayload(remote(4, 'Buy', [{ selector: 7 }]))).toBeNull();
  });
});

describe('errorOf', () => {
  it.each([
    [400, { type: 'validation_error', code: 'unique', detail: 'This project already has an action with this name, ID 3', attr: 'name' }, /refused the action \(400\): This project already/, { name: ['This project already has an action with this name, ID 3'] }],
    [400, { steps: ['Expected a list of items.'], name: ['This field may not be blank.'] }, /steps: Expected a list of items\.; name: This field/, { steps: ['Expected a list of items.'], name: ['This field may not be blank.'] }],
    [401, { type: 'authentication_error', detail: 'Personal API key phx_secret_key_1 is invalid.', attr: null }, /^PostHog refused the personal API key \(401\): check the key: Personal API key \[redacted\] is invalid\.$/, {}],
    [403, { detail: 'no scope' }, /action:read and action:write/, {}],
    [404, { detail: 'Not found.' }, /no such project \(404\)/, {}],
    [502, undefined, /^PostHog answered 502: bad gateway$/, {}],
  ])('%i %j', (status, json, message, fields) => {
    const err = errorOf(status, json, json === undefined ? 'bad gateway' : JSON.stringify(json), 'phx_secret_key_1');
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('phx_secret_key_1');
    expect(err.fields).toEqual(fields);
  });
});

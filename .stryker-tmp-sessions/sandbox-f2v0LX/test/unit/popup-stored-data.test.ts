// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { AGE_CHOICES, describePlan, SIZE_CHOICES } from '../../src/popup/StoredData';
import { DEFAULT_SETTINGS, migrateSettings } from '../../src/settings/settings';

describe('the popup\'s deletion confirmation', () => {
  it.each([
    [{ events: 1234, sessions: 12, persons: 5, actions: 0 }, 'localhost:5174', false, 'Delete 1,234 events of localhost:5174 (12 sessions, 5 persons affected)?'],
    [{ events: 1, sessions: 1, persons: 1, actions: 2 }, 'shop.test', false, 'Delete 1 event of shop.test (1 session, 1 person affected); 2 saved actions stay?'],
    [{ events: 0, sessions: 0, persons: 0, actions: 1 }, 'every site', true, 'Delete 0 events of every site (0 sessions, 0 persons affected) and 1 saved action?'],
  ])('%j of %s (actions too: %s) reads %j', (plan, what, withActions, expected) => {
    expect(describePlan(plan, what, withActions)).toBe(expected);
  });

  it.each([...AGE_CHOICES.map(([v]) => ['retentionDays', v] as const), ...SIZE_CHOICES.map(([v]) => ['retentionMB', v] as const)])('offers %s = %s, a value settings keep', (field, value) => {
    expect(migrateSettings({ ...DEFAULT_SETTINGS, [field]: value })[field]).toBe(value);
  });

  it('offers the defaults', () => {
    expect(AGE_CHOICES.map(([v]) => v)).toContain(DEFAULT_SETTINGS.retentionDays);
    expect(SIZE_CHOICES.map(([v]) => v)).toContain(DEFAULT_SETTINGS.retentionMB);
  });
});

// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError } from '../messaging/validate';
import { loadSettings, saveSettings } from '../settings/storage';
import { exportSettings, parseSettingsFile, SettingsFileError, type NamedThings } from '../settings/transfer';
import type { LassoDatabase } from '../store/schema';
import { applySettings, planImport, targetInputOf, type SettingsImportPlan } from '../settings/transfer-plan';
import type { SyncService } from '../sync/service';
import { loadTargets } from '../sync/targets-store';
import { assertExtensionPage } from './handlers';
import { syncCaptureRegistration } from './sites';

const MAX_FILE_CHARS = 1_000_000;

/**
 * `settings.export` and `settings.import` (extension pages only). An import is planned first
 * (`apply: false`: nothing changes, the plan is the confirmation); with `apply: true` the settings
 * are written and each target added or updated, secrets the file lacks taken from `given`
 * (per target index). A malformed file changes nothing.
 */
export function registerSettingsTransfer(ready: Promise<SyncService>, area: KeyValueArea, dbReady: Promise<LassoDatabase>): void {
  const extensionId = browser.runtime.id;
  // Actions and cohorts by name: their ids differ between browsers (transfer.ts "refs").
  const named = async (): Promise<NamedThings> => {
    const db = await dbReady;
    const [actions, cohorts] = await Promise.all([db.getAll('actions'), db.getAll('cohorts')]);
    return { actions: actions.map(({ id, site, name }) => ({ id, site, name })), cohorts: cohorts.map(({ id, name }) => ({ id, name })) };
  };
  onMessage('settings.export', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    return exportSettings(await loadSettings(), await loadTargets(area), { includeKeys: data?.includeKeys === true, now: Date.now(), named: await named() });
  });
  onMessage('settings.import', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    if (typeof data?.text !== 'string' || data.text.length > MAX_FILE_CHARS) throw new MessageRejectedError('expected the text of a settings file (at most 1 MB)');
    let file;
    try {
      file = parseSettingsFile(data.text);
    } catch (e) {
      if (e instanceof SettingsFileError) throw new MessageRejectedError(e.message);
      throw e;
    }
    const sync = await ready;
    const current = await loadSettings();
    const plan: SettingsImportPlan = planImport(file, current, await sync.list(), await named());
    if (data.apply !== true) return { plan, applied: false };
    const given = data.given ?? {};
    const stillMissing = plan.targets.flatMap((t, i) => t.missing.filter((m) => !given[i]?.[m]).map((m) => `${t.name}: ${m}`));
    if (stillMissing.length) throw new MessageRejectedError(`enter the missing secrets first (${stillMissing.join(', ')})`);
    const settings = applySettings(current, file);
    await saveSettings(settings);
    await syncCaptureRegistration(settings);
    // Targets one by one: a target the sync refuses (its validation names why) stops the import there.
    for (const [i, t] of file.targets.entries()) if (plan.targets[i].change !== 'unchanged') await sync.save(targetInputOf(t, plan.targets[i], given[i]));
    return { plan, applied: true };
  });
}

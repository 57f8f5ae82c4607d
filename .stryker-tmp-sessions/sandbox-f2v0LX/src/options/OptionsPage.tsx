// @ts-nocheck
import { SettingsSections } from './SettingsSections';
import { SettingsTransfer } from './SettingsTransfer';
import { SyncTargets } from './SyncTargets';

/** Lasso's options page: one section per area (sync targets first; more sections join here). */
export function OptionsPage() {
  return (
    <main class="options">
      <h1>Lasso settings</h1>
      <SettingsSections />
      <SyncTargets />
      <SettingsTransfer />
    </main>
  );
}

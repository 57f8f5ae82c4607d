// @ts-nocheck
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Runs a destructive control's work only when the toolbar's guard allows the click (the user's
 * own input, started on the control, toolbar uncovered); otherwise says why and does nothing.
 */
export type RunGuarded = (event: Event, work: () => void) => void;

/** Without a provider nothing destructive runs: the toolbar's App provides the real guard. */
export const GuardContext = createContext<RunGuarded>(() => {});

/** The guarded runner for destructive controls (Delete, Import, Save over a saved action). */
export const useGuarded = (): RunGuarded => useContext(GuardContext);

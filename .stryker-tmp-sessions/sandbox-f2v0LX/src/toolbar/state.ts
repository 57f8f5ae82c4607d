// @ts-nocheck
import { isSiteKey } from '../settings/site';

/** Where the toolbar panel sits. */
export type Dock = 'right' | 'left' | 'float';

/**
 * A tab's toolbar state, kept by the background in storage.session so the toolbar comes back
 * as it was after a reload. `draft` is the editor's unsaved action (src/toolbar/draft), opaque
 * here; the toolbar checks it again when it reads it back.
 */
export interface ToolbarUiState {
  open: boolean;
  /** The site (host with port, siteKeyOf) this state belongs to: a tab that moves to another site — another port too — starts afresh (no draft follows it). */
  site: string;
  dock: Dock;
  collapsed: boolean;
  /** Panel position when floating (px from the viewport's top-left). */
  x: number;
  y: number;
  heatmap: boolean;
  /** Panel width in px (resizable by its inner edge), within PANEL_WIDTH. */
  width: number;
  draft: unknown;
}

/** Panel widths a user may choose: narrow enough for a 1280 px window with the app beside it. */
export const PANEL_WIDTH = { min: 280, max: 720, default: 380 } as const;

export const DEFAULT_UI: ToolbarUiState = { open: false, site: '', dock: 'right', collapsed: false, x: 24, y: 24, heatmap: false, width: PANEL_WIDTH.default, draft: null };

/** A width brought within PANEL_WIDTH (rounded; anything not a finite number gives the default). */
export const clampWidth = (w: unknown): number =>
  typeof w === 'number' && Number.isFinite(w) ? Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, Math.round(w))) : PANEL_WIDTH.default;

/** Largest state kept per tab; a draft is a few KB, this only bounds abuse. */
export const MAX_UI_BYTES = 128 * 1024;

const finite = (x: unknown, fallback: number): number => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x) : fallback);

/** Any stored or received value brought to a valid state (unknown fields dropped, bad ones defaulted). */
export function toUiState(x: unknown): ToolbarUiState {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ...DEFAULT_UI };
  const s = x as Record<string, unknown>;
  const draft = s.draft === undefined ? null : s.draft;
  let size = 0;
  try {
    size = JSON.stringify(draft)?.length ?? 0;
  } catch {
    size = Infinity;
  }
  return {
    open: s.open === true,
    site: isSiteKey(s.site) ? s.site : '',
    dock: s.dock === 'left' || s.dock === 'float' ? s.dock : 'right',
    collapsed: s.collapsed === true,
    x: Math.max(0, finite(s.x, DEFAULT_UI.x)),
    y: Math.max(0, finite(s.y, DEFAULT_UI.y)),
    heatmap: s.heatmap === true,
    width: clampWidth(s.width),
    draft: size <= MAX_UI_BYTES ? draft : null,
  };
}

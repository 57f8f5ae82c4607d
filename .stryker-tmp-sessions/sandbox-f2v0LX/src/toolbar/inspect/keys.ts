// @ts-nocheck
import type { Direction } from './navigate';

/** What a key does in inspect mode. */
export type KeyAction = Direction | 'pick' | 'exit';

const KEYS: Record<string, KeyAction> = {
  ArrowUp: 'parent',
  ArrowDown: 'child',
  ArrowLeft: 'prev',
  ArrowRight: 'next',
  Enter: 'pick',
  Escape: 'exit',
};

/** The key fields inspect mode looks at. */
export type KeyInfo = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'> & { isComposing?: boolean };

/**
 * The inspect action of a key press, or null for keys left alone: with Ctrl / Alt / Meta held
 * (browser and OS shortcuts) or while an IME is composing.
 */
export function keyAction(e: KeyInfo): KeyAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return null;
  return Object.hasOwn(KEYS, e.key) ? KEYS[e.key] : null;
}

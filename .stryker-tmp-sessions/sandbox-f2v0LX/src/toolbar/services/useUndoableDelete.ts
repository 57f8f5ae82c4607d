// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { api, describeError } from './api';

/** How long "Undo" is offered after a delete. */
export const UNDO_MS = 10_000;

/**
 * Delete a saved action at once and offer to undo it for UNDO_MS: undo saves it again with the
 * same id, name, steps and tags. `changed` runs after either; `failed` gets an error's message.
 */
export function useUndoableDelete(changed: () => void, failed: (message: string) => void) {
  const [deleted, setDeleted] = useState<StoredAction | null>(null);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);
  return {
    deleted,
    async remove(action: StoredAction) {
      try {
        await api.remove(action.id);
        setDeleted(action);
        changed();
      } catch (e) {
        failed(describeError(e).message);
      }
    },
    async undo() {
      if (!deleted) return;
      const { created_at: _created, updated_at: _updated, ...input } = deleted;
      setDeleted(null);
      await api.save(input).catch((e: unknown) => failed(describeError(e).message));
      changed();
    },
  };
}

// Undo by change group, from wherever it is offered (a chat reply, the toast, the activity list): one request,
// then everything that shows those tasks hears of it.
import { useCallback, useRef } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { UndoResult } from '../api/schemas';
import { undoChanges } from '../api/trust';

/** How an undo went: the server's sentence either way ("Undid 3 changes: …", "There is nothing to undo"). */
export type UndoOutcome = { readonly ok: true; readonly result: UndoResult; readonly message: string } | { readonly ok: false; readonly message: string };

/** Takes back a change group; `onUndone` runs after each success (reload the tasks, mark the chat reply). */
export function useUndo(api: ApiClient, onUndone: (result: UndoResult) => void, onSessionExpired: () => void): (groupId: string) => Promise<UndoOutcome> {
  // A second click while the first is on its way would only earn a 409: answer it from the first.
  const pending = useRef(new Map<string, Promise<UndoOutcome>>());
  return useCallback(
    (groupId: string) => {
      const running = pending.current.get(groupId);
      if (running) return running;
      const attempt = (async (): Promise<UndoOutcome> => {
        try {
          const result = await undoChanges(api, groupId);
          onUndone(result);
          return { ok: true, result, message: result.message };
        } catch (cause) {
          if (cause instanceof SessionExpiredError) onSessionExpired();
          else console.warn('undo failed', cause);
          return { ok: false, message: describeError(cause) };
        } finally {
          pending.current.delete(groupId);
        }
      })();
      pending.current.set(groupId, attempt);
      return attempt;
    },
    [api, onUndone, onSessionExpired],
  );
}

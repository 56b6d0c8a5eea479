// Undo as the workspace offers it: a toast after each panel change, Undo on chat replies, the result said.
import { useCallback } from 'react';
import type { ApiClient } from '../api/http';
import type { UndoResult } from '../api/schemas';
import type { PanelChange } from './useTasks';
import { useToast, type ToastState } from './useToast';
import { useUndo, type UndoOutcome } from './useUndo';

/** What the workspace hands to the chat, the task panel and the history dialog. */
export interface UndoActions {
  readonly toast: ToastState;
  /** Undoes a group and says nothing (the caller shows the outcome). */
  undo(groupId: string): Promise<UndoOutcome>;
  /** Undoes a group and says how it went in the toast; resolves true when it was undone. */
  undoAndSay(groupId: string): Promise<boolean>;
  /** Shows "Deleted “Buy milk”" with Undo after a change made from the panel. */
  offerUndo(change: PanelChange): void;
}

/** Wires undo to the toast; `onUndone` runs after every successful undo (mark replies, reload tasks). */
export function useUndoActions(api: ApiClient, onUndone: (result: UndoResult) => void, onSessionExpired: () => void): UndoActions {
  const toast = useToast();
  const undo = useUndo(api, onUndone, onSessionExpired);
  const { show } = toast;

  const undoAndSay = useCallback(
    async (groupId: string): Promise<boolean> => {
      const outcome = await undo(groupId);
      show(outcome.message, { tone: outcome.ok ? 'info' : 'error' });
      return outcome.ok;
    },
    [undo, show],
  );

  const offerUndo = useCallback(
    (change: PanelChange) => {
      const what = `${change.verb} “${change.title}”`;
      show(what, { action: { label: 'Undo', name: `Undo: ${what}`, run: () => void undoAndSay(change.group) } });
    },
    [show, undoAndSay],
  );

  return { toast, undo, undoAndSay, offerUndo };
}

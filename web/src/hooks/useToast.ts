// The one toast of the workspace: a short sentence about what just happened, maybe with an action (Undo).
import { useCallback, useState } from 'react';

/** The button a toast offers. */
export interface ToastAction {
  /** The visible word ("Undo"). */
  readonly label: string;
  /** The full name for screen readers ("Undo: Deleted “Buy milk”"). */
  readonly name: string;
  run(): void;
}

/** What the toast says; a new `key` starts its time again. */
export interface ToastMessage {
  readonly key: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
  readonly action: ToastAction | null;
}

/** The toast on screen and how to change it. */
export interface ToastState {
  readonly toast: ToastMessage | null;
  show(text: string, options?: { tone?: 'info' | 'error'; action?: ToastAction }): void;
  dismiss(): void;
}

let keys = 0;

/** Holds the toast; a new one replaces the one on screen. */
export function useToast(): ToastState {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = useCallback<ToastState['show']>((text, options = {}) => {
    setToast({ key: ++keys, text, tone: options.tone ?? 'info', action: options.action ?? null });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}

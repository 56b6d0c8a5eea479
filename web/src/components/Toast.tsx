// The toast: what just happened, with Undo. It leaves on its own after a few seconds, but never while the
// pointer is on it or the focus is in it (WCAG 2.2.1), and Escape or × closes it.
import { useEffect, useRef, useState } from 'react';
import type { ToastMessage } from '../hooks/useToast';
import { MESSAGE_BOX_ID } from './Composer';
import { Icon } from './Icon';

/** How long a toast stays when nobody is using it. */
export const TOAST_MS = 6000;

interface ToastProps {
  readonly toast: ToastMessage | null;
  readonly onDismiss: () => void;
}

/** A polite live region that is always in the page (so each new toast is read), showing the current toast. */
export function Toast({ toast, onDismiss }: ToastProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  // Where the focus came from, to hand it back when the toast closes under it.
  const cameFrom = useRef<HTMLElement | null>(null);

  const dismiss = () => {
    const inside = box.current?.contains(document.activeElement) ?? false;
    onDismiss();
    if (!inside) return;
    const back = cameFrom.current?.isConnected ? cameFrom.current : document.getElementById(MESSAGE_BOX_ID);
    back?.focus();
  };
  const key = toast?.key;
  useEffect(() => {
    // Paused while in use; the focus is never inside when the time runs out, so there is none to hand back.
    if (key === undefined || hovered || focused) return;
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [key, hovered, focused, onDismiss]);

  useEffect(() => {
    // The box is gone: no mouseleave or blur will come to clear these.
    if (key !== undefined) return;
    setFocused(false);
    setHovered(false);
  }, [key]);

  return (
    <div className="toast-region" role="status" data-testid="toast-region">
      {toast && (
        <div
          ref={box}
          className={`toast toast--${toast.tone}`}
          data-testid="toast"
          data-tone={toast.tone}
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={(e) => {
            if (!focused && e.relatedTarget instanceof HTMLElement && !box.current?.contains(e.relatedTarget)) cameFrom.current = e.relatedTarget;
            setFocused(true);
          }}
          onBlur={(e) => {
            if (!(e.relatedTarget instanceof Node && box.current?.contains(e.relatedTarget))) setFocused(false);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation(); // closes the toast, not the drawer under it
            dismiss();
          }}
        >
          <p className="toast__text" data-testid="toast-text">
            {toast.text}
          </p>
          {toast.action && (
            <button
              type="button"
              className="button button--small toast__action"
              aria-label={toast.action.name}
              onClick={() => {
                // The button goes when the action answers: keep the focus in the toast, on ×.
                close.current?.focus();
                toast.action?.run();
              }}
              data-testid="toast-action"
            >
              <Icon name="undo" />
              {toast.action.label}
            </button>
          )}
          <button ref={close} type="button" className="icon-button toast__close" aria-label="Dismiss" onClick={dismiss} data-testid="toast-dismiss">
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}

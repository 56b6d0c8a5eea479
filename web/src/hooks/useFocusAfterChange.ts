// Keeping the keyboard focus when a list changes under it: a row that moved or was deleted takes the focused
// control with it, which drops the focus to the page.
import { useEffect, useRef, type RefObject } from 'react';

/** Finds, inside the container, the control that should get the focus now. */
export type FocusPick<E extends HTMLElement> = (root: E) => HTMLElement | null | undefined;

/** What a list gives its actions: the container to attach, and `after` to say where the focus goes. */
export interface FocusAfterChange<E extends HTMLElement> {
  readonly root: RefObject<E | null>;
  /** After the next change of the watched value, focus what `pick` finds, if the focus has dropped to the page. */
  after(pick: FocusPick<E>): void;
}

/** Moves the focus once the list (`watched`) has re-rendered after a change the user made from inside it. */
export function useFocusAfterChange<E extends HTMLElement>(watched: unknown): FocusAfterChange<E> {
  const root = useRef<E>(null);
  const pending = useRef<FocusPick<E> | null>(null);
  useEffect(() => {
    const pick = pending.current;
    pending.current = null;
    const focused = document.activeElement;
    if (!pick || !root.current || (focused && focused !== document.body)) return;
    pick(root.current)?.focus();
  }, [watched]);
  return {
    root,
    after: (pick) => {
      pending.current = pick;
    },
  };
}

/** The visible elements matching a selector, in page order (a folded group's rows are left out). */
export function visibleIn(root: HTMLElement, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0);
}

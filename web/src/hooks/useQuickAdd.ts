// Quick add: what a line typed in the task panel means (previewed as the person types), then creating it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbort, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { TaskDraft } from '../api/schemas';
import { parseQuickAdd } from '../api/tasks';

/** What the field shows under itself. */
export interface QuickAddState {
  readonly text: string;
  /** The tasks the current text means, once the server has read it (null while typing or for an empty field). */
  readonly preview: readonly TaskDraft[] | null;
  /** Why the line cannot be added, from the server or the browser; shown next to the field. */
  readonly error: string | null;
  /** What the last Enter created ("Added “Call mom”."), announced and shown until the next keystroke. */
  readonly added: string | null;
  readonly busy: boolean;
  setText(text: string): void;
  /** Creates the tasks the line means; resolves true when they were all created (the field is then cleared). */
  submit(): Promise<boolean>;
}

// Long enough to skip the keystrokes inside a word, short enough that the chips feel live.
const PREVIEW_DELAY_MS = 250;
const NO_TITLE = 'There is no task in that yet: start with what to do, e.g. “call mom friday 5pm”.';

function addedMessage(drafts: readonly TaskDraft[]): string {
  const titles = drafts.map((draft) => `“${draft.title}”`);
  return titles.length === 1 ? `Added ${titles[0] ?? ''}.` : `Added ${titles.length} tasks: ${titles.join(', ')}.`;
}

/** Previews a quick-add line (debounced; a stale request is cancelled) and creates its tasks with `create`. */
export function useQuickAdd(
  api: ApiClient,
  create: (drafts: readonly TaskDraft[]) => Promise<string | null>,
  onSessionExpired: () => void,
): QuickAddState {
  const [text, setTextState] = useState('');
  const [preview, setPreview] = useState<{ text: string; tasks: readonly TaskDraft[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  // The pending preview read; Enter cancels it, or it would land after Enter's own read and clear Enter's refusal.
  const previewTimer = useRef<number | null>(null);
  const line = text.trim();

  const read = useCallback(
    async (value: string): Promise<readonly TaskDraft[] | null> => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const tasks = await parseQuickAdd(api, value, controller.signal);
        setPreview({ text: value, tasks });
        setError(null); // a line with no title yet is just unfinished while typing; Enter says so
        return tasks;
      } catch (cause) {
        if (isAbort(cause)) return null;
        if (cause instanceof SessionExpiredError) onSessionExpired();
        setPreview(null);
        setError(describeError(cause));
        return null;
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [api, onSessionExpired],
  );

  useEffect(() => {
    if (!line) {
      inFlight.current?.abort();
      setPreview(null);
      setError(null);
      return;
    }
    const timer = window.setTimeout(() => {
      previewTimer.current = null;
      void read(line);
    }, PREVIEW_DELAY_MS);
    previewTimer.current = timer;
    return () => {
      window.clearTimeout(timer);
      if (previewTimer.current === timer) previewTimer.current = null;
    };
  }, [line, read]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const setText = useCallback((value: string) => {
    setTextState(value);
    setAdded(null);
  }, []);

  const submit = useCallback(async (): Promise<boolean> => {
    if (!line || busy) return false;
    if (previewTimer.current !== null) {
      window.clearTimeout(previewTimer.current);
      previewTimer.current = null;
    }
    setBusy(true);
    try {
      const drafts = preview?.text === line ? preview.tasks : await read(line);
      if (!drafts) return false;
      if (drafts.length === 0) {
        setError(NO_TITLE);
        return false;
      }
      const refusal = await create(drafts);
      if (refusal) {
        setError(refusal);
        return false;
      }
      setTextState('');
      setPreview(null);
      setError(null);
      setAdded(addedMessage(drafts));
      return true;
    } finally {
      setBusy(false);
    }
  }, [line, busy, preview, read, create]);

  const current = preview?.text === line ? preview.tasks : null;
  return { text, preview: current, error, added, busy, setText, submit };
}

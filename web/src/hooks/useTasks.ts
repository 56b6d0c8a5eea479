// State of the task panel: the filtered, sorted list, and the edits made from the panel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { Task, TaskDraft } from '../api/schemas';
import { createTask, DEFAULT_TASK_QUERY, deleteTask, listTasks, updateTask, type TaskPatch, type TaskQuery } from '../api/tasks';

/** A change made from the panel, for the toast that offers to undo it. */
export interface PanelChange {
  /** "Deleted", "Completed", "Reopened", "Updated". */
  readonly verb: string;
  readonly title: string;
  /** The change group the server recorded it in (POST /undo takes it back). */
  readonly group: string;
}

/** What the task panel renders and can do. */
export interface TasksState {
  readonly tasks: readonly Task[];
  readonly query: TaskQuery;
  /** Every tag seen so far, sorted, for the tag filter. */
  readonly knownTags: readonly string[];
  readonly loading: boolean;
  readonly error: string | null;
  /** Changes some filters or the sort; the list reloads. */
  setQuery(change: Partial<TaskQuery>): void;
  refresh(): Promise<void>;
  toggle(task: Task): Promise<void>;
  /** Saves the editor's changes; resolves with why the server refused them (to show by the field), or null. */
  edit(task: Task, patch: TaskPatch): Promise<string | null>;
  /** Creates the tasks quick add read; resolves with why one was refused, or null when all were created. */
  add(drafts: readonly TaskDraft[]): Promise<string | null>;
  remove(task: Task): Promise<void>;
}

// Only what an edit from the panel can change: the server applies the rest on the next load.
function stillMatches(task: Task, query: TaskQuery): boolean {
  if (query.status !== 'all' && task.completed !== (query.status === 'completed')) return false;
  return !(query.overdue && task.completed);
}

function mergeTags(known: readonly string[], tasks: readonly Task[]): readonly string[] {
  const all = new Set(known);
  for (const task of tasks) for (const tag of task.tags ?? []) all.add(tag);
  return all.size === known.length ? known : [...all].sort();
}

/**
 * Loads and edits the user's tasks; `version` changes (after a chat turn with tools, an undo) trigger a reload.
 * `onChanged` hears of each change made from the panel that the server can undo.
 */
export function useTasks(api: ApiClient, version: number, onSessionExpired: () => void, onChanged: (change: PanelChange) => void): TasksState {
  const [tasks, setTasks] = useState<readonly Task[]>([]);
  const [query, setQueryState] = useState<TaskQuery>(DEFAULT_TASK_QUERY);
  const [knownTags, setKnownTags] = useState<readonly string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Only the newest load may write the list: a slow answer for an old filter must not win.
  const latest = useRef(0);

  const fail = useCallback(
    (cause: unknown, what: string) => {
      if (cause instanceof SessionExpiredError) onSessionExpired();
      setError(`${what}: ${describeError(cause)}`);
    },
    [onSessionExpired],
  );

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const list = await listTasks(api, query);
      if (request !== latest.current) return;
      setTasks(list);
      setKnownTags((known) => mergeTags(known, list));
      setError(null);
    } catch (cause) {
      if (request === latest.current) fail(cause, 'Could not load your tasks');
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [api, query, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  const setQuery = useCallback((change: Partial<TaskQuery>) => setQueryState((current) => ({ ...current, ...change })), []);

  // An older list still in flight would undo an edit made from the panel: drop it.
  const supersede = useCallback(() => {
    latest.current++;
    setLoading(false);
  }, []);

  const replace = useCallback(
    (updated: Task) =>
      setTasks((list) =>
        stillMatches(updated, query) ? list.map((t) => (t.id === updated.id ? updated : t)) : list.filter((t) => t.id !== updated.id),
      ),
    [query],
  );

  const toggle = useCallback(
    async (task: Task) => {
      supersede();
      const completed = !task.completed;
      replace({ ...task, completed, overdue: completed ? false : task.overdue });
      try {
        const { value: result, group } = await updateTask(api, task.id, { completed });
        replace(result);
        if (group) onChanged({ verb: completed ? 'Completed' : 'Reopened', title: task.title, group });
        // Completing a repeating task creates its next occurrence: load it into the list.
        if (completed && (task.repeat || result.next_task_id != null)) void refresh();
      } catch (cause) {
        fail(cause, `Could not update "${task.title}"`);
        void refresh();
      }
    },
    [api, replace, fail, refresh, supersede, onChanged],
  );

  // Not optimistic: a refused edit keeps the editor open with the server's reason, so the list waits for the answer.
  const edit = useCallback(
    async (task: Task, patch: TaskPatch): Promise<string | null> => {
      try {
        const { value: updated, group } = await updateTask(api, task.id, patch);
        supersede();
        replace(updated);
        if (group) onChanged({ verb: 'Updated', title: updated.title, group });
        // A new due date or priority can move the task in the sort order or out of the filter.
        if (patch.due_at !== undefined || patch.priority !== undefined || patch.tags !== undefined) void refresh();
        return null;
      } catch (cause) {
        if (cause instanceof SessionExpiredError) onSessionExpired();
        return describeError(cause);
      }
    },
    [api, replace, refresh, supersede, onSessionExpired, onChanged],
  );

  const add = useCallback(
    async (drafts: readonly TaskDraft[]): Promise<string | null> => {
      let refusal: string | null = null;
      // One at a time, in the order typed, so a list keeps its order and a refusal stops the rest.
      for (const draft of drafts) {
        try {
          await createTask(api, draft);
        } catch (cause) {
          if (cause instanceof SessionExpiredError) onSessionExpired();
          refusal = describeError(cause);
          break;
        }
      }
      await refresh();
      return refusal;
    },
    [api, refresh, onSessionExpired],
  );

  const remove = useCallback(
    async (task: Task) => {
      supersede();
      setTasks((list) => list.filter((t) => t.id !== task.id));
      try {
        const group = await deleteTask(api, task.id);
        if (group) onChanged({ verb: 'Deleted', title: task.title, group });
      } catch (cause) {
        fail(cause, `Could not delete "${task.title}"`);
        void refresh();
      }
    },
    [api, fail, refresh, supersede, onChanged],
  );

  return { tasks, query, knownTags, loading, error, setQuery, refresh, toggle, edit, add, remove };
}

// State of the task panel: the filtered list, and the edits made from the panel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { Task } from '../api/schemas';
import { deleteTask, listTasks, renameTask, setTaskCompleted, type TaskFilter } from '../api/tasks';

/** What the task panel renders and can do. */
export interface TasksState {
  readonly tasks: readonly Task[];
  readonly filter: TaskFilter;
  readonly loading: boolean;
  readonly error: string | null;
  setFilter(filter: TaskFilter): void;
  refresh(): Promise<void>;
  toggle(task: Task): Promise<void>;
  rename(task: Task, title: string): Promise<void>;
  remove(task: Task): Promise<void>;
}

function matches(task: Task, filter: TaskFilter): boolean {
  return filter === 'all' || task.completed === (filter === 'completed');
}

/** Loads and edits the user's tasks; `version` changes (after a chat turn with tools) trigger a reload. */
export function useTasks(api: ApiClient, version: number, onSessionExpired: () => void): TasksState {
  const [tasks, setTasks] = useState<readonly Task[]>([]);
  const [filter, setFilter] = useState<TaskFilter>('all');
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
      const list = await listTasks(api, filter);
      if (request !== latest.current) return;
      setTasks(list);
      setError(null);
    } catch (cause) {
      if (request === latest.current) fail(cause, 'Could not load your tasks');
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [api, filter, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  // An older list still in flight would undo an edit made from the panel: drop it.
  const supersede = useCallback(() => {
    latest.current++;
    setLoading(false);
  }, []);

  const replace = useCallback(
    (updated: Task) =>
      setTasks((list) =>
        matches(updated, filter) ? list.map((t) => (t.id === updated.id ? updated : t)) : list.filter((t) => t.id !== updated.id),
      ),
    [filter],
  );

  const toggle = useCallback(
    async (task: Task) => {
      supersede();
      replace({ ...task, completed: !task.completed });
      try {
        replace(await setTaskCompleted(api, task.id, !task.completed));
      } catch (cause) {
        fail(cause, `Could not update "${task.title}"`);
        void refresh();
      }
    },
    [api, replace, fail, refresh, supersede],
  );

  const rename = useCallback(
    async (task: Task, title: string) => {
      supersede();
      replace({ ...task, title });
      try {
        replace(await renameTask(api, task.id, title));
      } catch (cause) {
        fail(cause, `Could not rename "${task.title}"`);
        void refresh();
      }
    },
    [api, replace, fail, refresh, supersede],
  );

  const remove = useCallback(
    async (task: Task) => {
      supersede();
      setTasks((list) => list.filter((t) => t.id !== task.id));
      try {
        await deleteTask(api, task.id);
      } catch (cause) {
        fail(cause, `Could not delete "${task.title}"`);
        void refresh();
      }
    },
    [api, fail, refresh, supersede],
  );

  return { tasks, filter, loading, error, setFilter, refresh, toggle, rename, remove };
}

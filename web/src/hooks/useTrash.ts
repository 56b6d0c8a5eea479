// "Recently deleted": the deleted tasks and bringing one back.
import { useCallback, useEffect, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import type { Task, TrashedTask } from '../api/schemas';
import { listTrash, restoreTask } from '../api/trust';

/** What the trash view renders and can do. */
export interface TrashState {
  readonly tasks: readonly TrashedTask[];
  readonly loading: boolean;
  readonly error: string | null;
  reload(): Promise<void>;
  /** Brings a task back; resolves with it, or with why it could not. */
  restore(task: TrashedTask): Promise<{ restored: Task } | { refused: string }>;
}

/** Loads the trash; `onRestored` hears of each task brought back (the panel reloads). */
export function useTrash(api: ApiClient, onRestored: (task: Task) => void, onSessionExpired: () => void): TrashState {
  const [tasks, setTasks] = useState<readonly TrashedTask[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback(
    (cause: unknown): string => {
      if (cause instanceof SessionExpiredError) onSessionExpired();
      return describeError(cause);
    },
    [onSessionExpired],
  );

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setTasks(await listTrash(api));
      setError(null);
    } catch (cause) {
      setError(`Could not load recently deleted tasks: ${fail(cause)}`);
    } finally {
      setLoading(false);
    }
  }, [api, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const restore = useCallback(
    async (task: TrashedTask) => {
      try {
        const restored = await restoreTask(api, task.id);
        setTasks((list) => list.filter((t) => t.id !== task.id));
        onRestored(restored);
        return { restored };
      } catch (cause) {
        // Restored or purged elsewhere meanwhile: show the trash as it is now.
        void reload();
        return { refused: fail(cause) };
      }
    },
    [api, onRestored, reload, fail],
  );

  return { tasks, loading, error, reload, restore };
}

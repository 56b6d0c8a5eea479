// "Recently deleted": deleted tasks, when each goes for good, and Restore.
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/http';
import type { Task, TrashedTask } from '../api/schemas';
import { useTrash } from '../hooks/useTrash';
import { browserLocale } from '../lib/due';
import { formatTime } from '../lib/time';
import { ErrorBanner } from './ErrorBanner';

interface TrashViewProps {
  readonly api: ApiClient;
  readonly onRestored: (task: Task) => void;
  /** Says something in the dialog's status line. */
  readonly announce: (text: string) => void;
  readonly onSessionExpired: () => void;
}

/** "Sat 27 Dec" (en-GB), "Sat, Dec 27" (en-US): the day a deleted task is purged. */
function purgeDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(browserLocale(), { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** The trash, most recently deleted first; Restore puts a task back in the list. */
export function TrashView({ api, onRestored, announce, onSessionExpired }: TrashViewProps) {
  const trash = useTrash(api, onRestored, onSessionExpired);
  const root = useRef<HTMLDivElement>(null);
  // After a restore the row is gone: the next row's Restore (or the empty note) takes the focus.
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || !root.current) return;
    focusIndex.current = null;
    const buttons = root.current.querySelectorAll<HTMLElement>('[data-testid="trash-restore"]');
    (buttons[Math.min(index, buttons.length - 1)] ?? root.current.querySelector<HTMLElement>('[data-testid="trash-empty"]'))?.focus();
  }, [trash.tasks]);

  async function restore(task: TrashedTask, index: number, hadFocus: boolean) {
    const outcome = await trash.restore(task);
    if ('restored' in outcome) {
      if (hadFocus) focusIndex.current = index;
      announce(`Restored “${outcome.restored.title}” to your tasks.`);
    } else {
      announce(outcome.refused);
    }
  }

  return (
    <div className="trash" ref={root} aria-busy={trash.loading}>
      {trash.error && <ErrorBanner testId="trash-error" message={trash.error} onRetry={() => void trash.reload()} />}
      {trash.tasks.length === 0 ? (
        !trash.error && (
          <p className="history__empty" tabIndex={-1} data-testid={trash.loading ? 'trash-loading' : 'trash-empty'}>
            {trash.loading ? 'Loading…' : 'Nothing deleted in the last 30 days.'}
          </p>
        )
      ) : (
        <>
          <p className="trash__note">Deleted tasks are kept for 30 days, then removed for good.</p>
          <ul className="trash__list" aria-label="Recently deleted tasks" data-testid="trash-list">
            {trash.tasks.map((task, index) => (
              <li key={task.id} className="trash-item" data-testid="trash-item" data-task-id={task.id}>
                <div className="trash-item__body">
                  <span className="trash-item__title" data-testid="trash-title">
                    <span className="task__id">#{task.id}</span> {task.title}
                  </span>
                  <span className="trash-item__meta">
                    Deleted <time dateTime={task.deleted_at}>{formatTime(task.deleted_at)}</time> · kept until{' '}
                    <time dateTime={task.purge_at} data-testid="trash-purge">
                      {purgeDay(task.purge_at)}
                    </time>
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Restore “${task.title}”`}
                  onClick={(e) => void restore(task, index, e.currentTarget === document.activeElement)}
                  data-testid="trash-restore"
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

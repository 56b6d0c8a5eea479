// The task list beside the chat, with status tabs, search, sort and filters, and an empty state that says what to type.
import { activeFilterCount, CLEARED_FILTERS, type TaskStatus } from '../api/tasks';
import type { TasksState } from '../hooks/useTasks';
import { useNow } from '../hooks/useNow';
import type { TimezoneSync } from '../hooks/useTimezoneSync';
import { browserTimeZone, isOverdue } from '../lib/due';
import { ErrorBanner } from './ErrorBanner';
import { Icon } from './Icon';
import { TaskFilters } from './TaskFilters';
import { TaskItem } from './TaskItem';

const STATUSES: readonly { value: TaskStatus; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'completed', label: 'Completed' },
];

const EMPTY: Readonly<Record<TaskStatus, string>> = {
  all: 'No tasks yet. Try: add buy milk',
  pending: 'Nothing pending. Nice work!',
  completed: 'Nothing completed yet. Tick a task, or say “I bought the milk”.',
};

interface TaskPanelProps {
  readonly id: string;
  readonly state: TasksState;
  readonly timezone: TimezoneSync;
}

/** The user's tasks; reloads when the chat changes them, so chat and panel agree. */
export function TaskPanel({ id, state, timezone }: TaskPanelProps) {
  const { tasks, query, knownTags, loading, error, setQuery } = state;
  const now = useNow();
  const timeZone = browserTimeZone();
  const overdue = new Set(tasks.filter((task) => isOverdue(task, { now, timeZone })).map((task) => task.id));
  const filtered = activeFilterCount(query) > 0;
  const onTag = (tag: string | null) => setQuery({ tag });

  return (
    <section className="panel tasks" id={id} aria-labelledby={`${id}-title`} data-testid="task-panel">
      <header className="panel__header">
        <h2 id={`${id}-title`}>Tasks</h2>
        {/* A live region that is always there, so a task turning overdue is announced. */}
        <span className="overdue-count" role="status" data-testid="tasks-overdue-count">
          {overdue.size > 0 && `${overdue.size} overdue`}
        </span>
        <button type="button" className="icon-button" onClick={() => void state.refresh()} aria-label="Reload tasks" data-testid="tasks-refresh">
          <Icon name="refresh" />
        </button>
      </header>
      <div className="filters" role="group" aria-label="Show">
        {STATUSES.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            className="tab"
            aria-pressed={query.status === value}
            onClick={() => setQuery({ status: value })}
            data-testid={`task-filter-${value}`}
          >
            {label}
          </button>
        ))}
      </div>
      <TaskFilters query={query} knownTags={knownTags} onChange={setQuery} />
      {timezone.error && (
        <ErrorBanner testId="settings-error-banner" message={timezone.error} onRetry={timezone.retry} onDismiss={timezone.dismiss} />
      )}
      {error && <ErrorBanner testId="tasks-error-banner" message={error} onRetry={() => void state.refresh()} />}
      {tasks.length === 0 ? (
        <div className="empty" data-testid={loading ? 'tasks-loading' : 'tasks-empty'} role="status">
          <p>{loading ? 'Loading tasks…' : filtered ? 'No tasks match these filters.' : EMPTY[query.status]}</p>
          {!loading && filtered && (
            <button type="button" className="button button--small" onClick={() => setQuery(CLEARED_FILTERS)} data-testid="tasks-empty-clear">
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <ul className="tasks__list" aria-label={`${STATUSES.find((s) => s.value === query.status)?.label ?? ''} tasks`} aria-busy={loading}>
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              overdue={overdue.has(task.id)}
              now={now}
              timeZone={timeZone}
              activeTag={query.tag}
              onToggle={(t) => void state.toggle(t)}
              onEdit={(t, patch) => void state.edit(t, patch)}
              onDelete={(t) => void state.remove(t)}
              onTag={onTag}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

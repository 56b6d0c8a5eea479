// The task list beside the chat, with filters and an empty state that says what to type.
import type { TaskFilter } from '../api/tasks';
import type { TasksState } from '../hooks/useTasks';
import { ErrorBanner } from './ErrorBanner';
import { Icon } from './Icon';
import { TaskItem } from './TaskItem';

const FILTERS: readonly { value: TaskFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'completed', label: 'Completed' },
];

const EMPTY: Readonly<Record<TaskFilter, string>> = {
  all: 'No tasks yet. Try: add buy milk',
  pending: 'Nothing pending. Nice work!',
  completed: 'Nothing completed yet. Tick a task, or say “I bought the milk”.',
};

/** The user's tasks; reloads when the chat changes them, so chat and panel agree. */
export function TaskPanel({ state, id }: { state: TasksState; id: string }) {
  const { tasks, filter, loading, error } = state;
  return (
    <section className="panel tasks" id={id} aria-labelledby={`${id}-title`} data-testid="task-panel">
      <header className="panel__header">
        <h2 id={`${id}-title`}>Tasks</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => void state.refresh()}
          aria-label="Reload tasks"
          data-testid="tasks-refresh"
        >
          <Icon name="refresh" />
        </button>
      </header>
      <div className="filters" role="group" aria-label="Show">
        {FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            className="tab"
            aria-pressed={filter === value}
            onClick={() => state.setFilter(value)}
            data-testid={`task-filter-${value}`}
          >
            {label}
          </button>
        ))}
      </div>
      {error && <ErrorBanner testId="tasks-error-banner" message={error} onRetry={() => void state.refresh()} />}
      {tasks.length === 0 ? (
        <p className="empty" data-testid={loading ? 'tasks-loading' : 'tasks-empty'} role="status">
          {loading ? 'Loading tasks…' : EMPTY[filter]}
        </p>
      ) : (
        <ul className="tasks__list" aria-label={`${FILTERS.find((f) => f.value === filter)?.label ?? ''} tasks`} aria-busy={loading}>
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              onToggle={(t) => void state.toggle(t)}
              onRename={(t, title) => void state.rename(t, title)}
              onDelete={(t) => void state.remove(t)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

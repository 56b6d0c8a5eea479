// The task list beside the chat: quick add, status tabs, search, sort and filters, open tasks with the completed
// ones in their own group, and an empty state that says what to type.
import { useId, useState } from 'react';
import type { Task } from '../api/schemas';
import { activeFilterCount, CLEARED_FILTERS, type TaskStatus } from '../api/tasks';
import { useFocusAfterChange, visibleIn } from '../hooks/useFocusAfterChange';
import type { QuickAddState } from '../hooks/useQuickAdd';
import type { TasksState } from '../hooks/useTasks';
import { useNow } from '../hooks/useNow';
import type { TimezoneSync } from '../hooks/useTimezoneSync';
import { browserTimeZone, isOverdue } from '../lib/due';
import { ErrorBanner } from './ErrorBanner';
import { Icon } from './Icon';
import { QuickAdd } from './QuickAdd';
import { Segmented } from './Segmented';
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
  readonly quickAdd: QuickAddState;
}

/** The user's tasks; reloads when the chat changes them, so chat and panel agree. */
export function TaskPanel({ id, state, timezone, quickAdd }: TaskPanelProps) {
  const { tasks, query, knownTags, loading, error, setQuery } = state;
  const now = useNow();
  const timeZone = browserTimeZone();
  const overdue = new Set(tasks.filter((task) => isOverdue(task, { now, timeZone })).map((task) => task.id));
  const filtered = activeFilterCount(query) > 0;
  const onTag = (tag: string | null) => setQuery({ tag });
  const [showCompleted, setShowCompleted] = useState(true);
  const groupId = useId();
  // A row that moves between the groups (ticked under "All") remounts, and a deleted one is gone: either way the
  // focus would drop to the page. Put it on the moved checkbox, or on the row that took the deleted one's place
  // (the quick-add field when none is left).
  const refocus = useFocusAfterChange<HTMLElement>(tasks);

  const grouped = query.status === 'all';
  const open = grouped ? tasks.filter((task) => !task.completed) : tasks;
  const completed = grouped ? tasks.filter((task) => task.completed) : [];
  const row = (task: Task) => (
    <TaskItem
      key={task.id}
      task={task}
      overdue={overdue.has(task.id)}
      now={now}
      timeZone={timeZone}
      activeTag={query.tag}
      onToggle={(t) => {
        refocus.after((root) => root.querySelector<HTMLElement>(`.task[data-task-id="${t.id}"] .task__check`));
        void state.toggle(t);
      }}
      onEdit={state.edit}
      onDelete={(t) => {
        const index = [...open, ...completed].indexOf(t);
        refocus.after((root) => {
          const checks = visibleIn(root, '.task .task__check');
          return checks[Math.min(index, checks.length - 1)] ?? root.querySelector<HTMLElement>('.quick-add__input');
        });
        void state.remove(t);
      }}
      onTag={onTag}
    />
  );

  return (
    <section className="panel tasks" id={id} ref={refocus.root} aria-labelledby={`${id}-title`} data-testid="task-panel">
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
      <QuickAdd state={quickAdd} timeZone={timeZone} />
      <Segmented label="Show" options={STATUSES} value={query.status} onChange={(status) => setQuery({ status })} testIdPrefix="task-filter-" />
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
        <div className="tasks__lists" aria-busy={loading}>
          {open.length > 0 && (
            <ul className="tasks__list" aria-label={grouped ? 'Open tasks' : `${STATUSES.find((s) => s.value === query.status)?.label ?? ''} tasks`} data-testid="tasks-open">
              {open.map(row)}
            </ul>
          )}
          {completed.length > 0 && (
            <div className="tasks__group" data-testid="tasks-completed-group">
              <h3 className="tasks__group-title">
                <button
                  type="button"
                  className="group-toggle"
                  aria-expanded={showCompleted}
                  aria-controls={groupId}
                  onClick={() => setShowCompleted((shown) => !shown)}
                  data-testid="tasks-completed-toggle"
                >
                  <Icon name="chevron" />
                  Completed <span className="group-toggle__count">{completed.length}</span>
                </button>
              </h3>
              <ul className="tasks__list" id={groupId} aria-label="Completed tasks" hidden={!showCompleted} data-testid="tasks-completed">
                {completed.map(row)}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

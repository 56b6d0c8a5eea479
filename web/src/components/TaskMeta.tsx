// The details of a task beside and under its title: priority flag, due date, repeat rule, reminders and tags.
import type { Priority, Task } from '../api/schemas';
import { describeDue, formatDue, parseDue, relativeDay } from '../lib/due';
import { describeReminder } from '../lib/reminders';
import { describeRepeat } from '../lib/repeat';
import { Icon } from './Icon';

const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
};

/** A small coloured flag with its priority as the accessible name. */
export function PriorityMarker({ priority }: { priority: Priority }) {
  const label = PRIORITY_LABELS[priority];
  return (
    <span className={`priority priority--${priority}`} role="img" aria-label={label} title={label} data-testid="task-priority" data-priority={priority}>
      <Icon name="flag" />
    </span>
  );
}

interface TaskMetaProps {
  readonly task: Task;
  readonly overdue: boolean;
  readonly now: Date;
  readonly timeZone: string;
  readonly activeTag: string | null;
  /** Filters the panel by a tag (or clears the filter when it is the active one). */
  readonly onTag: (tag: string | null) => void;
}

/** The line under the title; nothing when the task has no details. */
export function TaskMeta({ task, overdue, now, timeZone, activeTag, onTag }: TaskMetaProps) {
  const due = parseDue(task.due_at);
  const relative = due && relativeDay(due, { now, timeZone });
  const tags = task.tags ?? [];
  const reminders = task.reminders ?? [];
  if (!due && !task.repeat && tags.length === 0 && reminders.length === 0) return null;
  const reminderText = reminders.map((r) => describeReminder(r, { now, timeZone })).join('; ');
  return (
    <div className="task__meta">
      {due && task.due_at && (
        <span className={`meta meta--due${overdue ? ' meta--overdue' : ''}`} data-testid="task-due" title={describeDue(due, { timeZone })}>
          <Icon name={overdue ? 'alert' : 'calendar'} />
          <span className="sr-only">{overdue ? 'Overdue, was due ' : 'Due '}</span>
          <time dateTime={task.due_at}>{formatDue(due, { now, timeZone })}</time>
          {relative && <span className="sr-only">, </span>}
          {relative && (
            <span className="meta__badge" data-testid="task-due-relative">
              {relative}
            </span>
          )}
        </span>
      )}
      {task.repeat && (
        <span className="meta" data-testid="task-repeat" data-rule={task.repeat}>
          <Icon name="repeat" />
          <span className="sr-only">Repeats: </span>
          <span>{describeRepeat(task.repeat)}</span>
        </span>
      )}
      {reminders.length > 0 && (
        <span className="meta" data-testid="task-reminders" data-count={reminders.length} title={`Reminders: ${reminderText}`}>
          <Icon name="bell" />
          <span className="sr-only">{reminders.length === 1 ? 'Reminder: ' : `${reminders.length} reminders: `}</span>
          <span aria-hidden="true">{reminders.length > 1 ? reminders.length : ''}</span>
          <span className="sr-only">{reminderText}</span>
        </span>
      )}
      {tags.length > 0 && (
        <ul className="task__tags" aria-label="Tags (select one to show only its tasks)">
          {tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag"
                aria-pressed={activeTag === tag}
                title={activeTag === tag ? 'Show all tags' : `Show only #${tag}`}
                onClick={() => onTag(activeTag === tag ? null : tag)}
                data-testid="task-tag"
              >
                {/* The pill is the look; the button around it grows to a finger-sized target on touch screens. */}
                <span className="tag__pill">#{tag}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

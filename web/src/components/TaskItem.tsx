// One task row: tick to complete, rename in place, delete.
import { useState, type KeyboardEvent } from 'react';
import type { Task } from '../api/schemas';
import { Icon } from './Icon';

interface TaskItemProps {
  readonly task: Task;
  readonly onToggle: (task: Task) => void;
  readonly onRename: (task: Task, title: string) => void;
  readonly onDelete: (task: Task) => void;
}

/** A task in the panel; double-click or the pencil renames it (Enter saves, Escape cancels). */
export function TaskItem({ task, onToggle, onRename, onDelete }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(task.title);

  function finish(save: boolean) {
    setEditing(false);
    const next = title.trim();
    if (save && next && next !== task.title) onRename(task, next);
    else setTitle(task.title);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  }

  return (
    <li className={`task${task.completed ? ' task--done' : ''}`} data-testid="task-item" data-task-id={task.id}>
      <input
        type="checkbox"
        className="task__check"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={`Mark “${task.title}” as ${task.completed ? 'not done' : 'done'}`}
        data-testid="task-toggle"
      />
      {editing ? (
        <input
          className="task__edit"
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
          aria-label={`New title for “${task.title}”`}
          data-testid="task-title-input"
        />
      ) : (
        <span
          className="task__title"
          data-testid="task-title"
          onDoubleClick={() => {
            setTitle(task.title);
            setEditing(true);
          }}
        >
          <span className="task__id">#{task.id}</span> {task.title}
        </span>
      )}
      <span className="task__actions">
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            setTitle(task.title);
            setEditing(true);
          }}
          aria-label={`Rename “${task.title}”`}
          data-testid="task-rename"
          hidden={editing}
        >
          <Icon name="pencil" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          onClick={() => onDelete(task)}
          aria-label={`Delete “${task.title}”`}
          data-testid="task-delete"
        >
          <Icon name="trash" />
        </button>
      </span>
    </li>
  );
}

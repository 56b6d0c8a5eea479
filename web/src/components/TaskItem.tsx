// One task row: tick to complete, its details at a glance, edit in place, delete.
import { useEffect, useRef, useState } from 'react';
import type { Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { Icon } from './Icon';
import { TaskEditor } from './TaskEditor';
import { PriorityMarker, TaskMeta } from './TaskMeta';

interface TaskItemProps {
  readonly task: Task;
  readonly overdue: boolean;
  readonly now: Date;
  readonly timeZone: string;
  readonly activeTag: string | null;
  readonly onToggle: (task: Task) => void;
  /** Saves an edit; resolves with the server's refusal, or null. */
  readonly onEdit: (task: Task, patch: TaskPatch) => Promise<string | null>;
  readonly onDelete: (task: Task) => void;
  readonly onTag: (tag: string | null) => void;
}

/** A task in the panel; double-click or the pencil edits it (Enter saves, Escape cancels). */
export function TaskItem({ task, overdue, now, timeZone, activeTag, onToggle, onEdit, onDelete, onTag }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const classes = ['task', task.completed && 'task--done', overdue && 'task--overdue', editing && 'task--editing'].filter(Boolean).join(' ');

  useEffect(() => {
    const ended = wasEditing.current && !editing;
    wasEditing.current = editing;
    // The editor took the focus with it: give it back to the pencil, unless the person already moved on.
    const focus = document.activeElement;
    if (ended && (!focus || focus === document.body || row.current?.contains(focus))) editButton.current?.focus();
  }, [editing]);

  async function save(patch: TaskPatch): Promise<string | null> {
    const refusal = await onEdit(task, patch);
    if (!refusal) setEditing(false);
    return refusal;
  }

  return (
    <li
      ref={row}
      className={classes}
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      data-due={task.due_at ?? ''}
      data-overdue={overdue}
    >
      <input
        type="checkbox"
        className="check task__check"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={`Mark “${task.title}” as ${task.completed ? 'not done' : 'done'}`}
        data-testid="task-toggle"
      />
      <div className="task__body">
        {editing ? (
          <TaskEditor task={task} timeZone={timeZone} onSave={save} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <span className="task__head">
              <span className="task__title" data-testid="task-title" onDoubleClick={() => setEditing(true)}>
                <span className="task__id">#{task.id}</span> {task.title}
              </span>
              {task.priority && <PriorityMarker priority={task.priority} />}
            </span>
            {task.description && (
              <p className="task__description" data-testid="task-description">
                {task.description}
              </p>
            )}
            <TaskMeta task={task} overdue={overdue} now={now} timeZone={timeZone} activeTag={activeTag} onTag={onTag} />
          </>
        )}
      </div>
      <span className="task__actions" hidden={editing}>
        <button
          ref={editButton}
          type="button"
          className="icon-button"
          onClick={() => setEditing(true)}
          aria-label={`Edit “${task.title}”`}
          data-testid="task-rename"
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

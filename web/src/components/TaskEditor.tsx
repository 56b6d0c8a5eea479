// Editing a task in place: its title, due day and priority. Enter saves, Escape cancels.
import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Priority, Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { editFieldsOf, editPatch, type TaskEditFields } from '../lib/task-edit';

interface TaskEditorProps {
  readonly task: Task;
  readonly timeZone: string;
  /** Called with only the changed fields (possibly none). */
  readonly onDone: (patch: TaskPatch) => void;
}

const PRIORITIES: readonly { value: Priority | ''; label: string }[] = [
  { value: '', label: 'No priority' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

function isPriority(value: string): value is Priority | '' {
  return PRIORITIES.some((p) => p.value === value);
}

/** The edit form that replaces a task's title while editing. */
export function TaskEditor({ task, timeZone, onDone }: TaskEditorProps) {
  const [fields, setFields] = useState<TaskEditFields>(() => editFieldsOf(task, timeZone));
  const id = useId();
  const change = (next: Partial<TaskEditFields>) => setFields((current) => ({ ...current, ...next }));

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Escape here cancels the edit, not the drawer around it
    onDone({});
  }

  // Leaving the form for another control saves, like the title-only rename did; a date picker
  // popup takes focus to no element (relatedTarget null), so that does not end the edit.
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const next = event.relatedTarget;
    if (next instanceof Node && !event.currentTarget.contains(next)) onDone(editPatch(task, fields, timeZone));
  }

  return (
    <form
      className="task-editor"
      data-testid="task-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(editPatch(task, fields, timeZone));
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <input
        className="task__edit"
        value={fields.title}
        autoFocus
        onChange={(e) => change({ title: e.target.value })}
        aria-label={`New title for “${task.title}”`}
        data-testid="task-title-input"
      />
      <div className="task-editor__row">
        <label className="sr-only" htmlFor={`${id}-due`}>
          Due date
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className="task-editor__field"
          value={fields.dueDate}
          onChange={(e) => change({ dueDate: e.target.value })}
          data-testid="task-due-input"
        />
        <label className="sr-only" htmlFor={`${id}-priority`}>
          Priority
        </label>
        <select
          id={`${id}-priority`}
          className="task-editor__field"
          value={fields.priority}
          onChange={(e) => {
            if (isPriority(e.target.value)) change({ priority: e.target.value });
          }}
          data-testid="task-priority-input"
        >
          {PRIORITIES.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--primary" data-testid="task-edit-save">
          Save
        </button>
        <button type="button" className="button button--small" onClick={() => onDone({})} data-testid="task-edit-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}

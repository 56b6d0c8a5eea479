// Editing a task in place: title, description, due day and time, priority, tags and repeat.
// Enter (or Save) saves, Escape cancels; a refused save says why under the field and keeps the focus there.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { asSentence } from '../api/errors';
import type { Priority, Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { describeRepeat } from '../lib/repeat';
import { checkEdit, editFieldsOf, editPatch, fieldOfRefusal, type EditRefusal, type TaskEditField, type TaskEditFields } from '../lib/task-edit';

interface TaskEditorProps {
  readonly task: Task;
  readonly timeZone: string;
  /** Saves the changed fields; resolves with the server's reason when it refuses them, or null. */
  readonly onSave: (patch: TaskPatch) => Promise<string | null>;
  readonly onCancel: () => void;
}

const PRIORITIES: readonly { value: Priority | ''; label: string }[] = [
  { value: '', label: 'None' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
const REPEATS = ['', 'daily', 'weekdays', 'weekly', 'monthly', 'yearly'] as const;

function isPriority(value: string): value is Priority | '' {
  return PRIORITIES.some((p) => p.value === value);
}

type Controls = Partial<Record<TaskEditField, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>;

/** The edit form that replaces a task's title and details while editing. */
export function TaskEditor({ task, timeZone, onSave, onCancel }: TaskEditorProps) {
  const [fields, setFields] = useState<TaskEditFields>(() => editFieldsOf(task, timeZone));
  const [refusal, setRefusal] = useState<EditRefusal | null>(null);
  const saving = useRef(false);
  const controls = useRef<Controls>({});
  const id = useId();
  const change = (next: Partial<TaskEditFields>) => setFields((current) => ({ ...current, ...next }));
  // A rule this menu does not offer (from chat: "every mon and thu") stays selectable as it is.
  const repeats = fields.repeat && !REPEATS.some((r) => r === fields.repeat) ? [...REPEATS, fields.repeat] : REPEATS;

  useEffect(() => {
    if (refusal) controls.current[refusal.field]?.focus();
  }, [refusal]);

  async function save() {
    if (saving.current) return;
    const early = checkEdit(fields);
    if (early) return setRefusal(early);
    const patch = editPatch(task, fields, timeZone);
    if (Object.keys(patch).length === 0) return onCancel();
    saving.current = true;
    const message = await onSave(patch);
    saving.current = false;
    // The same refusal again still moves the focus back: a new object re-runs the effect.
    if (message) setRefusal({ field: fieldOfRefusal(message), message });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Escape here cancels the edit, not the drawer around it
    onCancel();
  }

  // Leaving the form for another control saves; a date picker popup takes focus to no element
  // (relatedTarget null), so that does not end the edit.
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const next = event.relatedTarget;
    if (next instanceof Node && !event.currentTarget.contains(next)) void save();
  }

  const errorId = `${id}-error`;
  const control = (field: TaskEditField) => ({
    id: `${id}-${field}`,
    ref: (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
      controls.current[field] = el;
    },
    'aria-invalid': refusal?.field === field ? true : undefined,
    'aria-describedby': refusal?.field === field ? errorId : undefined,
  });
  const field = (name: TaskEditField, label: string, input: ReactNode, className = '') => (
    <div className={`editor-field ${className}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {refusal?.field === name && (
        <p className="field-error" id={errorId} role="alert" data-testid="task-edit-error">
          {asSentence(refusal.message)}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="task-editor"
      data-testid="task-editor"
      aria-label={`Edit “${task.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      {field('title', 'Title', <input {...control('title')} className="editor-input" value={fields.title} autoFocus onChange={(e) => change({ title: e.target.value })} data-testid="task-title-input" />)}
      {field(
        'description',
        'Description',
        <textarea {...control('description')} className="editor-input" rows={2} value={fields.description} onChange={(e) => change({ description: e.target.value })} data-testid="task-description-input" />,
      )}
      <div className="task-editor__row">
        {field('dueDate', 'Due', <input {...control('dueDate')} type="date" className="editor-input" value={fields.dueDate} onChange={(e) => change({ dueDate: e.target.value })} data-testid="task-due-input" />, 'editor-field--date')}
        {field('dueTime', 'Time', <input {...control('dueTime')} type="time" className="editor-input" value={fields.dueTime} onChange={(e) => change({ dueTime: e.target.value })} data-testid="task-time-input" />, 'editor-field--time')}
      </div>
      <div className="task-editor__row">
        {field(
          'priority',
          'Priority',
          <select
            {...control('priority')}
            className="editor-input"
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
          </select>,
          'editor-field--grow',
        )}
        {field(
          'repeat',
          'Repeat',
          <select {...control('repeat')} className="editor-input" value={fields.repeat} onChange={(e) => change({ repeat: e.target.value })} data-testid="task-repeat-input">
            {repeats.map((rule) => (
              <option key={rule} value={rule}>
                {rule ? describeRepeat(rule) : 'Never'}
              </option>
            ))}
          </select>,
          'editor-field--grow',
        )}
      </div>
      {field('tags', 'Tags', <input {...control('tags')} className="editor-input" value={fields.tags} placeholder="e.g. work, home" onChange={(e) => change({ tags: e.target.value })} data-testid="task-tags-input" />)}
      <div className="task-editor__actions">
        <button type="submit" className="button button--small button--primary" data-testid="task-edit-save">
          Save
        </button>
        <button type="button" className="button button--small" onClick={onCancel} data-testid="task-edit-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}

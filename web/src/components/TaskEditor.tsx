// Editing a task in place: title, description, due day and time, priority, tags, repeat and reminders.
// Enter (or Save) saves, Escape cancels; a refused save says why under the field and keeps the focus there.
import { useEffect, useId, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { asSentence } from '../api/errors';
import type { Priority, Reminder, Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { sameReminders } from '../lib/reminders';
import { describeRepeat } from '../lib/repeat';
import { checkEdit, editFieldsOf, editPatch, fieldOfRefusal, type EditRefusal, type TaskEditField, type TaskEditFields } from '../lib/task-edit';
import { ReminderEditor } from './ReminderEditor';

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

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
type Controls = Partial<Record<TaskEditField, Control>>;

/** The edit form that replaces a task's title and details while editing. */
export function TaskEditor({ task, timeZone, onSave, onCancel }: TaskEditorProps) {
  const [fields, setFields] = useState<TaskEditFields>(() => editFieldsOf(task, timeZone));
  const [refusal, setRefusal] = useState<EditRefusal | null>(null);
  const [reminders, setReminders] = useState<readonly Reminder[]>(() => task.reminders ?? []);
  // A refusal that names the reminders ("reminders.0 would remind at …") is said under them, not under a field.
  const [reminderRefusal, setReminderRefusal] = useState<{ message: string } | null>(null);
  const reminderMenu = useRef<HTMLSelectElement>(null);
  const saving = useRef(false);
  const controls = useRef<Controls>({});
  const id = useId();
  const change = (next: Partial<TaskEditFields>) => setFields((current) => ({ ...current, ...next }));
  // A rule this menu does not offer (from chat: "every mon and thu") stays selectable as it is.
  const repeats = fields.repeat && !REPEATS.some((r) => r === fields.repeat) ? [...REPEATS, fields.repeat] : REPEATS;

  useEffect(() => {
    if (refusal) controls.current[refusal.field]?.focus();
  }, [refusal]);
  useEffect(() => {
    if (reminderRefusal) reminderMenu.current?.focus();
  }, [reminderRefusal]);

  async function save() {
    if (saving.current) return;
    const early = checkEdit(fields);
    if (early) return setRefusal(early);
    const patch = { ...editPatch(task, fields, timeZone), ...(sameReminders(reminders, task.reminders ?? []) ? {} : { reminders }) };
    if (Object.keys(patch).length === 0) return onCancel();
    saving.current = true;
    const message = await onSave(patch);
    saving.current = false;
    setReminderRefusal(null);
    // The same refusal again still moves the focus back: a new object re-runs the effect.
    if (message && /^reminders\b/.test(message)) setReminderRefusal({ message });
    else if (message) setRefusal({ field: fieldOfRefusal(message), message });
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
  const setField = (name: TaskEditField, value: string) => {
    if (name !== 'priority') change({ [name]: value });
    else if (isPriority(value)) change({ priority: value });
  };
  // What every control shares: its id for the label, a ref to put the focus back, its value, and the error link.
  const bind = (name: TaskEditField) => ({
    id: `${id}-${name}`,
    ref: (el: Control) => {
      controls.current[name] = el;
    },
    className: 'editor-input',
    value: fields[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setField(name, e.target.value),
    'aria-invalid': refusal?.field === name ? true : undefined,
    'aria-describedby': refusal?.field === name ? errorId : undefined,
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
      {field('title', 'Title', <input {...bind('title')} autoFocus data-testid="task-title-input" />)}
      {field('description', 'Description', <textarea {...bind('description')} rows={2} data-testid="task-description-input" />)}
      <div className="task-editor__row">
        {field('dueDate', 'Due', <input {...bind('dueDate')} type="date" data-testid="task-due-input" />, 'editor-field--date')}
        {field('dueTime', 'Time', <input {...bind('dueTime')} type="time" data-testid="task-time-input" />, 'editor-field--time')}
      </div>
      <div className="task-editor__row">
        {field(
          'priority',
          'Priority',
          <select {...bind('priority')} data-testid="task-priority-input">
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
          <select {...bind('repeat')} data-testid="task-repeat-input">
            {repeats.map((rule) => (
              <option key={rule} value={rule}>
                {rule ? describeRepeat(rule) : 'Never'}
              </option>
            ))}
          </select>,
          'editor-field--grow',
        )}
      </div>
      {field('tags', 'Tags', <input {...bind('tags')} placeholder="e.g. work, home" data-testid="task-tags-input" />)}
      <ReminderEditor
        ref={reminderMenu}
        reminders={reminders}
        onChange={(next) => {
          setReminders(next);
          setReminderRefusal(null);
        }}
        hasDue={fields.dueDate !== ''}
        timeZone={timeZone}
        refusal={reminderRefusal?.message ?? null}
      />
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

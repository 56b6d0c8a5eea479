// What an edit in the panel changes: only the fields the user touched, in the API's terms.
import type { Priority, Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { browserTimeZone, dueClockValue, dueDateValue, parseDue } from './due';

/** The editor's fields as typed: '' means "none". */
export interface TaskEditFields {
  readonly title: string;
  readonly description: string;
  /** "YYYY-MM-DD" from a date input, or ''. */
  readonly dueDate: string;
  /** "HH:mm" from a time input, or '' for a due without a time. */
  readonly dueTime: string;
  readonly priority: Priority | '';
  /** Tags as typed: words separated by commas or spaces, a leading # optional. */
  readonly tags: string;
  /** A canonical repeat rule ("weekly"), or ''. */
  readonly repeat: string;
}

/** The name of one of the editor's fields. */
export type TaskEditField = keyof TaskEditFields;

/** Why an edit cannot be saved, and the field to put the focus back in. */
export interface EditRefusal {
  readonly field: TaskEditField;
  readonly message: string;
}

/** The editor's starting values for a task, with its due day and time in the time zone. */
export function editFieldsOf(task: Task, timeZone: string = browserTimeZone()): TaskEditFields {
  const due = parseDue(task.due_at);
  return {
    title: task.title,
    description: task.description ?? '',
    dueDate: due ? dueDateValue(due, timeZone) : '',
    dueTime: (due && dueClockValue(due, timeZone)) ?? '',
    priority: task.priority ?? '',
    tags: (task.tags ?? []).join(', '),
    repeat: task.repeat ?? '',
  };
}

/** The tags a person typed ("#Family, work home") as the API's words: no #, lower case, no duplicates. */
export function parseTags(text: string): string[] {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.replace(/^#+/, '').toLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}

/** A refusal the browser can give before asking the server: a time with no day to put it on. */
export function checkEdit(fields: TaskEditFields): EditRefusal | null {
  if (fields.dueTime && !fields.dueDate) return { field: 'dueDate', message: 'Pick a day for the time, or clear the time.' };
  return null;
}

function dueValue(fields: TaskEditFields): string | null {
  if (!fields.dueDate) return null;
  // A local "YYYY-MM-DDTHH:mm" is read by the server in the user's time zone, which is this browser's.
  return fields.dueTime ? `${fields.dueDate}T${fields.dueTime}` : fields.dueDate;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((tag, i) => tag === y[i]);
}

/**
 * The patch for the fields that changed (empty when nothing did). A title of only spaces is sent as typed so
 * the server says why it is refused rather than the edit vanishing.
 */
export function editPatch(task: Task, fields: TaskEditFields, timeZone: string = browserTimeZone()): TaskPatch {
  const before = editFieldsOf(task, timeZone);
  const title = fields.title.trim();
  const description = fields.description.trim();
  const tags = parseTags(fields.tags);
  const dueChanged = fields.dueDate !== before.dueDate || (fields.dueDate !== '' && fields.dueTime !== before.dueTime);
  return {
    ...(title !== task.title ? { title: title || fields.title } : {}),
    ...(description !== (task.description ?? '').trim() ? { description: description || null } : {}),
    ...(dueChanged ? { due_at: dueValue(fields) } : {}),
    ...(fields.priority !== before.priority ? { priority: fields.priority || null } : {}),
    ...(sameTags(tags, task.tags ?? []) ? {} : { tags }),
    ...(fields.repeat !== before.repeat ? { repeat: fields.repeat || null } : {}),
  };
}

const FIELD_OF_API: Readonly<Record<string, TaskEditField>> = {
  title: 'title',
  description: 'description',
  due_at: 'dueDate',
  priority: 'priority',
  tags: 'tags',
  repeat: 'repeat',
};

/** The field a server refusal names ("tags.0 must be …" → tags); the title when it names none. */
export function fieldOfRefusal(message: string): TaskEditField {
  const name = /^([a-z_]+)/.exec(message)?.[1] ?? '';
  return FIELD_OF_API[name] ?? 'title';
}

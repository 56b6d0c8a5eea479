// What an edit in the panel changes: only the fields the user touched, in the API's terms.
import type { Priority, Task } from '../api/schemas';
import type { TaskPatch } from '../api/tasks';
import { browserTimeZone, dueClockValue, dueDateValue, parseDue } from './due';

/** The editor's fields as typed: '' means "none". */
export interface TaskEditFields {
  readonly title: string;
  /** "YYYY-MM-DD" from a date input, or ''. */
  readonly dueDate: string;
  readonly priority: Priority | '';
}

/** The editor's starting values for a task, with its due day in the time zone. */
export function editFieldsOf(task: Task, timeZone: string = browserTimeZone()): TaskEditFields {
  const due = parseDue(task.due_at);
  return { title: task.title, dueDate: due ? dueDateValue(due, timeZone) : '', priority: task.priority ?? '' };
}

/** The patch for the fields that changed (empty when nothing did); a timed due keeps its time of day. */
export function editPatch(task: Task, fields: TaskEditFields, timeZone: string = browserTimeZone()): TaskPatch {
  const before = editFieldsOf(task, timeZone);
  const title = fields.title.trim();
  const due = parseDue(task.due_at);
  const clock = due ? dueClockValue(due, timeZone) : null;
  return {
    ...(title && title !== task.title ? { title } : {}),
    // A local "YYYY-MM-DDTHH:mm" is read by the server in the user's time zone, which is this browser's.
    ...(fields.dueDate !== before.dueDate ? { due_at: fields.dueDate ? (clock ? `${fields.dueDate}T${clock}` : fields.dueDate) : null } : {}),
    ...(fields.priority !== before.priority ? { priority: fields.priority || null } : {}),
  };
}

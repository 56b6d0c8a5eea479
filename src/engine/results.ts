// Reading tool outputs. Anything that is not the JSON a tool returns on success is an error
// message meant for the user (for example "Task 42 not found"). Detail fields are optional and
// read leniently, so results of tools that predate them (or get one field wrong) still work.
import { z } from 'zod';

const optionalText = z.string().nullable().optional().catch(undefined);

/** The detail fields a task may carry in tool results. */
export const TaskDetailsSchema = z.object({
  due_at: optionalText,
  priority: optionalText,
  tags: z.array(z.string()).optional().catch(undefined),
  repeat: optionalText,
  overdue: z.boolean().optional().catch(undefined),
  /** `{at}` (an instant with the user's offset) or `{minutes_before}` the due time. */
  reminders: z.array(z.union([z.object({ at: z.string() }), z.object({ minutes_before: z.number() })])).optional().catch(undefined),
});
/** The detail fields a task may carry in tool results. */
export type TaskDetailsView = z.infer<typeof TaskDetailsSchema>;

/** A task as list_tasks reports it. */
export const TaskViewSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable().optional(),
    completed: z.boolean(),
  })
  .extend(TaskDetailsSchema.shape);
/** A task as list_tasks reports it. */
export type TaskView = z.infer<typeof TaskViewSchema>;

const ListSchema = z.union([z.object({ tasks: z.array(TaskViewSchema) }), z.array(TaskViewSchema)]);
const ActionSchema = z
  .object({
    task_id: z.number().int(),
    status: z.string(),
    title: z.string(),
    next_task_id: z.number().int().optional().catch(undefined),
    next_due_at: optionalText,
  })
  .extend(TaskDetailsSchema.shape);

const UndoEntrySchema = z.object({ task_id: z.number().int(), op: z.string(), title: z.string() });
const UndoSchema = z.object({
  undone: z.array(UndoEntrySchema),
  skipped: z.array(UndoEntrySchema.extend({ reason: z.string() })).catch([]),
});
/** What `undo` put back, and what it left alone and why. */
export type UndoView = z.infer<typeof UndoSchema>;

const ChangeSchema = z.object({
  group_id: z.string(),
  op: z.string(),
  task_id: z.number().int(),
  title: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).catch({}),
  source: z.string().catch('chat'),
  client: z.string().nullable().catch(null),
  created_at: z.string(),
  undone: z.boolean().catch(false),
  undoes: z.string().nullable().catch(null),
});
/** One change of the journal, as list_activity reports it. */
export type ChangeView = z.infer<typeof ChangeSchema>;
const ActivitySchema = z.object({ changes: z.array(ChangeSchema) });

const PreviewSchema = z.object({
  action: z.enum(['delete', 'complete']),
  confirmation: z.string().min(1),
  tasks: z.array(z.object({ id: z.number().int(), title: z.string() })),
});
/** A bulk change prepared by preview_bulk_change: the exact tasks, and the confirmation a later turn passes. */
export type PreviewView = z.infer<typeof PreviewSchema>;

/** The next occurrence a completed repeating task created. */
export interface NextOccurrence {
  id: number;
  dueAt: string | null;
}

/** What one tool call produced. */
export type ToolOutcome =
  | { ok: true; kind: 'list'; tasks: TaskView[] }
  | { ok: true; kind: 'action'; taskId: number; status: string; title: string; details: TaskDetailsView; next?: NextOccurrence }
  | { ok: true; kind: 'undo'; result: UndoView }
  | { ok: true; kind: 'activity'; changes: ChangeView[] }
  | { ok: true; kind: 'preview'; preview: PreviewView }
  | { ok: false; message: string };

function parseJson(output: string): unknown {
  try {
    return JSON.parse(output);
  } catch (error) {
    // Not JSON: the tool failed and the output is its message. Keep the parse error for debugging.
    return { notJson: error instanceof Error ? error.message : String(error) };
  }
}

/** Interprets the output of a call to the named tool. */
export function readOutcome(name: string, output: string): ToolOutcome {
  const data = parseJson(output);
  if (name === 'list_tasks') {
    const list = ListSchema.safeParse(data);
    if (list.success) return { ok: true, kind: 'list', tasks: Array.isArray(list.data) ? list.data : list.data.tasks };
  } else if (name === 'undo') {
    const undo = UndoSchema.safeParse(data);
    if (undo.success) return { ok: true, kind: 'undo', result: undo.data };
  } else if (name === 'list_activity') {
    const activity = ActivitySchema.safeParse(data);
    if (activity.success) return { ok: true, kind: 'activity', changes: activity.data.changes };
  } else if (name === 'preview_bulk_change') {
    const preview = PreviewSchema.safeParse(data);
    if (preview.success) return { ok: true, kind: 'preview', preview: preview.data };
  } else {
    const action = ActionSchema.safeParse(data);
    if (action.success) {
      const { task_id: taskId, status, title, next_task_id: nextId, next_due_at: nextDue, ...details } = action.data;
      const next = nextId !== undefined ? { next: { id: nextId, dueAt: nextDue ?? null } } : {};
      return { ok: true, kind: 'action', taskId, status, title, details, ...next };
    }
  }
  const message = output.trim().slice(0, 300);
  return { ok: false, message: message === '' ? 'The tool returned nothing.' : message };
}

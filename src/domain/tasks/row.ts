// A task row as stored, as shown, and as the change journal keeps it.
import { z } from 'zod';
import { formatZoned } from '../../calendar/zones.js';
import type { ReminderRule, tasks } from '../../db/schema.js';
import { formatDue, isOverdue, type Due } from './due.js';
import type { Priority } from './fields.js';

export type Row = typeof tasks.$inferSelect;

/** A task as every surface (REST, MCP, chat) shows it. */
export interface Task {
  id: number;
  user_id: string;
  title: string;
  description: string | null;
  completed: boolean;
  due_at: string | null;
  priority: Priority | null;
  tags: string[];
  repeat: string | null;
  /** When to remind: `{at}` (with the user's offset) or `{minutes_before}` the due time. */
  reminders: ReminderRule[];
  overdue: boolean;
  created_at: string;
  updated_at: string;
}

/** A completed task, and the next occurrence completing it created (repeating tasks). */
export type CompletedTask = Task & { next_task?: Task };

/** The due date of a row, if it has one. */
export function dueOf(row: Pick<Row, 'dueAt' | 'dueAllDay'>): Due | null {
  return row.dueAt ? { at: row.dueAt, allDay: row.dueAllDay } : null;
}

/** A row as the API shows it, its dates in the user's zone. */
export function toTask(row: Row, timeZone: string, now: Date): Task {
  const due = dueOf(row);
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    due_at: due ? formatDue(due, timeZone) : null,
    priority: row.priority,
    tags: row.tags,
    repeat: row.repeat,
    reminders: row.reminders.map((rule) => ('at' in rule ? { at: formatZoned(new Date(rule.at), timeZone) } : rule)),
    overdue: !row.completed && due !== null && isOverdue(due, now, timeZone),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Everything about a task that undo puts back: its content, its state and whether it is deleted. */
export const snapshotSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  dueAt: z.string().nullable(),
  dueAllDay: z.boolean(),
  priority: z.enum(['high', 'medium', 'low']).nullable(),
  tags: z.array(z.string()),
  repeat: z.string().nullable(),
  deletedAt: z.string().nullable(),
  // Journal rows written before reminders existed have none.
  reminders: z.array(z.union([z.object({ at: z.string() }), z.object({ minutes_before: z.number() })])).default([]),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** The restorable fields of a row, as JSON for the journal. */
export function snapshotOf(row: Row): Snapshot {
  return {
    title: row.title,
    description: row.description,
    completed: row.completed,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueAllDay: row.dueAllDay,
    priority: row.priority,
    tags: [...row.tags],
    repeat: row.repeat,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    reminders: row.reminders,
  };
}

/** The columns that put a row back to `snapshot`. */
export function columnsOf(snapshot: Snapshot): Partial<Row> {
  return {
    title: snapshot.title,
    description: snapshot.description,
    completed: snapshot.completed,
    dueAt: snapshot.dueAt ? new Date(snapshot.dueAt) : null,
    dueAllDay: snapshot.dueAllDay,
    priority: snapshot.priority,
    tags: snapshot.tags,
    repeat: snapshot.repeat,
    deletedAt: snapshot.deletedAt ? new Date(snapshot.deletedAt) : null,
    reminders: snapshot.reminders,
  };
}

/** True when a row still is what a snapshot says (nothing changed it since). */
export function matches(row: Row, snapshot: Snapshot): boolean {
  return JSON.stringify(snapshotOf(row)) === JSON.stringify(snapshotSchema.parse(snapshot));
}

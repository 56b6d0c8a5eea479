// Tasks as the phrasing tables write and compare them, kept by the real task service: setup rows
// created through it, and a user's tasks read back in the tables' terms.
import type { TaskService } from '../../src/domain/tasks/service.js';

type Priority = 'high' | 'medium' | 'low';

/** A task as a table compares it. */
export interface StoredTask {
  id: number;
  owner: string;
  title: string;
  description: string | null;
  completed: boolean;
  /** Local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" in the user's time zone. */
  due: string | null;
  priority: Priority | null;
  tags: string[];
  repeat: string | null;
  /** `{at}` as a local "YYYY-MM-DDTHH:mm", or `{minutes_before}` (absent where a snapshot does not read them). */
  reminders?: Reminder[];
}

/** A reminder as a table writes it. */
export type Reminder = { at: string } | { minutes_before: number };

/** A task to create before a conversation starts: a title, or its fields (due as a local date or time). */
export type SetupTask =
  | string
  | { title: string; description?: string; completed?: boolean; due?: string; priority?: Priority; tags?: string[]; repeat?: string; reminders?: Reminder[] };

/** Creates a user's setup tasks in order (the last is the newest); a completed one is marked done after. */
export async function seedTasks(tasks: TaskService, userId: string, setup: readonly SetupTask[] = []): Promise<void> {
  for (const item of setup) {
    const spec = typeof item === 'string' ? { title: item } : item;
    const task = await tasks.create(userId, {
      title: spec.title,
      description: spec.description ?? null,
      due_at: spec.due,
      priority: spec.priority,
      tags: spec.tags,
      repeat: spec.repeat,
      reminders: spec.reminders,
    });
    if (spec.completed) await tasks.update(userId, task.id, { completed: true });
  }
}

/** A user's tasks, oldest first, as the tables compare them. */
export async function snapshotTasks(tasks: TaskService, userId: string): Promise<StoredTask[]> {
  const all = await tasks.list(userId, { limit: 1000 });
  return all.reverse().map((x) => ({
    id: x.id,
    owner: userId,
    title: x.title,
    description: x.description,
    completed: x.completed,
    // The API writes a local time with seconds and the offset; the tables write "YYYY-MM-DDTHH:mm".
    due: x.due_at?.slice(0, 16) ?? null,
    priority: x.priority,
    tags: x.tags,
    repeat: x.repeat,
    reminders: x.reminders.map((r) => ('at' in r ? { at: r.at.slice(0, 16) } : r)),
  }));
}

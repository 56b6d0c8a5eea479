// An in-memory task store that executes the engine's tool calls the way the MCP tools do:
// bound to one user, newest first, failures as plain-text messages; due dates, priorities, tags,
// repeats, filters and sorts as docs/task-details.md describes them.
import { z } from 'zod';
import { dueAt, dueInput, isOverdue, nextDue, repeatInput, tagsInput } from './task-rules.js';

type Priority = 'high' | 'medium' | 'low';

/** A task as the store keeps it. */
export interface StoredTask {
  id: number;
  owner: string;
  title: string;
  description: string | null;
  completed: boolean;
  /** Local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" in the store's time zone. */
  due: string | null;
  priority: Priority | null;
  tags: string[];
  repeat: string | null;
}

/** A task to create before a conversation starts. */
export type SetupTask =
  | string
  | { title: string; description?: string; completed?: boolean; due?: string; priority?: Priority; tags?: string[]; repeat?: string };

/** When the store runs: the user's local time now and their time zone. */
export interface StoreClock {
  now: string;
  timeZone: string;
}

const priorityInput = z.enum(['high', 'medium', 'low']);
const addArgs = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().optional(),
  due: dueInput.optional(),
  priority: priorityInput.optional(),
  tags: tagsInput.optional(),
  repeat: repeatInput.optional(),
});
const listArgs = z.strictObject({
  status: z.enum(['all', 'pending', 'completed']).optional(),
  due_before: dueInput.optional(),
  due_after: dueInput.optional(),
  overdue: z.boolean().optional(),
  priority: priorityInput.optional(),
  tag: z.string().regex(/^[a-z0-9_-]{1,32}$/).optional(),
  query: z.string().trim().min(1).optional(),
  sort: z.enum(['created', 'due', 'priority', 'title']).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
const idArgs = z.strictObject({ task_id: z.number().int() });
const updateArgs = z.strictObject({
  task_id: z.number().int(),
  title: z.string().trim().min(1).optional(),
  description: z.string().optional(),
  due: dueInput.nullable().optional(),
  priority: priorityInput.nullable().optional(),
  tags: tagsInput.nullable().optional(),
  repeat: repeatInput.nullable().optional(),
});

const RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
const dueKey = (t: StoredTask): string => (t.due === null ? '~' : t.due.length === 10 ? `${t.due}T00:00` : t.due);

/** Tasks of several users in one id sequence, like one database table. */
export class TaskStore {
  private readonly tasks: StoredTask[] = [];
  /** Day of the month a monthly rule returns to (the 31st after a short month). */
  private readonly anchorDays = new Map<number, number>();
  private nextId = 1;
  /** Tool calls whose arguments named a user: the engine must never produce one. */
  readonly violations: string[] = [];

  constructor(private readonly clock: StoreClock = { now: '2026-11-26T23:05', timeZone: 'Europe/Paris' }) {}

  /** Creates tasks for a user, in order (so the last one is the newest). */
  seed(owner: string, setup: readonly SetupTask[] = []): void {
    for (const item of setup) {
      const spec = typeof item === 'string' ? { title: item } : item;
      const task = this.create(owner, spec);
      task.completed = spec.completed ?? false;
    }
  }

  /** A snapshot of one user's tasks, oldest first. */
  snapshot(owner: string): StoredTask[] {
    return this.tasks.filter((t) => t.owner === owner).map((t) => ({ ...t, tags: [...t.tags] }));
  }

  /** Runs one tool call for a user and returns the tool's text output. */
  execute(owner: string, name: string, args: Record<string, unknown>): string {
    if ('user_id' in args || 'userId' in args) {
      this.violations.push(`${name} was called with a user id`);
      return 'Refused: the user comes from the session, not from the model';
    }
    switch (name) {
      case 'add_task': {
        const parsed = addArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for add_task: ${parsed.error.message}`;
        return this.result(this.create(owner, parsed.data), 'created');
      }
      case 'list_tasks': {
        const parsed = listArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for list_tasks: ${parsed.error.message}`;
        // Like the server: at most `limit` tasks, 1000 when not asked.
        return JSON.stringify(this.list(owner, parsed.data).slice(0, parsed.data.limit ?? 1000).map((t) => this.view(t)));
      }
      case 'complete_task':
      case 'delete_task': {
        const parsed = idArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for ${name}: ${parsed.error.message}`;
        const task = this.find(owner, parsed.data.task_id);
        if (!task) return `Task ${parsed.data.task_id} not found`;
        if (name === 'delete_task') {
          this.tasks.splice(this.tasks.indexOf(task), 1);
          return this.result(task, 'deleted');
        }
        const wasDone = task.completed;
        task.completed = true;
        const next = !wasDone && task.repeat ? this.nextOccurrence(task) : null;
        return this.result(task, 'completed', next ? { next_task_id: next.id, next_due_at: dueAt(next.due, this.clock.timeZone) } : {});
      }
      case 'update_task': {
        const parsed = updateArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for update_task: ${parsed.error.message}`;
        const task = this.find(owner, parsed.data.task_id);
        if (!task) return `Task ${parsed.data.task_id} not found`;
        const { title, description, due, priority, tags, repeat } = parsed.data;
        if (title !== undefined) task.title = title;
        if (description !== undefined) task.description = description;
        if (due !== undefined) this.setDue(task, due);
        if (priority !== undefined) task.priority = priority;
        if (tags !== undefined) task.tags = tags ?? [];
        if (repeat !== undefined) task.repeat = repeat;
        if (task.repeat && task.due === null) this.setDue(task, this.clock.now.slice(0, 10));
        return this.result(task, 'updated');
      }
      default:
        return `Unknown tool ${name}`;
    }
  }

  private list(owner: string, f: z.infer<typeof listArgs>): StoredTask[] {
    const status = f.status ?? 'all';
    const words = (f.query ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
    const matches = (t: StoredTask): boolean => {
      const text = `${t.title} ${t.description ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    };
    const before = (t: StoredTask, bound: string): boolean =>
      t.due !== null && (bound.length === 10 ? t.due.slice(0, 10) <= bound : dueKey(t) <= bound);
    const after = (t: StoredTask, bound: string): boolean =>
      t.due !== null && (bound.length === 10 ? t.due.slice(0, 10) >= bound : (t.due.length === 10 ? `${t.due}T23:59` : t.due) >= bound);
    const chosen = this.tasks
      .filter((t) => t.owner === owner)
      .filter((t) => status === 'all' || t.completed === (status === 'completed'))
      .filter((t) => f.due_before === undefined || before(t, f.due_before))
      .filter((t) => f.due_after === undefined || after(t, f.due_after))
      .filter((t) => f.overdue !== true || isOverdue(t.due, t.completed, this.clock.now))
      .filter((t) => f.priority === undefined || t.priority === f.priority)
      .filter((t) => f.tag === undefined || t.tags.includes(f.tag))
      .filter(matches)
      .reverse();
    const byDue = (a: StoredTask, b: StoredTask): number => (dueKey(a) < dueKey(b) ? -1 : dueKey(a) > dueKey(b) ? 1 : 0);
    switch (f.sort ?? 'created') {
      case 'due':
        return chosen.sort(byDue);
      case 'priority':
        return chosen.sort((a, b) => (RANK[a.priority ?? ''] ?? 3) - (RANK[b.priority ?? ''] ?? 3) || byDue(a, b));
      case 'title':
        return chosen.sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
      case 'created':
        return chosen;
    }
  }

  private view(t: StoredTask): Record<string, unknown> {
    const { id, title, description, completed, priority, tags, repeat } = t;
    const overdue = isOverdue(t.due, completed, this.clock.now);
    return { id, title, description, completed, due_at: dueAt(t.due, this.clock.timeZone), priority, tags, repeat, overdue };
  }

  private result(t: StoredTask, status: string, extra: Record<string, unknown> = {}): string {
    const { priority, tags, repeat } = t;
    return JSON.stringify({ task_id: t.id, status, title: t.title, due_at: dueAt(t.due, this.clock.timeZone), priority, tags, repeat, ...extra });
  }

  private nextOccurrence(done: StoredTask): StoredTask {
    const rule = done.repeat ?? 'daily';
    const from = done.due ?? this.clock.now.slice(0, 10);
    const anchor = this.anchorDays.get(done.id) ?? Number(from.slice(8, 10));
    const next = this.create(done.owner, {
      title: done.title,
      description: done.description ?? undefined,
      due: nextDue(rule, from, anchor),
      priority: done.priority ?? undefined,
      tags: done.tags,
      repeat: rule,
    });
    this.anchorDays.set(next.id, anchor);
    return next;
  }

  private setDue(task: StoredTask, due: string | null): void {
    task.due = due;
    if (due) this.anchorDays.set(task.id, Number(due.slice(8, 10)));
  }

  private create(owner: string, spec: Exclude<SetupTask, string>): StoredTask {
    const task: StoredTask = {
      id: this.nextId++,
      owner,
      title: spec.title,
      description: spec.description ?? null,
      completed: false,
      due: null,
      priority: spec.priority ?? null,
      tags: [...(spec.tags ?? [])],
      repeat: spec.repeat ?? null,
    };
    this.tasks.push(task);
    // "A repeating task without a due date is due from today."
    this.setDue(task, spec.due ?? (task.repeat ? this.clock.now.slice(0, 10) : null));
    return task;
  }

  private find(owner: string, id: number): StoredTask | undefined {
    return this.tasks.find((t) => t.id === id && t.owner === owner);
  }
}

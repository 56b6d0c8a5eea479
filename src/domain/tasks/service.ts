import { and, arrayContains, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { startOfLocalDay } from '../../calendar/zones.js';
import type { Database } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { createSettingsService, type SettingsService } from '../settings.js';
import { dueBound, formatDue, isOverdue, parseDue, type Due } from './due.js';
import {
  listOptionsSchema,
  newTaskSchema,
  PRIORITIES,
  taskChangesSchema,
  type ListOptionsInput,
  type NewTaskInput,
  type Priority,
  type TaskChanges,
  type TaskChangesInput,
  type TaskStatus,
} from './fields.js';
import { parseInput } from '../validation.js';
import { anchorRule, firstOccurrence, formatRepeat, nextOccurrence, parseRepeat } from './repeat.js';

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
  overdue: boolean;
  created_at: string;
  updated_at: string;
}

/** A completed task, and the next occurrence completing it created (repeating tasks). */
export type CompletedTask = Task & { next_task?: Task };

type Row = typeof tasks.$inferSelect;

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `Task ${id} not found`);
}

function dueOf(row: Row): Due | null {
  return row.dueAt ? { at: row.dueAt, allDay: row.dueAllDay } : null;
}

function toTask(row: Row, timeZone: string, now: Date): Task {
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
    overdue: !row.completed && due !== null && isOverdue(due, now, timeZone),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// The order of PRIORITIES, tasks without one last.
const priorityRank = sql`case ${tasks.priority} ${sql.raw(PRIORITIES.map((p, i) => `when '${p}' then ${i}`).join(' '))} else ${PRIORITIES.length} end`;

/** Task operations, always scoped to one user: another user's task behaves exactly like a missing one. */
export function createTaskService(db: Database, options: { settings?: SettingsService; now?: () => Date } = {}) {
  const settings = options.settings ?? createSettingsService(db);
  const clock = options.now ?? (() => new Date());
  const owned = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));
  // The time zone is only read when a date is involved: most task rows have none. It is read before any
  // transaction starts: the embedded database serialises statements, so a read outside an open transaction would wait forever.
  const present = async (userId: string, rows: Row[], knownZone?: string) => {
    const zone = knownZone ?? (rows.some((r) => r.dueAt) ? await settings.timeZone(userId) : 'UTC');
    const now = clock();
    return rows.map((r) => toTask(r, zone, now));
  };

  /** The due/priority/tags/repeat columns an input sets (undefined fields are left alone). */
  function detailColumns(data: TaskChanges, zone: string, current?: Row): Partial<Row> {
    const set: Partial<Row> = {};
    const now = clock();
    let due = current ? dueOf(current) : null;
    if (data.due_at !== undefined) {
      due = data.due_at === null ? null : parseDue(data.due_at, zone, now, 'due_at');
      set.dueAt = due?.at ?? null;
      set.dueAllDay = due?.allDay ?? false;
    }
    if (data.priority !== undefined) set.priority = data.priority;
    if (data.tags !== undefined) set.tags = data.tags ?? [];
    if (data.repeat !== undefined) {
      if (data.repeat === null) set.repeat = null;
      else {
        const rule = anchorRule(parseRepeat(data.repeat), due, zone);
        set.repeat = formatRepeat(rule);
        if (!due) {
          // A repeating task is due from its first occurrence on or after today.
          const first = firstOccurrence(rule, now, zone);
          set.dueAt = first.at;
          set.dueAllDay = true;
        }
      }
    }
    return set;
  }

  /** Completing a repeating task creates its next occurrence, due on the rule's next date after this one. */
  async function createNext(tx: Database, row: Row, zone: string): Promise<Row | undefined> {
    if (!row.repeat) return undefined;
    const rule = parseRepeat(row.repeat);
    const due = dueOf(row) ?? firstOccurrence(rule, clock(), zone);
    const next = nextOccurrence(rule, due, zone);
    const [created] = await tx
      .insert(tasks)
      .values({
        userId: row.userId,
        title: row.title,
        description: row.description,
        priority: row.priority,
        tags: row.tags,
        repeat: row.repeat,
        dueAt: next.at,
        dueAllDay: next.allDay,
      })
      .returning();
    return created;
  }

  return {
    /** The user's tasks, filtered and sorted (newest first by default). */
    async list(userId: string, input: ListOptionsInput = {}): Promise<Task[]> {
      const o = parseInput(listOptionsSchema, input, 'query');
      const conditions: (SQL | undefined)[] = [eq(tasks.userId, userId)];
      if (o.status && o.status !== 'all') conditions.push(eq(tasks.completed, o.status === 'completed'));
      if (o.due_before || o.due_after || o.overdue) {
        const zone = await settings.timeZone(userId);
        const now = clock();
        if (o.due_before) conditions.push(lt(tasks.dueAt, dueBound(o.due_before, zone, now, 'due_before').endExclusive));
        if (o.due_after) conditions.push(gte(tasks.dueAt, dueBound(o.due_after, zone, now, 'due_after').start));
        if (o.overdue) {
          conditions.push(
            eq(tasks.completed, false),
            or(
              and(eq(tasks.dueAllDay, true), lt(tasks.dueAt, startOfLocalDay(now, zone))),
              and(eq(tasks.dueAllDay, false), lt(tasks.dueAt, now)),
            ),
          );
        }
      }
      if (o.priority) conditions.push(eq(tasks.priority, o.priority));
      if (o.tag) conditions.push(arrayContains(tasks.tags, [o.tag]));
      for (const word of (o.query ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
        const pattern = `%${escapeLike(word)}%`;
        conditions.push(or(ilike(tasks.title, pattern), ilike(tasks.description, pattern)));
      }
      const order = {
        created: [desc(tasks.id)],
        due: [sql`${tasks.dueAt} asc nulls last`, desc(tasks.id)],
        priority: [priorityRank, sql`${tasks.dueAt} asc nulls last`, desc(tasks.id)],
        title: [asc(sql`lower(${tasks.title})`), desc(tasks.id)],
      }[o.sort ?? 'created'];
      const rows = await db
        .select()
        .from(tasks)
        .where(and(...conditions))
        .orderBy(...order)
        .limit(o.limit ?? 1000)
        .offset(o.offset ?? 0);
      return present(userId, rows);
    },

    /** How many tasks the user has (all, pending, completed). */
    async count(userId: string, status: TaskStatus = 'all'): Promise<number> {
      const where =
        status === 'all' ? eq(tasks.userId, userId) : and(eq(tasks.userId, userId), eq(tasks.completed, status === 'completed'));
      const [row] = await db.select({ n: count() }).from(tasks).where(where);
      return row?.n ?? 0;
    },

    /** One task of the user, or NOT_FOUND. */
    async get(userId: string, id: number): Promise<Task> {
      const rows = await db.select().from(tasks).where(owned(userId, id));
      if (!rows.length) throw notFound(id);
      return (await present(userId, rows))[0]!;
    },

    /** Create a task; the fields are checked here too, whoever sends them (fields.ts is the one rule). */
    async create(userId: string, input: NewTaskInput): Promise<Task> {
      const data = parseInput(newTaskSchema, input);
      const zone = data.due_at || data.repeat ? await settings.timeZone(userId) : 'UTC';
      const rows = await db
        .insert(tasks)
        .values({ userId, title: data.title, description: data.description ?? null, ...detailColumns(data, zone) })
        .returning();
      return (await present(userId, rows, zone))[0]!;
    },

    /** Change any field (checked here too). Marking a repeating task done creates its next occurrence. */
    async update(userId: string, id: number, input: TaskChangesInput): Promise<CompletedTask> {
      const data = parseInput(taskChangesSchema, input);
      const zone = await settings.timeZone(userId);
      const { row, next } = await db.transaction(async (tx) => {
        const [current] = await tx.select().from(tasks).where(owned(userId, id)).for('update');
        if (!current) throw notFound(id);
        const { title, description, completed } = data;
        const [updated] = await tx
          .update(tasks)
          .set({ title, description, completed, ...detailColumns(data, zone, current), updatedAt: new Date() })
          .where(owned(userId, id))
          .returning();
        return { row: updated!, next: completed && !current.completed ? await createNext(tx, updated!, zone) : undefined };
      });
      return withNext(userId, row, next, zone);
    },

    /** Mark done (idempotent), or flip it when `toggle` is set; a repeating task gets its next occurrence once. */
    async complete(userId: string, id: number, options: { toggle?: boolean } = {}): Promise<CompletedTask> {
      const zone = await settings.timeZone(userId);
      const { row, next } = await db.transaction(async (tx) => {
        // Only an actual pending → done transition creates the next occurrence, even under concurrent calls.
        const [current] = await tx.select().from(tasks).where(owned(userId, id)).for('update');
        if (!current) throw notFound(id);
        const completed = options.toggle ? !current.completed : true;
        const [updated] = await tx.update(tasks).set({ completed, updatedAt: new Date() }).where(owned(userId, id)).returning();
        return { row: updated!, next: completed && !current.completed ? await createNext(tx, updated!, zone) : undefined };
      });
      return withNext(userId, row, next, zone);
    },

    /** Delete a task; returns what was deleted. */
    async remove(userId: string, id: number): Promise<Task> {
      const rows = await db.delete(tasks).where(owned(userId, id)).returning();
      if (!rows.length) throw notFound(id);
      return (await present(userId, rows))[0]!;
    },
  };

  async function withNext(userId: string, row: Row, next: Row | undefined, zone: string): Promise<CompletedTask> {
    const [task, nextTask] = await present(userId, next ? [row, next] : [row], zone);
    return nextTask ? { ...task!, next_task: nextTask } : task!;
  }
}

export type TaskService = ReturnType<typeof createTaskService>;

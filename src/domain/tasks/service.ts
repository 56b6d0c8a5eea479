import { randomUUID } from 'node:crypto';
import { and, arrayContains, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { startOfLocalDay } from '../../calendar/zones.js';
import type { Database } from '../../db/client.js';
import { taskNumbers, tasks } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { createSettingsService, type SettingsService } from '../settings.js';
import { parseInput } from '../validation.js';
import { dueBound, parseDue } from './due.js';
import {
  listOptionsSchema,
  newTaskSchema,
  PRIORITIES,
  taskChangesSchema,
  type ListOptionsInput,
  type NewTaskInput,
  type TaskChanges,
  type TaskChangesInput,
  type TaskStatus,
} from './fields.js';
import { BULK_LIMITS, bulkRefusal, type BulkAction, type Confirmations } from './confirmations.js';
import { createJournal, journaledChange, type ChangeContext, type ChangeEntry, type ChangeOp } from './journal.js';
import { anchorRule, firstOccurrence, formatRepeat, nextOccurrence, parseRepeat } from './repeat.js';
import { readReminders, remindersForNext, syncReminders } from './reminders.js';
import { dueOf, snapshotOf, toTask, type CompletedTask, type Row, type Task } from './row.js';

export type { CompletedTask, Task } from './row.js';

/** Not found, or another user's, or deleted: the same answer for all three. */
export function taskNotFound(id: number): AppError {
  return new AppError('NOT_FOUND', `Task ${id} not found`);
}

/** The user's task `id`, if it is not deleted. */
export function liveTask(userId: string, id: number): SQL {
  return and(eq(tasks.userId, userId), eq(tasks.id, id), isNull(tasks.deletedAt))!;
}

/**
 * Insert a task numbered after the user's last one, in one statement: the counter row is bumped first and stays
 * locked until the caller's transaction commits, so concurrent adds (on any instance) get consecutive numbers, and
 * a number is never given twice, deleted or not.
 */
export async function insertNumbered(db: Database, values: Omit<typeof tasks.$inferInsert, 'id'> & { userId: string }): Promise<Row> {
  const number = db.$with('number').as(
    db
      .insert(taskNumbers)
      .values({ userId: values.userId, lastId: 1 })
      .onConflictDoUpdate({ target: taskNumbers.userId, set: { lastId: sql`${taskNumbers.lastId} + 1` } })
      .returning({ id: taskNumbers.lastId }),
  );
  const [created] = await db
    .with(number)
    .insert(tasks)
    .values({ ...values, id: sql`(select ${number.id} from ${number})` })
    .returning();
  return created!;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// The order of PRIORITIES, tasks without one last.
const priorityRank = sql`case ${tasks.priority} ${sql.raw(PRIORITIES.map((p, i) => `when '${p}' then ${i}`).join(' '))} else ${PRIORITIES.length} end`;

/** What a change of `completed` is called in the journal. */
function opOf(before: Row, after: Row): ChangeOp {
  if (!before.completed && after.completed) return 'complete';
  if (before.completed && !after.completed) return 'reopen';
  return 'update';
}

export interface TaskServiceOptions {
  settings?: SettingsService;
  now?: () => Date;
  /** Issues and checks the confirmations bulk deletes and completions need. */
  confirmations: Confirmations;
  /** The group and source every change is journaled under; without one, each change is a group of its own from "rest". */
  change?: ChangeContext;
}

/** Task operations, always scoped to one user: another user's task, or a deleted one, behaves exactly like a missing one. */
export function createTaskService(db: Database, options: TaskServiceOptions) {
  const settings = options.settings ?? createSettingsService(db);
  const clock = options.now ?? (() => new Date());
  const changeContext = (): ChangeContext => options.change ?? { group: randomUUID(), source: 'rest' };
  // The time zone is only read when a date is involved: most task rows have none. Writes read it before their
  // transaction opens: on the pool, the embedded database's one connection is held by that transaction.
  const present = async (userId: string, rows: Row[], knownZone?: string) => {
    const zone = knownZone ?? (rows.some((r) => r.dueAt) ? await settings.timeZone(userId) : 'UTC');
    const now = clock();
    return rows.map((r) => toTask(r, zone, now));
  };

  const journaled = <T>(userId: string, change: (tx: Database, context: ChangeContext) => Promise<{ result: T; entries: ChangeEntry[] }>) => {
    const context = changeContext();
    return journaledChange(db, userId, context, (tx) => change(tx, context));
  };

  /** Past a group's bulk limit, a delete or completion needs a confirmation that names this task (see confirmations.ts). */
  async function guard(tx: Database, userId: string, context: ChangeContext, action: BulkAction, id: number, confirmation?: string): Promise<void> {
    const done = await createJournal(tx).countInGroup(userId, context.group, action, context.tally);
    if (done < BULK_LIMITS[action]) return;
    if (confirmation && options.confirmations.accepts(confirmation, userId, action, id, context.group, clock())) return;
    throw bulkRefusal(action);
  }

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
          due = first;
        }
      }
    }
    // Read last: a relative reminder counts from the due this same change sets.
    if (data.reminders !== undefined) set.reminders = data.reminders === null ? [] : readReminders(data.reminders, due, zone, now);
    return set;
  }

  /** Keep the reminder schedule in step with a change (nothing to do for a task that never had reminders). */
  async function scheduleReminders(tx: Database, before: Row | null, after: Row): Promise<void> {
    if (before?.reminders.length || after.reminders.length) await syncReminders(tx, after, dueOf(after), clock());
  }

  /** Completing a repeating task creates its next occurrence, due on the rule's next date after this one. */
  async function createNext(tx: Database, row: Row, zone: string): Promise<Row | undefined> {
    if (!row.repeat) return undefined;
    const rule = parseRepeat(row.repeat);
    const due = dueOf(row) ?? firstOccurrence(rule, clock(), zone);
    const next = nextOccurrence(rule, due, zone);
    const created = await insertNumbered(tx, {
      userId: row.userId,
      title: row.title,
      description: row.description,
      priority: row.priority,
      tags: row.tags,
      repeat: row.repeat,
      dueAt: next.at,
      dueAllDay: next.allDay,
      // Every occurrence reminds: the next one keeps the reminders, moved with its due.
      reminders: remindersForNext(row.reminders, dueOf(row), next),
    });
    await scheduleReminders(tx, null, created);
    return created;
  }

  /**
   * Lock the user's live task `id` and apply `values` to it in one statement; undefined when there is no such task.
   * The sub-select takes the row lock before the update, as a select for update would: concurrent changes queue on
   * it, and `before` is the row as this change found it (the latest committed one), which the journal needs.
   */
  async function lockAndUpdate(tx: Database, userId: string, id: number, values: PgUpdateSetSource<typeof tasks>): Promise<{ before: Row; after: Row } | undefined> {
    const old = tx.select().from(tasks).where(liveTask(userId, id)).for('update').as('old');
    const [row] = await tx
      .update(tasks)
      .set(values)
      .from(old)
      .where(and(eq(tasks.userId, old.userId), eq(tasks.id, old.id)))
      .returning({ before: old._.selectedFields, after: getTableColumns(tasks) });
    return row;
  }

  /**
   * Apply `values` to a live task in `tx`, journaling it (and the next occurrence a completion creates). Values that
   * depend on the task as it is are computed from it once it is locked, which costs a read first.
   */
  async function change(
    tx: Database,
    context: ChangeContext,
    userId: string,
    id: number,
    values: PgUpdateSetSource<typeof tasks> | ((current: Row) => Partial<Row>),
    zone: string,
    confirmation?: string,
  ) {
    let set = values;
    if (typeof set === 'function') {
      const [current] = await tx.select().from(tasks).where(liveTask(userId, id)).for('update');
      if (!current) throw taskNotFound(id);
      set = set(current);
    }
    const changed = await lockAndUpdate(tx, userId, id, { ...set, updatedAt: new Date() });
    if (!changed) throw taskNotFound(id);
    const { before, after } = changed;
    const op = opOf(before, after);
    // Only an actual pending → done transition counts, even under concurrent calls. Refused, it throws: the
    // transaction it runs in rolls back whole (no unit of work goes on after a failure), so the update is undone.
    if (op === 'complete') await guard(tx, userId, context, 'complete', id, confirmation);
    await scheduleReminders(tx, before, after);
    const next = op === 'complete' ? await createNext(tx, after, zone) : undefined;
    const entries: ChangeEntry[] = [{ op, taskId: id, before: snapshotOf(before), after: snapshotOf(after) }];
    if (next) entries.push({ op: 'create', taskId: next.id, before: null, after: snapshotOf(next) });
    return { result: { row: after, next }, entries };
  }

  async function withNext(userId: string, row: Row, next: Row | undefined, zone: string): Promise<CompletedTask> {
    const [task, nextTask] = await present(userId, next ? [row, next] : [row], zone);
    return nextTask ? { ...task!, next_task: nextTask } : task!;
  }

  return {
    /** The user's tasks, filtered and sorted (newest first by default); deleted ones are not listed. */
    async list(userId: string, input: ListOptionsInput = {}): Promise<Task[]> {
      const o = parseInput(listOptionsSchema, input, 'query');
      const conditions: (SQL | undefined)[] = [eq(tasks.userId, userId), isNull(tasks.deletedAt)];
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

    /** How many live tasks the user has (all, pending, completed). */
    async count(userId: string, status: TaskStatus = 'all'): Promise<number> {
      const conditions = [eq(tasks.userId, userId), isNull(tasks.deletedAt)];
      if (status !== 'all') conditions.push(eq(tasks.completed, status === 'completed'));
      const [row] = await db.select({ n: count() }).from(tasks).where(and(...conditions));
      return row?.n ?? 0;
    },

    /** One live task of the user, or NOT_FOUND. */
    async get(userId: string, id: number): Promise<Task> {
      const rows = await db.select().from(tasks).where(liveTask(userId, id));
      if (!rows.length) throw taskNotFound(id);
      return (await present(userId, rows))[0]!;
    },

    /** Create a task, numbered after the user's last one; the fields are checked here too (fields.ts is the one rule). */
    async create(userId: string, input: NewTaskInput): Promise<Task> {
      const data = parseInput(newTaskSchema, input);
      const zone = data.due_at || data.repeat || data.reminders?.length ? await settings.timeZone(userId) : 'UTC';
      const row = await journaled(userId, async (tx) => {
        const created = await insertNumbered(tx, { userId, title: data.title, description: data.description ?? null, ...detailColumns(data, zone) });
        await scheduleReminders(tx, null, created);
        return { result: created, entries: [{ op: 'create', taskId: created.id, before: null, after: snapshotOf(created) }] };
      });
      return (await present(userId, [row], zone))[0]!;
    },

    /** Change any field (checked here too); `completed: false` reopens. Marking a repeating task done creates its next occurrence. */
    async update(userId: string, id: number, input: TaskChangesInput, bulk: { confirmation?: string } = {}): Promise<CompletedTask> {
      const data = parseInput(taskChangesSchema, input);
      const zone = await settings.timeZone(userId);
      const { title, description, completed } = data;
      // A new due, repeat or reminder is read against the task as it is (a repeat anchors on its due, a reminder
      // counts from it) and can be refused: those read the locked row first, so a missing task is still reported as
      // such before anything about the input. The other fields are set whatever the row holds.
      const values =
        data.due_at === undefined && data.repeat === undefined && data.reminders === undefined
          ? { title, description, completed, ...detailColumns(data, zone) }
          : (current: Row) => ({ title, description, completed, ...detailColumns(data, zone, current) });
      const { row, next } = await journaled(userId, (tx, context) => change(tx, context, userId, id, values, zone, bulk.confirmation));
      return withNext(userId, row, next, zone);
    },

    /** Mark done (idempotent), or flip it when `toggle` is set; a repeating task gets its next occurrence once. */
    async complete(userId: string, id: number, options: { toggle?: boolean; confirmation?: string } = {}): Promise<CompletedTask> {
      const zone = await settings.timeZone(userId);
      const { row, next } = await journaled(userId, (tx, context) =>
        change(tx, context, userId, id, { completed: options.toggle ? sql`not ${tasks.completed}` : true }, zone, options.confirmation),
      );
      return withNext(userId, row, next, zone);
    },

    /** Move a task to "Recently deleted" (purged after 30 days); returns it as it was. */
    async remove(userId: string, id: number, bulk: { confirmation?: string } = {}): Promise<Task> {
      const row = await journaled(userId, async (tx, context) => {
        const changed = await lockAndUpdate(tx, userId, id, { deletedAt: clock() });
        if (!changed) throw taskNotFound(id);
        // Refused, this throws and the transaction rolls back whole, the delete with it.
        await guard(tx, userId, context, 'delete', id, bulk.confirmation);
        const { before, after } = changed;
        await scheduleReminders(tx, before, after);
        return { result: before, entries: [{ op: 'delete', taskId: id, before: snapshotOf(before), after: snapshotOf(after) }] };
      });
      return (await present(userId, [row]))[0]!;
    },

    /**
     * A confirmation for deleting or completing these tasks in a later group: the preview the user must see
     * (every id must be a live task of theirs), the token, and when it expires.
     */
    async previewBulk(userId: string, action: BulkAction, ids: readonly number[]): Promise<BulkPreview> {
      const unique = [...new Set(ids)];
      const rows = unique.length ? await db.select().from(tasks).where(and(eq(tasks.userId, userId), isNull(tasks.deletedAt), inArray(tasks.id, unique))) : [];
      const missing = unique.find((id) => !rows.some((row) => row.id === id));
      if (missing !== undefined) throw taskNotFound(missing);
      const { token, expiresAt } = options.confirmations.issue(userId, action, unique, changeContext().group, clock());
      const tasksInOrder = unique.map((id) => rows.find((row) => row.id === id)!).map((row) => ({ id: row.id, title: row.title }));
      return { action, confirmation: token, tasks: tasksInOrder, expires_at: expiresAt.toISOString() };
    },
  };
}

/** What the user must see before a bulk change, and the token that lets it through afterwards. */
export interface BulkPreview {
  action: BulkAction;
  confirmation: string;
  tasks: { id: number; title: string }[];
  expires_at: string;
}

export type TaskService = ReturnType<typeof createTaskService>;

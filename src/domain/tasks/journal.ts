// The change journal: every change to a task is recorded in the transaction that makes it, with the group it
// belongs to (a chat turn, a REST call, an MCP call) and where it came from. Undo and the activity list read it.
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { atomically } from '../../db/unit-of-work.js';
import { CHANGE_OPS, CHANGE_SOURCES, taskChanges } from '../../db/schema.js';
import { formatDue } from './due.js';
import { snapshotSchema, type Snapshot } from './row.js';

export type ChangeOp = (typeof CHANGE_OPS)[number];
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

/** Who is changing tasks, as part of what: the group is one chat turn, one REST call or one MCP call. */
export interface ChangeContext {
  group: string;
  source: ChangeSource;
  /** The MCP client's name, when known. */
  client?: string | null;
  /** The group being undone, when the changes are an undo's. */
  undoes?: string;
  /** The group's changes counted in memory (a chat turn's): the bulk limits then need no query. */
  tally?: GroupTally;
  /** The zone of the user making the changes, when the caller has read it already (a chat turn reads it once). */
  zone?: { userId: string; timeZone: string };
}

/**
 * How many changes of each op a group has committed, for a group whose every change goes through units of work
 * that report here: recorded changes count once their transaction commits (`settle`), so a rollback counts nothing.
 */
export class GroupTally {
  private readonly committed = new Map<ChangeOp, number>();
  private pending: ChangeOp[] = [];

  /** Changes recorded, and committed so far, under the group. */
  count(op: ChangeOp): number {
    return (this.committed.get(op) ?? 0) + this.pending.filter((p) => p === op).length;
  }

  /** Changes recorded in the open transaction. */
  add(ops: readonly ChangeOp[]): void {
    this.pending.push(...ops);
  }

  /** The open transaction ended: its changes count if it committed, else they are forgotten. */
  settle(committed: boolean): void {
    if (committed) for (const op of this.pending) this.committed.set(op, (this.committed.get(op) ?? 0) + 1);
    this.pending = [];
  }
}

/** One change about to be recorded. */
export interface ChangeEntry {
  op: ChangeOp;
  taskId: number;
  before: Snapshot | null;
  after: Snapshot;
}

/** One journal row as the activity list shows it. */
export interface ActivityEntry {
  id: number;
  group_id: string;
  op: ChangeOp;
  task_id: number;
  title: string;
  /** The fields the change set: `{field: {from, to}}` (empty for a create, a delete or a restore). */
  changes: Record<string, { from: unknown; to: unknown }>;
  source: ChangeSource;
  client: string | null;
  created_at: string;
  /** True once the change's group was undone. */
  undone: boolean;
  /** The group this change undid, when an undo made it. */
  undoes: string | null;
}

const FIELDS: [keyof Snapshot, string][] = [
  ['title', 'title'],
  ['description', 'description'],
  ['completed', 'completed'],
  ['dueAt', 'due_at'],
  ['priority', 'priority'],
  ['tags', 'tags'],
  ['repeat', 'repeat'],
  ['reminders', 'reminders'],
];

/** A snapshot's due as the API writes dues: "YYYY-MM-DD" for a whole day, else the instant with the user's offset. */
function dueText(snapshot: Snapshot, timeZone: string): string | null {
  return snapshot.dueAt ? formatDue({ at: new Date(snapshot.dueAt), allDay: snapshot.dueAllDay }, timeZone) : null;
}

/** What a change set, field by field (dues in the user's zone, as tasks show them). */
function diff(op: ChangeOp, before: Snapshot | null, after: Snapshot, timeZone: string): ActivityEntry['changes'] {
  if (!before || op === 'create' || op === 'delete' || op === 'restore') return {};
  const changes: ActivityEntry['changes'] = {};
  for (const [key, name] of FIELDS) {
    if (key === 'dueAt') {
      const [from, to] = [dueText(before, timeZone), dueText(after, timeZone)];
      if (from !== to) changes[name] = { from, to };
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[name] = { from: before[key], to: after[key] };
    }
  }
  return changes;
}

type JournalRow = typeof taskChanges.$inferSelect;

/** A stored row as the activity list shows it, dues in `timeZone` (snapshots are checked as they are read back). */
export function toActivity(row: JournalRow, timeZone = 'UTC'): ActivityEntry {
  const after = snapshotSchema.parse(row.after);
  const before = row.before === null ? null : snapshotSchema.parse(row.before);
  return {
    id: row.id,
    group_id: row.groupId,
    op: row.op,
    task_id: row.taskId,
    title: after.title,
    changes: diff(row.op, before, after, timeZone),
    source: row.source,
    client: row.client,
    created_at: row.createdAt.toISOString(),
    undone: row.undoneAt !== null,
    undoes: row.undoes,
  };
}

/** The journal on one database handle (the transaction of the change it records). */
export function createJournal(db: Database) {
  return {
    /** Record changes made under `context`, in the caller's transaction. */
    async record(userId: string, context: ChangeContext, entries: readonly ChangeEntry[]): Promise<void> {
      // A change that changed nothing (the same title written again) is not history, and nothing to undo.
      const real = entries.filter((entry) => entry.op !== 'update' || JSON.stringify(entry.before) !== JSON.stringify(entry.after));
      if (!real.length) return;
      context.tally?.add(real.map((entry) => entry.op));
      await db.insert(taskChanges).values(
        real.map((entry) => ({
          userId,
          groupId: context.group,
          taskId: entry.taskId,
          op: entry.op,
          before: entry.before,
          after: entry.after,
          source: context.source,
          client: context.client ?? null,
          undoes: context.undoes ?? null,
        })),
      );
    },

    /** How many changes of `op` a group has made so far (the bulk-change limits of a chat turn). */
    async countInGroup(userId: string, group: string, op: ChangeOp, tally?: GroupTally): Promise<number> {
      if (tally) return tally.count(op);
      const [row] = await db
        .select({ n: count() })
        .from(taskChanges)
        .where(and(eq(taskChanges.userId, userId), eq(taskChanges.groupId, group), eq(taskChanges.op, op)));
      return row?.n ?? 0;
    },

    /** The user's changes, newest first; `before` is the id of the last entry of the previous page. */
    async activity(userId: string, options: { limit: number; before?: number; since?: Date; timeZone?: string }): Promise<ActivityEntry[]> {
      const conditions: SQL[] = [eq(taskChanges.userId, userId)];
      if (options.before !== undefined) conditions.push(lt(taskChanges.id, options.before));
      if (options.since) conditions.push(gte(taskChanges.createdAt, options.since));
      const rows = await db
        .select()
        .from(taskChanges)
        .where(and(...conditions))
        .orderBy(desc(taskChanges.id))
        .limit(options.limit);
      return rows.map((row) => toActivity(row, options.timeZone));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/** Run a change and journal it under `context`, atomically (in the caller's transaction when `db` is one). */
export function journaledChange<T>(
  db: Database,
  userId: string,
  context: ChangeContext,
  change: (tx: Database) => Promise<{ result: T; entries: ChangeEntry[] }>,
): Promise<T> {
  return atomically(db, async (tx) => {
    const { result, entries } = await change(tx);
    await createJournal(tx).record(userId, context, entries);
    return result;
  });
}

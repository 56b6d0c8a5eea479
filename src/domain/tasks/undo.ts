// Undo: put back what one change group (a chat turn, a REST call, an MCP call) did, in one transaction. A task
// changed again since is left alone and said so; repeated undo walks further back.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { atomically } from '../../db/unit-of-work.js';
import type { Database } from '../../db/client.js';
import { taskChanges, tasks } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { createJournal, toActivity, type ChangeContext, type ChangeEntry, type ChangeOp, type ChangeSource } from './journal.js';
import { syncReminders } from './reminders.js';
import { columnsOf, dueOf, matches, snapshotOf, snapshotSchema, type Snapshot } from './row.js';

/** What an undo did: the changes put back, the ones left alone, and a sentence for people. */
export interface UndoResult {
  group_id: string;
  undone: { task_id: number; op: ChangeOp; title: string }[];
  skipped: { task_id: number; op: ChangeOp; title: string; reason: string }[];
  message: string;
}

/** Which group to undo: a given one, or the latest that stands (of one source only, when given). */
export interface UndoTarget {
  group?: string;
  source?: ChangeSource;
}

/** The op that reverses another (undoing a create deletes, undoing a delete restores…). */
const INVERSE: Record<ChangeOp, ChangeOp> = {
  create: 'delete',
  delete: 'restore',
  restore: 'delete',
  complete: 'reopen',
  reopen: 'complete',
  update: 'update',
};

/** The state undo puts a task back to: before the change, or deleted for a task the change created. */
function previousState(op: ChangeOp, before: Snapshot | null, after: Snapshot, now: Date): Snapshot {
  if (before) return before;
  // A create has no before: undoing it deletes the task (it can still be restored from "Recently deleted").
  return op === 'create' ? { ...after, deletedAt: now.toISOString() } : after;
}

function describe(result: Omit<UndoResult, 'message'>): string {
  const done = result.undone.length;
  const parts = [done ? `Undid ${done} change${done === 1 ? '' : 's'}: ${result.undone.map((u) => `#${u.task_id} ${u.title}`).join(', ')}.` : 'Nothing was undone.'];
  for (const s of result.skipped) parts.push(`Left #${s.task_id} ${s.title} alone: ${s.reason}.`);
  return parts.join(' ');
}

/** The latest group of the user that has not been undone and is not itself an undo. */
async function latestGroup(db: Database, userId: string, source?: ChangeSource): Promise<string | undefined> {
  const conditions = [eq(taskChanges.userId, userId), isNull(taskChanges.undoneAt), isNull(taskChanges.undoes)];
  if (source) conditions.push(eq(taskChanges.source, source));
  const [row] = await db.select({ group: taskChanges.groupId }).from(taskChanges).where(and(...conditions)).orderBy(desc(taskChanges.id)).limit(1);
  return row?.group;
}

/**
 * Undo one group of the user's changes under `context` (the undo is a group of its own, which undo never picks).
 * CONFLICT when there is nothing to undo; the group's rows are claimed first, so two undos never undo one group twice.
 */
export async function undoGroup(db: Database, userId: string, context: ChangeContext, target: UndoTarget = {}): Promise<UndoResult> {
  const now = new Date();
  return atomically(db, async (tx) => {
    const group = target.group ?? (await latestGroup(tx, userId, target.source));
    if (!group) throw new AppError('CONFLICT', 'There is nothing to undo');
    const claimed = await tx
      .update(taskChanges)
      .set({ undoneAt: now })
      .where(and(eq(taskChanges.userId, userId), eq(taskChanges.groupId, group), isNull(taskChanges.undoneAt), isNull(taskChanges.undoes)))
      .returning();
    if (!claimed.length) {
      throw new AppError('CONFLICT', target.group ? 'Those changes were already undone, or are not yours to undo' : 'There is nothing to undo');
    }
    const undone: UndoResult['undone'] = [];
    const skipped: UndoResult['skipped'] = [];
    const entries: ChangeEntry[] = [];
    // Newest first: a completion's next occurrence goes before the completion it came from.
    for (const change of claimed.sort((a, b) => b.id - a.id)) {
      const entry = toActivity(change);
      const after = snapshotSchema.parse(change.after);
      const before = change.before === null ? null : snapshotSchema.parse(change.before);
      const mine = and(eq(tasks.userId, userId), eq(tasks.id, change.taskId));
      const [current] = await tx.select().from(tasks).where(mine).for('update');
      if (!current) {
        skipped.push({ task_id: change.taskId, op: change.op, title: entry.title, reason: 'it no longer exists' });
      } else if (!matches(current, after)) {
        skipped.push({ task_id: change.taskId, op: change.op, title: current.title, reason: 'it changed since' });
      } else {
        const [restored] = await tx.update(tasks).set({ ...columnsOf(previousState(change.op, before, after, now)), updatedAt: sql`now()` }).where(mine).returning();
        // Completing or deleting cancelled the reminders: putting the task back brings them back.
        if (current.reminders.length || restored!.reminders.length) await syncReminders(tx, restored!, dueOf(restored!), now);
        entries.push({ op: INVERSE[change.op], taskId: change.taskId, before: snapshotOf(current), after: snapshotOf(restored!) });
        undone.push({ task_id: change.taskId, op: change.op, title: restored!.title });
      }
    }
    await createJournal(tx).record(userId, { ...context, undoes: group }, entries);
    const result = { group_id: group, undone, skipped };
    return { ...result, message: describe(result) };
  });
}

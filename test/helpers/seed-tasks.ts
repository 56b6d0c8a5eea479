// Many tasks in two statements, for tests that need thousands (1,100 chat turns would take minutes): numbered
// after the user's last task, as the service numbers them, and bypassing the journal.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { taskNumbers, tasks } from '../../src/db/schema.js';

/** Insert `rows` for `userId` in this order (the first gets the lowest number). */
export async function insertTasks(db: Database, userId: string, rows: readonly { title: string; completed?: boolean }[]): Promise<void> {
  if (!rows.length) return;
  const [taken] = await db
    .insert(taskNumbers)
    .values({ userId, lastId: rows.length })
    .onConflictDoUpdate({ target: taskNumbers.userId, set: { lastId: sql`${taskNumbers.lastId} + ${rows.length}` } })
    .returning({ last: taskNumbers.lastId });
  const first = taken!.last - rows.length + 1;
  await db.insert(tasks).values(rows.map((row, i) => ({ userId, id: first + i, title: row.title, completed: row.completed ?? false })));
}

/** The last task number `userId` was given (0 before their first task). */
export async function lastTaskNumber(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ last: taskNumbers.lastId }).from(taskNumbers).where(eq(taskNumbers.userId, userId));
  return row?.last ?? 0;
}

/**
 * Task numbers are each user's own, so "another user's task id" only means something when the caller has no task
 * with that number: fill `other`'s numbers past `caller`'s last one, so `other`'s next task is a number the caller lacks.
 */
export async function numberBeyond(db: Database, caller: string, other: string): Promise<void> {
  const gap = (await lastTaskNumber(db, caller)) + 5 - (await lastTaskNumber(db, other));
  if (gap > 0) await insertTasks(db, other, Array.from({ length: gap }, (_v, i) => ({ title: `Filler ${i + 1}` })));
}

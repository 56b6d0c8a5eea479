// "Recently deleted": deleted tasks stay 30 days, can be restored, and are then purged for good.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import type { SettingsService } from '../settings.js';
import { journaledChange, type ChangeContext } from './journal.js';
import { syncReminders } from './reminders.js';
import { dueOf, snapshotOf, toTask, type Task } from './row.js';
import { taskNotFound } from './service.js';

/** How long a deleted task can be restored. */
export const TRASH_DAYS = 30;

/** A task in "Recently deleted", with when it was deleted and when it will be purged. */
export type TrashedTask = Task & { deleted_at: string; purge_at: string };

const deletedTask = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id), isNotNull(tasks.deletedAt));

/** The user's deleted tasks and their restore, on one database handle. */
export function createTrash(db: Database, options: { settings: SettingsService; now?: () => Date; change?: ChangeContext }) {
  const clock = options.now ?? (() => new Date());
  const purgeAt = (deletedAt: Date) => new Date(deletedAt.getTime() + TRASH_DAYS * 86_400_000).toISOString();
  return {
    /** Deleted tasks, most recently deleted first. */
    async list(userId: string): Promise<TrashedTask[]> {
      const rows = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.userId, userId), isNotNull(tasks.deletedAt)))
        .orderBy(desc(tasks.deletedAt), desc(tasks.id))
        .limit(1000);
      const zone = rows.some((r) => r.dueAt) ? await options.settings.timeZone(userId) : 'UTC';
      const now = clock();
      return rows.map((row) => ({ ...toTask(row, zone, now), deleted_at: row.deletedAt!.toISOString(), purge_at: purgeAt(row.deletedAt!) }));
    },

    /** Bring a deleted task back; NOT_FOUND unless it is in the trash. */
    async restore(userId: string, id: number): Promise<Task> {
      const context = options.change ?? { group: randomUUID(), source: 'rest' };
      const row = await journaledChange(db, userId, context, async (tx) => {
        const [current] = await tx.select().from(tasks).where(deletedTask(userId, id)).for('update');
        if (!current) throw taskNotFound(id);
        const [restored] = await tx.update(tasks).set({ deletedAt: null, updatedAt: new Date() }).where(deletedTask(userId, id)).returning();
        if (restored!.reminders.length) await syncReminders(tx, restored!, dueOf(restored!), clock());
        return { result: restored!, entries: [{ op: 'restore', taskId: id, before: snapshotOf(current), after: snapshotOf(restored!) }] };
      });
      const zone = row.dueAt ? await options.settings.timeZone(userId) : 'UTC';
      return toTask(row, zone, clock());
    },
  };
}

export type Trash = ReturnType<typeof createTrash>;

/** Delete for good the tasks deleted more than 30 days before `now`, every user's; returns how many. Safe to run on several instances at once. */
export async function purgeDeletedTasks(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
  const purged = await db.delete(tasks).where(lt(tasks.deletedAt, cutoff)).returning({ id: tasks.id });
  return purged.length;
}

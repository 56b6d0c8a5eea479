// Notifications: reminders that fired and daily digests, what the scheduler claims and delivers, and what each
// outside channel (Web Push, webhook, e-mail) still has to send. Claims use FOR UPDATE SKIP LOCKED, so several
// instances on one database deliver each reminder once.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { notificationDeliveries, notifications, pushSubscriptions, taskReminders, tasks, userSettings } from '../db/schema.js';
import { AppError } from '../errors.js';
import { dueOf } from './tasks/row.js';

/** The outside channels a notification can also go to. */
export type Channel = 'push' | 'webhook' | 'email';

/** A notification as the API shows it. */
export interface Notification {
  id: number;
  kind: 'reminder' | 'digest';
  task_id: number | null;
  title: string;
  body: string | null;
  due_at: string | null;
  fire_at: string;
  delivered_at: string;
  late: boolean;
  read: boolean;
}

/** A delivered reminder this late is flagged `late`; one later than a day is dropped (noted in the log). */
export const LATE_AFTER_MS = 60_000;
export const DROP_AFTER_MS = 24 * 60 * 60_000;

/** How long a claim holds a row for the instance delivering it (a crashed instance's claims expire). */
const CLAIM_MS = 60_000;

/** Retry delays of an outside channel, attempt by attempt; after the last, the delivery has failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];

/** A notification row as the API shows it. */
export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    task_id: row.taskId,
    title: row.title,
    body: row.body,
    due_at: row.dueAt ? row.dueAt.toISOString() : null,
    fire_at: row.fireAt.toISOString(),
    delivered_at: row.deliveredAt.toISOString(),
    late: row.late,
    read: row.readAt !== null,
  };
}

/** A notification as stored. */
export type NotificationRow = typeof notifications.$inferSelect;

/** What delivering a claimed reminder did. */
export type ReminderOutcome =
  | { kind: 'delivered'; notification: NotificationRow; late: boolean; lagMs: number }
  | { kind: 'dropped'; lagMs: number; userId: string; taskId: number }
  | { kind: 'gone' };

/** One pending outside delivery, claimed, with what it carries. */
export interface ClaimedDelivery {
  id: number;
  channel: Channel;
  attempts: number;
  notification: NotificationRow;
}

/** The notification domain on one database handle. */
export function createNotificationService(db: Database) {
  /** The outside channels a user's notifications go to, of the ones the server has (`available`). */
  async function channelsOf(userId: string, available: readonly Channel[]): Promise<Channel[]> {
    if (!available.length) return [];
    const [settings] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
    const [push] = available.includes('push') ? await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).limit(1) : [];
    const wanted: Record<Channel, boolean> = { push: !!push, webhook: !!settings?.webhookUrl, email: !!settings?.emailNotifications };
    return available.filter((channel) => wanted[channel]);
  }

  return {
    channelsOf,

    /** Claim up to `limit` reminders due by `now` that no instance holds (each claim expires after a minute). */
    async claimDueReminders(now: Date, limit: number): Promise<{ id: number }[]> {
      const due = db
        .select({ id: taskReminders.id })
        .from(taskReminders)
        .where(and(isNull(taskReminders.deliveredAt), lte(taskReminders.fireAt, now), or(isNull(taskReminders.claimedUntil), lt(taskReminders.claimedUntil, now))))
        .orderBy(asc(taskReminders.fireAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(taskReminders)
        .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
        .where(inArray(taskReminders.id, due))
        .returning({ id: taskReminders.id });
    },

    /**
     * Deliver one claimed reminder in the caller's transaction: the in-app notification, a pending delivery for each
     * outside channel, and the reminder marked delivered — together, so it is delivered once. A reminder more than a
     * day late is dropped instead; one whose task was completed or deleted meanwhile is gone.
     */
    async deliverReminder(reminderId: number, now: Date, available: readonly Channel[]): Promise<ReminderOutcome> {
      const [reminder] = await db.select().from(taskReminders).where(and(eq(taskReminders.id, reminderId), isNull(taskReminders.deliveredAt))).for('update');
      if (!reminder) return { kind: 'gone' };
      const [task] = await db.select().from(tasks).where(and(eq(tasks.userId, reminder.userId), eq(tasks.id, reminder.taskId)));
      await db.update(taskReminders).set({ deliveredAt: now }).where(eq(taskReminders.id, reminderId));
      if (!task || task.deletedAt || task.completed) return { kind: 'gone' };
      const lagMs = now.getTime() - reminder.fireAt.getTime();
      if (lagMs > DROP_AFTER_MS) return { kind: 'dropped', lagMs, userId: task.userId, taskId: task.id };
      const late = lagMs > LATE_AFTER_MS;
      const [notification] = await db
        .insert(notifications)
        .values({ userId: task.userId, kind: 'reminder', taskId: task.id, reminderId, title: task.title, dueAt: dueOf(task)?.at ?? null, fireAt: reminder.fireAt, deliveredAt: now, late })
        .returning();
      const channels = await channelsOf(task.userId, available);
      if (channels.length) {
        await db.insert(notificationDeliveries).values(channels.map((channel) => ({ notificationId: notification!.id, userId: task.userId, channel, nextAttemptAt: now })));
      }
      return { kind: 'delivered', notification: notification!, late, lagMs };
    },

    /** Write a notification that is not a reminder (the daily digest), with its outside deliveries. */
    async notify(userId: string, values: { kind: 'digest'; title: string; body: string; fireAt: Date }, now: Date, available: readonly Channel[]): Promise<NotificationRow> {
      const [notification] = await db.insert(notifications).values({ userId, ...values, deliveredAt: now }).returning();
      const channels = await channelsOf(userId, available);
      if (channels.length) {
        await db.insert(notificationDeliveries).values(channels.map((channel) => ({ notificationId: notification!.id, userId, channel, nextAttemptAt: now })));
      }
      return notification!;
    },

    /** Claim up to `limit` outside deliveries whose next attempt is due. */
    async claimDeliveries(now: Date, limit: number): Promise<ClaimedDelivery[]> {
      const due = db
        .select({ id: notificationDeliveries.id })
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.status, 'pending'),
            lte(notificationDeliveries.nextAttemptAt, now),
            or(isNull(notificationDeliveries.claimedUntil), lt(notificationDeliveries.claimedUntil, now)),
          ),
        )
        .orderBy(asc(notificationDeliveries.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(notificationDeliveries)
        .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
        .where(inArray(notificationDeliveries.id, due))
        .returning();
      if (!claimed.length) return [];
      const rows = await db.select().from(notifications).where(inArray(notifications.id, claimed.map((c) => c.notificationId)));
      return claimed.flatMap((delivery) => {
        const notification = rows.find((row) => row.id === delivery.notificationId);
        return notification ? [{ id: delivery.id, channel: delivery.channel, attempts: delivery.attempts, notification }] : [];
      });
    },

    /** Record one attempt: sent, retried after a backoff, or failed for good (after the last retry, or when it never can succeed). */
    async recordAttempt(delivery: ClaimedDelivery, result: { ok: true } | { ok: false; error: string; final: boolean }, now: Date): Promise<'sent' | 'retry' | 'failed'> {
      const attempts = delivery.attempts + 1;
      const delay = RETRY_DELAYS_MS[attempts - 1];
      const status = result.ok ? 'sent' : result.final || delay === undefined ? 'failed' : 'pending';
      await db
        .update(notificationDeliveries)
        .set({
          status,
          attempts,
          claimedUntil: null,
          lastError: result.ok ? null : result.error.slice(0, 500),
          nextAttemptAt: status === 'pending' ? new Date(now.getTime() + delay!) : now,
          updatedAt: now,
        })
        .where(eq(notificationDeliveries.id, delivery.id));
      return status === 'pending' ? 'retry' : status;
    },

    /** The user's notifications, newest first (`unread`: only those not read yet). */
    async list(userId: string, options: { unread?: boolean; limit?: number } = {}): Promise<Notification[]> {
      const conditions = [eq(notifications.userId, userId)];
      if (options.unread) conditions.push(isNull(notifications.readAt));
      const rows = await db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.id)).limit(options.limit ?? 100);
      return rows.map(toNotification);
    },

    /** How many of the user's notifications are unread. */
    async unreadCount(userId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** Mark one of the user's notifications read; NOT_FOUND for another user's. */
    async markRead(userId: string, id: number): Promise<Notification> {
      const [row] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
        .returning();
      if (!row) throw new AppError('NOT_FOUND', `Notification ${id} not found`);
      return toNotification(row);
    },

    /** Every user's notifications after `afterId`, oldest first: what the live streams of this instance have not sent yet. */
    async since(afterId: number, limit: number): Promise<NotificationRow[]> {
      return db.select().from(notifications).where(gt(notifications.id, afterId)).orderBy(asc(notifications.id)).limit(limit);
    },

    /** The newest notification id (where a fresh stream poller starts). */
    async latestId(): Promise<number> {
      const [row] = await db.select({ id: sql<number>`coalesce(max(${notifications.id}), 0)::bigint` }).from(notifications);
      return Number(row?.id ?? 0);
    },

    /** One user's notifications after `afterId` (a stream resuming from Last-Event-ID), oldest first. */
    async userSince(userId: string, afterId: number, limit: number): Promise<NotificationRow[]> {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), gt(notifications.id, afterId)))
        .orderBy(asc(notifications.id))
        .limit(limit);
    },

    /** Keep a browser's push subscription for the user (the same endpoint again replaces its keys and owner). */
    async addPushSubscription(userId: string, subscription: { endpoint: string; p256dh: string; auth: string }): Promise<void> {
      await db
        .insert(pushSubscriptions)
        .values({ userId, ...subscription })
        .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: subscription.p256dh, auth: subscription.auth } });
    },

    /** The user's push subscriptions (where Web Push sends their notifications). */
    async pushSubscriptionsOf(userId: string): Promise<{ endpoint: string; p256dh: string; auth: string }[]> {
      return db.select({ endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
    },

    /** Forget one of the user's push subscriptions (the browser unsubscribed); true if there was one. */
    async removeOwnPushSubscription(userId: string, endpoint: string): Promise<boolean> {
      const removed = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint))).returning({ id: pushSubscriptions.id });
      return removed.length > 0;
    },

    /** Forget a push subscription the push service says is gone (404/410). */
    async removePushSubscription(endpoint: string): Promise<void> {
      await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
    },

    /** The users with a digest time, with their zone and the local day of their last digest. */
    async digestUsers(): Promise<{ userId: string; timeZone: string; digestTime: string; lastDigestOn: string | null }[]> {
      return db
        .select({ userId: userSettings.userId, timeZone: userSettings.timeZone, digestTime: userSettings.digestTime, lastDigestOn: userSettings.lastDigestOn })
        .from(userSettings)
        .where(isNotNull(userSettings.digestTime))
        .then((rows) => rows.flatMap((row) => (row.digestTime ? [{ ...row, digestTime: row.digestTime }] : [])));
    },

    /** Claim the digest of `localDay` for the user: true for exactly one claimant (instances race for it). */
    async claimDigest(userId: string, localDay: string): Promise<boolean> {
      const claimed = await db
        .update(userSettings)
        .set({ lastDigestOn: localDay })
        .where(and(eq(userSettings.userId, userId), or(isNull(userSettings.lastDigestOn), lt(userSettings.lastDigestOn, localDay))))
        .returning({ userId: userSettings.userId });
      return claimed.length === 1;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

// The live stream of notifications to the browsers connected to this instance. Whichever instance delivered a
// notification, every instance sees it in the database: one poller per instance reads what is new for everyone
// and hands each row to its user's open streams.
import type { NotificationRow, NotificationService } from '../domain/notifications.js';

/** Receives one user's new notifications, in order. */
export type NotificationListener = (notification: NotificationRow) => void;

/** Live notifications for the streams open on this instance. */
export interface NotificationHub {
  /** Listen for `userId`'s notifications from now on; returns the unsubscribe. */
  subscribe(userId: string, listener: NotificationListener): () => void;
  /** Stop polling (shutdown). */
  close(): void;
}

/** A hub polling `notifications` every `pollMs` while anyone listens. */
export function createNotificationHub(notifications: Pick<NotificationService, 'since' | 'latestId'>, options: { pollMs: number; onError: (error: unknown) => void }): NotificationHub {
  const listeners = new Map<string, Set<NotificationListener>>();
  let cursor: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      let after = await (cursor ??= notifications.latestId());
      for (;;) {
        const rows = await notifications.since(after, 200);
        for (const row of rows) for (const listener of listeners.get(row.userId) ?? []) listener(row);
        if (rows.length) after = rows[rows.length - 1]!.id;
        cursor = Promise.resolve(after);
        if (rows.length < 200) break;
      }
    } catch (error) {
      options.onError(error);
    } finally {
      polling = false;
    }
  };

  const stopIfIdle = () => {
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      // The next first listener starts from what is new then: rows in between went to streams that no longer exist.
      cursor = undefined;
    }
  };

  return {
    subscribe(userId, listener) {
      const own = listeners.get(userId) ?? new Set();
      own.add(listener);
      listeners.set(userId, own);
      cursor ??= notifications.latestId();
      timer ??= setInterval(() => void poll(), options.pollMs).unref();
      return () => {
        own.delete(listener);
        if (own.size === 0) listeners.delete(userId);
        stopIfIdle();
      };
    },
    close() {
      listeners.clear();
      stopIfIdle();
    },
  };
}

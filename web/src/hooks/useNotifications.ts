// The notification list, its unread count and the live stream: what the bell and its dialog show.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import { followNotifications, listNotifications, markNotificationRead, type AppNotification } from '../api/notifications';

/** What the bell and the notifications dialog render and can do. */
export interface NotificationsState {
  /** Newest first. */
  readonly items: readonly AppNotification[];
  readonly unread: number;
  readonly loaded: boolean;
  readonly error: string | null;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

/** How many notifications the dialog lists besides the unread ones. */
const RECENT = 50;

function merge(list: readonly AppNotification[], incoming: AppNotification): readonly AppNotification[] {
  const rest = list.filter((n) => n.id !== incoming.id);
  return [incoming, ...rest].sort((a, b) => b.id - a.id);
}

/**
 * Loads the latest notifications, then follows the stream from the newest one, so each arrives once;
 * `onArrive` hears of every notification that arrived while the page was open (for the toast).
 */
export function useNotifications(api: ApiClient, onArrive: (notification: AppNotification) => void, onSessionExpired: () => void): NotificationsState {
  const [items, setItems] = useState<readonly AppNotification[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The stream outlives renders: read the newest callback from a ref rather than restarting it.
  const arrive = useRef(onArrive);
  arrive.current = onArrive;

  useEffect(() => {
    const controller = new AbortController();
    const fail = (cause: unknown) => {
      if (controller.signal.aborted) return;
      if (cause instanceof SessionExpiredError) onSessionExpired();
      setError(`Notifications are not updating: ${describeError(cause)}`);
    };
    // The latest 50 for the list, and every unread one (up to the server's 200) so the count is right.
    Promise.all([listNotifications(api, { limit: RECENT }), listNotifications(api, { limit: 200, unread: true })])
      .then(([recent, unread]) => {
        if (controller.signal.aborted) return;
        const list = unread.reduce(merge, recent);
        setItems(list);
        setLoaded(true);
        const newest = list.reduce((max, n) => Math.max(max, n.id), 0);
        return followNotifications(
          api,
          newest,
          {
            onNotification: (notification) => {
              setItems((current) => merge(current, notification));
              if (!notification.read) arrive.current(notification);
            },
            onConnected: (connected) => {
              if (connected) setError(null);
            },
          },
          controller.signal,
        );
      })
      .catch(fail);
    return () => controller.abort();
  }, [api, onSessionExpired]);

  const markRead = useCallback(
    async (id: number) => {
      setItems((current) => current.map((n) => (n.id === id ? { ...n, read: true } : n)));
      try {
        const updated = await markNotificationRead(api, id);
        setItems((current) => current.map((n) => (n.id === id ? updated : n)));
      } catch (cause) {
        setItems((current) => current.map((n) => (n.id === id ? { ...n, read: false } : n)));
        if (cause instanceof SessionExpiredError) onSessionExpired();
        setError(`Could not mark it read: ${describeError(cause)}`);
      }
    },
    [api, onSessionExpired],
  );

  const markAllRead = useCallback(async () => {
    const unread = items.filter((n) => !n.read).map((n) => n.id);
    await Promise.all(unread.map((id) => markRead(id)));
  }, [items, markRead]);

  const unread = items.filter((n) => !n.read).length;
  return { items, unread, loaded, error, markRead, markAllRead };
}

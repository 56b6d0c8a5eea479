// Notifications over HTTP: the list, marking read, the live stream (SSE over fetch, since EventSource cannot send
// the bearer header), the Web Push subscription routes and the notification settings.
import * as z from 'zod/mini';
import { ApiError, isAbort, SessionExpiredError } from './errors';
import { readApiError, type ApiClient } from './http';
import { SseParser } from './sse';

/** One notification: a reminder that fired or a daily digest. */
export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  task_id: z.optional(z.nullable(z.number())),
  title: z.string(),
  body: z.optional(z.nullable(z.string())),
  due_at: z.optional(z.nullable(z.string())),
  fire_at: z.string(),
  delivered_at: z.optional(z.nullable(z.string())),
  late: z.optional(z.boolean()),
  read: z.boolean(),
});
/** One notification. */
export type AppNotification = z.infer<typeof notificationSchema>;

/** The notification part of `GET /api/{user_id}/settings` (older servers leave these out). */
export const notificationSettingsSchema = z.object({
  digest_time: z.optional(z.nullable(z.string())),
  webhook_url: z.optional(z.nullable(z.string())),
  webhook_secret: z.optional(z.nullable(z.string())),
  email_notifications: z.optional(z.boolean()),
});
/** The notification settings as the server has them. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** What the settings section may change (`null` turns a channel off). */
export interface NotificationSettingsPatch {
  readonly digest_time?: string | null;
  readonly webhook_url?: string | null;
  readonly email_notifications?: boolean;
}

const list = z.array(notificationSchema);
const pushKeySchema = z.object({ public_key: z.string() });

/** The latest notifications (or only the unread ones), newest first. */
export function listNotifications(api: ApiClient, options: { limit: number; unread?: boolean }): Promise<AppNotification[]> {
  const unread = options.unread ? '&unread=true' : '';
  return api.json(list, 'GET', `/api/{user_id}/notifications?limit={limit}${unread}`, { limit: options.limit });
}

/** Marks one notification read; resolves with it. */
export function markNotificationRead(api: ApiClient, id: number): Promise<AppNotification> {
  return api.json(notificationSchema, 'POST', '/api/{user_id}/notifications/{id}/read', { id });
}

/** The server's VAPID public key, or null when Web Push is not configured there (404). */
export async function getPushKey(api: ApiClient): Promise<string | null> {
  try {
    return (await api.json(pushKeySchema, 'GET', '/api/{user_id}/push-subscriptions/key')).public_key;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Registers a browser's push subscription (PushSubscription.toJSON()) with the server. */
export async function savePushSubscription(api: ApiClient, subscription: PushSubscriptionJSON): Promise<void> {
  const { endpoint, keys } = subscription;
  await api.send('POST', '/api/{user_id}/push-subscriptions', {}, { endpoint, keys });
}

/** Forgets a push subscription; one the server no longer has (404) is already gone. */
export async function deletePushSubscription(api: ApiClient, endpoint: string): Promise<void> {
  try {
    await api.send('DELETE', '/api/{user_id}/push-subscriptions', {}, { endpoint });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

/** The notification settings. */
export function getNotificationSettings(api: ApiClient): Promise<NotificationSettings> {
  return api.json(notificationSettingsSchema, 'GET', '/api/{user_id}/settings');
}

/** Changes notification settings; resolves with all of them as saved (a new webhook URL gets a new secret). */
export async function saveNotificationSettings(api: ApiClient, patch: NotificationSettingsPatch): Promise<NotificationSettings> {
  await api.send('PUT', '/api/{user_id}/settings', {}, patch);
  return getNotificationSettings(api);
}

/** What the stream reader reports. */
export interface StreamHandlers {
  onNotification(notification: AppNotification): void;
  /** The stream is (re)connected (true) or lost and waiting to reconnect (false). */
  onConnected(connected: boolean): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Reads one connection until it ends, moving `cursor.last` past each event it hands on. */
async function readOnce(api: ApiClient, cursor: { last: number; retry: number | null }, handlers: StreamHandlers, signal: AbortSignal): Promise<void> {
  const response = await api.fetch(api.url('/api/{user_id}/notifications/stream'), {
    headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(cursor.last) },
    signal,
  });
  if (!response.ok) throw await readApiError(response);
  if (!response.body) throw new ApiError(0, 'BAD_STREAM', 'The notification stream has no body.');
  handlers.onConnected(true);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const chunk = await reader.read();
      cursor.retry = parser.retry ?? cursor.retry;
      if (chunk.done) return;
      for (const event of parser.push(decoder.decode(chunk.value, { stream: true }))) {
        if (event.event !== 'notification') continue;
        const parsed = notificationSchema.safeParse(parseJson(event.data));
        if (!parsed.success) continue; // a shape a newer server sends: skip it rather than stop the stream
        cursor.last = Math.max(cursor.last, parsed.data.id);
        handlers.onNotification(parsed.data);
      }
    }
  } finally {
    reader.cancel().catch((error: unknown) => console.debug('notification stream cancel failed', error));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // fails the schema check, so the event is skipped
  }
}

/** Whether the stream must stop rather than reconnect: the session is gone or the server refuses this user. */
function isFinal(error: unknown): boolean {
  if (error instanceof SessionExpiredError) return true;
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/**
 * Follows `GET …/notifications/stream` from after `after` until `signal` aborts, reconnecting (with Last-Event-ID, so
 * nothing is missed or repeated) after a drop. A refused session stops it with that error.
 */
export async function followNotifications(api: ApiClient, after: number, handlers: StreamHandlers, signal: AbortSignal): Promise<void> {
  const cursor = { last: after, retry: null as number | null };
  let failures = 0;
  while (!signal.aborted) {
    try {
      await readOnce(api, cursor, handlers, signal);
      failures = 0;
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      if (isFinal(error)) throw error;
      failures += 1;
      console.warn('notification stream dropped; reconnecting', error);
    }
    handlers.onConnected(false);
    // The server's `retry` after a clean end; growing waits (to 30 s) while it keeps failing.
    await sleep(failures === 0 ? (cursor.retry ?? 3000) : Math.min(30_000, 1000 * 2 ** failures), signal);
  }
}

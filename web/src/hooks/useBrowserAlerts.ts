// "Notify me in this browser": the browser's Notification while the tab is hidden, and Web Push (through the
// service worker in public/sw.js) when the server has a VAPID key. Permission is only asked from a click.
import { useCallback, useEffect, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import { deletePushSubscription, getPushKey, savePushSubscription, type AppNotification } from '../api/notifications';

/** Where the browser stands: no Notification API, blocked by the person, not asked yet / turned off, or on. */
export type AlertsStatus = 'unsupported' | 'denied' | 'off' | 'on';

/** What the dialog's "Notify me in this browser" section shows and does. */
export interface BrowserAlertsState {
  readonly status: AlertsStatus;
  /** Whether Web Push reaches this browser with the tab closed (false: the server has no VAPID key, or no support). */
  readonly push: boolean;
  readonly busy: boolean;
  readonly error: string | null;
  /** Asks for permission (call it from a click) and subscribes to Web Push when the server offers it. */
  enable(): Promise<void>;
  disable(): Promise<void>;
}

const STORAGE_KEY = 'todo-chat:browser-alerts';
const SERVICE_WORKER = '/sw.js';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function pushSupported(): boolean {
  return supported() && 'serviceWorker' in navigator && 'PushManager' in window;
}

function readStatus(): AlertsStatus {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' && localStorage.getItem(STORAGE_KEY) === 'on' ? 'on' : 'off';
}

/** The VAPID key as the bytes PushManager.subscribe wants (it comes base64url-encoded). */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pushRegistration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER);
  return navigator.serviceWorker.ready;
}

/** Shows a notification that arrived while the tab is hidden (the tag matches the push one, so it shows once). */
export function showBrowserNotification(notification: AppNotification): void {
  if (readStatus() !== 'on' || document.visibilityState !== 'hidden') return;
  const alert = new Notification(notification.title, { body: notification.body ?? undefined, tag: `notification-${notification.id}` });
  alert.onclick = () => {
    window.focus();
    alert.close();
  };
}

/** The browser's side of notifications for one user; checks the server's push key once. */
export function useBrowserAlerts(api: ApiClient, onSessionExpired: () => void): BrowserAlertsState {
  const [status, setStatus] = useState<AlertsStatus>(readStatus);
  const [pushKey, setPushKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!pushSupported()) return;
    let cancelled = false;
    getPushKey(api)
      .then((key) => {
        if (!cancelled) setPushKey(key);
      })
      .catch((cause: unknown) => console.warn('could not read the Web Push key; push stays off', cause));
    return () => {
      cancelled = true;
    };
  }, [api]);

  const fail = useCallback(
    (cause: unknown, what: string) => {
      if (cause instanceof SessionExpiredError) onSessionExpired();
      setError(`${what}: ${describeError(cause)}`);
    },
    [onSessionExpired],
  );

  const enable = useCallback(async () => {
    if (!supported()) return;
    setBusy(true);
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return setStatus(permission === 'denied' ? 'denied' : 'off');
      localStorage.setItem(STORAGE_KEY, 'on');
      setStatus('on');
      if (!pushKey || !pushSupported()) return;
      const registration = await pushRegistration();
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(pushKey) }));
      await savePushSubscription(api, subscription.toJSON());
    } catch (cause) {
      fail(cause, 'Notifications work while this tab is open, but not when it is closed');
    } finally {
      setBusy(false);
    }
  }, [api, pushKey, fail]);

  const disable = useCallback(async () => {
    setBusy(true);
    setError(null);
    localStorage.removeItem(STORAGE_KEY);
    setStatus(readStatus());
    try {
      const registration = pushSupported() ? await navigator.serviceWorker.getRegistration(SERVICE_WORKER) : undefined;
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await deletePushSubscription(api, subscription.endpoint);
        await subscription.unsubscribe();
      }
    } catch (cause) {
      fail(cause, 'Could not stop Web Push in this browser');
    } finally {
      setBusy(false);
    }
  }, [api, fail]);

  return { status, push: pushKey !== null && pushSupported(), busy, error, enable, disable };
}

// The Web Push channel: each notification encrypted for, and sent to, every browser the user subscribed (the
// `web-push` library builds the VAPID-signed, aes128gcm-encrypted request; it is sent with fetch so it has a
// real timeout). A subscription the push service says is gone (404/410) is removed for good.
import webpush from 'web-push';
import type { NotificationRow } from '../../domain/notifications.js';
import type { Settings } from '../../domain/settings.js';
import { sendFailure, type OutsideChannel, type SendResult } from '../channel.js';
import type { VapidDetails } from '../vapid.js';
import { httpResult, networkFailure, type SendFailure } from './http-result.js';
import { describeNotification, notificationPayload } from './message.js';

/** A browser's subscription as kept. */
export interface StoredSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushChannelDeps {
  vapid: VapidDetails;
  subscriptions: {
    pushSubscriptionsOf(userId: string): Promise<StoredSubscription[]>;
    removePushSubscription(endpoint: string): Promise<void>;
  };
  settings: { get(userId: string): Promise<Settings> };
  appUrl: string;
  /** How long the push service has to answer (ms). */
  timeoutMs?: number;
  /** How long the push service keeps a message for an offline browser (s): a reminder a day old is no use. */
  ttlSeconds?: number;
  now?: () => Date;
}

// Push services take about 4 KB of encrypted payload (413 beyond): a long digest is cut (in characters that
// stay under it even at 3 bytes each); the app has all of it.
const MAX_PAYLOAD_BYTES = 3000;

/** The JSON pushed to the service worker, its long fields cut to fit a push message. */
function pushPayload(payload: ReturnType<typeof notificationPayload>): string {
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return JSON.stringify({ ...payload, title: cut(payload.title, 100), text: cut(payload.text, 300), body: payload.body === null ? null : cut(payload.body, 600) });
}

type Outcome = { kind: 'sent' } | { kind: 'gone' } | { kind: 'failed'; result: SendFailure };

/** The Web Push channel. */
export function createPushChannel(deps: PushChannelDeps): OutsideChannel {
  const clock = deps.now ?? (() => new Date());

  async function sendOne(subscription: StoredSubscription, payload: string): Promise<Outcome> {
    let request: webpush.RequestDetails;
    try {
      request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
        vapidDetails: deps.vapid,
        TTL: deps.ttlSeconds ?? 86_400,
        urgency: 'high',
        contentEncoding: 'aes128gcm',
      });
    } catch (error) {
      // Keys the browser never could have made: nothing to retry.
      return { kind: 'failed', result: { ok: false, error: `the push subscription is unusable: ${error instanceof Error ? error.message : String(error)}`, final: true } };
    }
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404 || response.status === 410) {
        await deps.subscriptions.removePushSubscription(subscription.endpoint);
        return { kind: 'gone' };
      }
      const result = httpResult('the push service', response.status);
      // 401/403: the push service refused our VAPID signature (keys changed since the browser subscribed).
      return result.ok ? { kind: 'sent' } : { kind: 'failed', result };
    } catch (error) {
      return { kind: 'failed', result: networkFailure('the push service', error) };
    }
  }

  return {
    name: 'push',
    async send(notification: NotificationRow): Promise<SendResult> {
      const subscriptions = await deps.subscriptions.pushSubscriptionsOf(notification.userId);
      if (!subscriptions.length) return { ok: false, error: 'the user has no push subscription any more', final: true };
      const settings = await deps.settings.get(notification.userId);
      const message = describeNotification(notification, settings, clock());
      const payload = pushPayload(notificationPayload(notification, message, deps.appUrl));
      const outcomes = await Promise.all(subscriptions.map((subscription) => sendOne(subscription, payload)));
      // One browser reached is a delivery: retrying would show it twice there to reach another.
      if (outcomes.some((o) => o.kind === 'sent')) return { ok: true };
      const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.result] : []));
      if (!failures.length) return sendFailure(new Error('every push subscription has expired (removed)'), true);
      const retried = failures.find((f) => !f.final);
      return { ok: false, error: (retried ?? failures[0]!).error, final: !retried };
    },
  };
}

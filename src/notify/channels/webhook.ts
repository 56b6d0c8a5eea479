// The webhook channel: each notification POSTed as JSON to the user's webhook_url (ntfy, a Slack-compatible
// incoming webhook — it reads `text` —, or any URL), signed so the receiver can tell it came from this server.
//
// X-Todo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the user's webhook_secret>
// The timestamp is inside the signed text, so a receiver that refuses old timestamps also refuses replays.
import { createHmac } from 'node:crypto';
import type { NotificationRow } from '../../domain/notifications.js';
import type { Settings } from '../../domain/settings.js';
import type { OutsideChannel, SendResult } from '../channel.js';
import { httpResult, networkFailure } from './http-result.js';
import { describeNotification, notificationPayload } from './message.js';

export interface WebhookChannelDeps {
  settings: { get(userId: string): Promise<Settings> };
  /** Where the app is (the `url` field). */
  appUrl: string;
  /** Sent as User-Agent. */
  version: string;
  /** How long the receiver has to answer (ms). */
  timeoutMs?: number;
  now?: () => Date;
}

/** The signature header's value for `body` signed with `secret` at `unixSeconds`. */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** The webhook channel over the users' settings. */
export function createWebhookChannel(deps: WebhookChannelDeps): OutsideChannel {
  const clock = deps.now ?? (() => new Date());
  return {
    name: 'webhook',
    async send(notification: NotificationRow): Promise<SendResult> {
      const settings = await deps.settings.get(notification.userId);
      if (!settings.webhook_url || !settings.webhook_secret) return { ok: false, error: 'the webhook was turned off', final: true };
      const now = clock();
      const body = JSON.stringify(notificationPayload(notification, describeNotification(notification, settings, now), deps.appUrl));
      try {
        const response = await fetch(settings.webhook_url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': `todo-chatbot/${deps.version}`,
            'x-todo-signature': webhookSignature(settings.webhook_secret, Math.floor(now.getTime() / 1000), body),
            'x-todo-notification-id': String(notification.id),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        });
        // Nothing in the answer is needed: drop it so the connection is freed.
        await response.body?.cancel().catch(() => undefined);
        return httpResult('the webhook', response.status);
      } catch (error) {
        return networkFailure('the webhook', error);
      }
    },
  };
}

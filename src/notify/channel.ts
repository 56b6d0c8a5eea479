import type { Channel, NotificationRow } from '../domain/notifications.js';

/** What one attempt to send through an outside channel came to. */
export type SendResult =
  | { ok: true }
  /** `final`: retrying cannot help (the subscription is gone, the address is refused); otherwise it is retried with backoff. */
  | { ok: false; error: string; final: boolean };

/** An outside channel a notification also goes to: Web Push, a webhook, e-mail. */
export interface OutsideChannel {
  readonly name: Channel;
  /** Send one notification to its user through this channel. Never throws: failures are results. */
  send(notification: NotificationRow): Promise<SendResult>;
}

/** The result of a thrown error: retried, since nothing says it cannot succeed later. */
export function sendFailure(error: unknown, final = false): SendResult {
  return { ok: false, error: error instanceof Error ? error.message : String(error), final };
}

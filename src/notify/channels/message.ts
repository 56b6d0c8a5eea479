// What a notification says outside the app: one short line for a phone or a chat (push, webhook `text`), a subject
// and a body for e-mail. Times are written in the user's zone and locale, like the chat writes them.
import { wallClock } from '../../calendar/clock.js';
import { writeDue } from '../../calendar/format.js';
import { formatZoned } from '../../calendar/zones.js';
import type { NotificationRow } from '../../domain/notifications.js';
import type { Settings } from '../../domain/settings.js';

/** A notification in words. */
export interface NotificationMessage {
  /** "Reminder: Call mom" or "Daily digest". */
  subject: string;
  /** One line: the subject and, for a reminder, when the task is due. */
  text: string;
  /** The longer text (the digest's lines; for a reminder, the due time). */
  body: string;
}

/** Describe a notification for its user (their zone and locale). */
export function describeNotification(notification: NotificationRow, settings: Pick<Settings, 'timezone' | 'locale'>, now: Date): NotificationMessage {
  if (notification.kind === 'digest') {
    const body = notification.body ?? '';
    return { subject: notification.title, text: `${notification.title}: ${body.replace(/\n+/g, ' ')}`.trim(), body };
  }
  const subject = `Reminder: ${notification.title}`;
  if (!notification.dueAt) return { subject, text: subject, body: subject };
  const due = `due ${writeDue(formatZoned(notification.dueAt, settings.timezone), wallClock(now, settings.timezone), settings.locale ?? undefined)}`;
  return { subject, text: `${subject} (${due})`, body: `${notification.title}, ${due}.` };
}

/** The JSON a webhook receives and a service worker is pushed: the notification as the API shows it, with `text`. */
export function notificationPayload(notification: NotificationRow, message: NotificationMessage, appUrl: string) {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    /** One line, the field Slack-compatible webhooks show. */
    text: message.text,
    body: notification.body,
    task_id: notification.taskId,
    due_at: notification.dueAt?.toISOString() ?? null,
    fire_at: notification.fireAt.toISOString(),
    delivered_at: notification.deliveredAt.toISOString(),
    late: notification.late,
    url: appUrl,
  };
}

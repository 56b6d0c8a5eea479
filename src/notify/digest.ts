// The daily digest: at the user's chosen local time, a short summary of what is due today, overdue and high
// priority, written as an assistant message in their "Daily digest" conversation (replying there is a chat like
// any other) and notified like a reminder.
import { randomUUID } from 'node:crypto';
import { toLocal } from '../calendar/zones.js';
import type { Domain, UnitOfWork } from '../domain/index.js';
import type { Channel, NotificationService } from '../domain/notifications.js';
import type { Task } from '../domain/tasks/service.js';

/** Writes the digests that are due. */
export interface DigestWriter {
  /** Write every digest due at `now`; returns how many were written. */
  writeDue(now: Date, available: readonly Channel[]): Promise<number>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const line = (tasks: readonly Task[]) => tasks.map((task) => `#${task.id} ${task.title}`).join(', ');

/** The digest's text from the user's task lists (empty lists are left out). */
export function digestText(lists: { today: readonly Task[]; overdue: readonly Task[]; important: readonly Task[] }): string {
  const parts = [
    lists.today.length ? `Due today: ${line(lists.today)}.` : 'Nothing is due today.',
    lists.overdue.length ? `Overdue: ${line(lists.overdue)}.` : '',
    lists.important.length ? `High priority: ${line(lists.important)}.` : '',
  ];
  return ['Good morning! Here is your day.', ...parts.filter(Boolean)].join('\n');
}

/** Compose one user's digest of `localDay` (their "YYYY-MM-DD") from their live tasks. */
async function compose(domain: Domain, userId: string, localDay: string): Promise<string> {
  // Dates written out, not "today": the digest is about the scheduler's day, whatever clock the domain reads.
  const yesterday = new Date(Date.parse(`${localDay}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [today, overdue, important] = await Promise.all([
    domain.tasks.list(userId, { status: 'pending', due_after: localDay, due_before: localDay, sort: 'due', limit: 10 }),
    domain.tasks.list(userId, { status: 'pending', due_before: yesterday, sort: 'due', limit: 10 }),
    domain.tasks.list(userId, { status: 'pending', priority: 'high', sort: 'due', limit: 5 }),
  ]);
  const shown = new Set([...today, ...overdue].map((task) => task.id));
  return digestText({ today, overdue, important: important.filter((task) => !shown.has(task.id)) });
}

/** A digest writer over the notification domain (to find who is due) and units of work (to claim and write each). */
export function createDigestWriter(deps: { notifications: Pick<NotificationService, 'digestUsers'>; unitOfWork: UnitOfWork }): DigestWriter {
  return {
    async writeDue(now, available) {
      let written = 0;
      for (const user of await deps.notifications.digestUsers()) {
        const local = toLocal(now, user.timeZone);
        const localDay = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
        if (`${pad(local.hour)}:${pad(local.minute)}` < user.digestTime || (user.lastDigestOn ?? '') >= localDay) continue;
        const wrote = await deps.unitOfWork({ group: randomUUID(), source: 'chat' }, async (domain) => {
          // The claim and the digest commit together: one instance writes it, and a failure leaves it to retry.
          if (!(await domain.notifications.claimDigest(user.userId, localDay))) return false;
          const text = await compose(domain, user.userId, localDay);
          const conversation = await domain.conversations.digest(user.userId);
          await domain.conversations.append(user.userId, conversation.id, { role: 'assistant', content: text });
          await domain.notifications.notify(user.userId, { kind: 'digest', title: 'Daily digest', body: text, fireAt: now }, now, available);
          return true;
        });
        if (wrote) written += 1;
      }
      return written;
    },
  };
}

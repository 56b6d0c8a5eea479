// The scheduler every instance runs: it delivers due reminders (durably: the schedule is in the database, so a
// reminder due while the server was down is delivered when it starts, marked late), sends the outside deliveries
// (retried with backoff, one failure never blocking the others), and writes each user's daily digest at their
// local time. Rows are claimed with FOR UPDATE SKIP LOCKED: several instances deliver each reminder once.
import type { FastifyBaseLogger } from 'fastify';
import type { Channel, NotificationService } from '../domain/notifications.js';
import type { NotifyMetrics } from '../observability/hooks.js';
import type { OutsideChannel } from './channel.js';
import { sendFailure } from './channel.js';
import type { DigestWriter } from './digest.js';

export interface SchedulerDeps {
  /** The notification domain on the pool (claims commit on their own). */
  notifications: NotificationService;
  /** Run `fn` with the notification domain bound to one transaction (delivering a reminder is all or nothing). */
  transaction: <T>(fn: (notifications: NotificationService) => Promise<T>) => Promise<T>;
  channels: readonly OutsideChannel[];
  digest: DigestWriter;
  logger: FastifyBaseLogger;
  metrics?: NotifyMetrics;
  now?: () => Date;
  /** How often to look for due reminders (ms). */
  pollMs: number;
  /** How often to look for due digests (ms). */
  digestPollMs?: number;
}

/** A running scheduler. */
export interface Scheduler {
  /** One pass over due reminders and outside deliveries (tests call it; the timer calls it every pollMs). */
  tick(): Promise<void>;
  /** One pass over due digests. */
  digestTick(): Promise<void>;
  /** Stop the timers and wait for the pass in progress. */
  stop(): Promise<void>;
}

const BATCH = 50;

/** Start the scheduler's timers (unref'd: they never keep the process alive). */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  const clock = deps.now ?? (() => new Date());
  const available: Channel[] = deps.channels.map((channel) => channel.name);
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function deliverReminders(): Promise<number> {
    const now = clock();
    const claimed = await deps.notifications.claimDueReminders(now, BATCH);
    for (const { id } of claimed) {
      try {
        const outcome = await deps.transaction((notifications) => notifications.deliverReminder(id, now, available));
        if (outcome.kind === 'delivered') {
          deps.metrics?.observeReminder('in_app', outcome.late ? 'late' : 'delivered', outcome.lagMs / 1000);
        } else if (outcome.kind === 'dropped') {
          deps.metrics?.observeReminder('in_app', 'dropped', outcome.lagMs / 1000);
          deps.logger.warn({ reminder_id: id, task_id: outcome.taskId, late_minutes: Math.round(outcome.lagMs / 60_000) }, 'reminder dropped: more than 24 hours late');
        }
      } catch (error) {
        // Its claim expires in a minute and another pass (here or on another instance) tries again.
        deps.logger.error({ err: error, reminder_id: id }, 'delivering a reminder failed');
      }
    }
    return claimed.length;
  }

  async function sendDeliveries(): Promise<number> {
    const now = clock();
    const claimed = await deps.notifications.claimDeliveries(now, BATCH);
    await Promise.all(
      claimed.map(async (delivery) => {
        const channel = deps.channels.find((c) => c.name === delivery.channel);
        const result = channel ? await channel.send(delivery.notification).catch((error: unknown) => sendFailure(error)) : sendFailure(new Error(`the ${delivery.channel} channel is not configured`), true);
        const status = await deps.notifications.recordAttempt(delivery, result, clock());
        // A late reminder counts as late on every channel it reaches, as it does in the app.
        const sent = delivery.notification.late ? 'late' : 'delivered';
        deps.metrics?.observeReminder(delivery.channel, status === 'sent' ? sent : status === 'retry' ? 'retry' : 'failed');
        if (!result.ok) deps.logger.warn({ channel: delivery.channel, notification_id: delivery.notification.id, attempts: delivery.attempts + 1, status, error: result.error }, 'notification delivery failed');
      }),
    );
    return claimed.length;
  }

  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        // Drain a backlog (after a restart) batch by batch without waiting for the next tick.
        while ((await deliverReminders()) === BATCH && !stopped);
        while ((await sendDeliveries()) === BATCH && !stopped);
      } catch (error) {
        deps.logger.error({ err: error }, 'scheduler pass failed; retrying at the next tick');
      }
    });
    return running;
  };

  const digestTick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await deps.digest.writeDue(clock(), available);
      } catch (error) {
        deps.logger.error({ err: error }, 'digest pass failed; retrying at the next tick');
      }
    });
    return running;
  };

  const reminderTimer = setInterval(() => void tick(), deps.pollMs).unref();
  const digestTimer = setInterval(() => void digestTick(), deps.digestPollMs ?? 30_000).unref();
  void tick();
  return {
    tick,
    digestTick,
    async stop() {
      stopped = true;
      clearInterval(reminderTimer);
      clearInterval(digestTimer);
      await running;
    },
  };
}

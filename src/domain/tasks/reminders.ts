// A task's reminders: the rules people set ("at 17:00", "30 minutes before"), and when each fires. The schedule
// (task_reminders) is rewritten in the transaction of every change that could move it, so the scheduler only
// ever reads rows that are due.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { taskReminders, type ReminderRule } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { parseDue, type Due } from './due.js';
import type { Row } from './row.js';

/** A reminder as clients send it (see fields.ts). */
export type ReminderInput = { at: string } | { minutes_before: number };

/** How long past its time a reminder being scheduled still counts as now (a change made at 17:00:20 for 17:00). */
const GRACE_MS = 60_000;

/** When a rule fires for a task due at `due`: its instant, or the due minus its minutes; null with no due. */
export function fireTimeOf(rule: ReminderRule, due: Due | null): Date | null {
  if ('at' in rule) return new Date(rule.at);
  return due ? new Date(due.at.getTime() - rule.minutes_before * 60_000) : null;
}

/** The rules to store for `input`, read in the user's zone; one that could never fire, or already would have, is refused. */
export function readReminders(input: readonly ReminderInput[], due: Due | null, zone: string, now: Date): ReminderRule[] {
  return input.map((reminder, i) => {
    const field = `reminders[${i}]`;
    let rule: ReminderRule;
    if ('at' in reminder) {
      const at = parseDue(reminder.at, zone, now, `${field}.at`);
      if (at.allDay) throw new AppError('VALIDATION_FAILED', `${field}.at needs a time of day, e.g. "${reminder.at} 09:00"`);
      rule = { at: at.at.toISOString() };
    } else {
      if (!due) throw new AppError('VALIDATION_FAILED', `${field} is ${reminder.minutes_before} minutes before the due time, but the task has no due date: set due_at too`);
      rule = { minutes_before: reminder.minutes_before };
    }
    const fires = fireTimeOf(rule, due)!;
    if (fires.getTime() < now.getTime() - GRACE_MS) {
      throw new AppError('VALIDATION_FAILED', `${field} would remind at ${fires.toISOString()}, which has passed: pick a later time`);
    }
    return rule;
  });
}

/** A repeating task's next occurrence keeps its reminders: relative ones as they are, absolute ones moved with the due. */
export function remindersForNext(rules: readonly ReminderRule[], due: Due | null, nextDue: Due): ReminderRule[] {
  const shift = due ? nextDue.at.getTime() - due.at.getTime() : 0;
  return rules.map((rule) => ('at' in rule ? { at: new Date(new Date(rule.at).getTime() + shift).toISOString() } : rule));
}

/**
 * Rewrite when `row`'s reminders fire, in the caller's transaction: the undelivered ones are replaced; a live,
 * pending task gets one row per rule that has a time not already past (a delivered row for the same rule and
 * time stays, and is not scheduled again).
 */
export async function syncReminders(tx: Database, row: Row, due: Due | null, now: Date): Promise<void> {
  await tx.delete(taskReminders).where(and(eq(taskReminders.userId, row.userId), eq(taskReminders.taskId, row.id), isNull(taskReminders.deliveredAt)));
  if (row.deletedAt || row.completed) return;
  const values = row.reminders.flatMap((rule, position) => {
    const fireAt = fireTimeOf(rule, due);
    return fireAt && fireAt.getTime() >= now.getTime() - GRACE_MS ? [{ userId: row.userId, taskId: row.id, position, fireAt }] : [];
  });
  if (values.length) await tx.insert(taskReminders).values(values).onConflictDoNothing();
}

// Reminders as the task editor and the task row say them: "At the due time", "30 minutes before", "Fri 27 Nov, 09:00".
import type { Reminder } from '../api/schemas';
import { formatDue, parseDue, type DueContext } from './due';

/** "At the due time", "5 minutes before", "1 hour before", "1 day before", "1 h 30 min before". */
export function describeMinutesBefore(minutes: number): string {
  if (minutes <= 0) return 'At the due time';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return `${plural(minutes / 1440, 'day')} before`;
  if (minutes % 60 === 0) return `${plural(minutes / 60, 'hour')} before`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min before`;
  return `${plural(minutes, 'minute')} before`;
}

/** One reminder in words; an absolute one in the app's date style. */
export function describeReminder(reminder: Reminder, context: DueContext = {}): string {
  if ('minutes_before' in reminder) return describeMinutesBefore(reminder.minutes_before);
  const due = parseDue(reminder.at);
  return due ? formatDue(due, context) : reminder.at;
}

function key(reminder: Reminder): string {
  return 'minutes_before' in reminder ? `m${reminder.minutes_before}` : `a${reminder.at}`;
}

/** Whether two lists hold the same reminders in the same order (an unchanged list is not sent). */
export function sameReminders(a: readonly Reminder[], b: readonly Reminder[]): boolean {
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i] as Reminder));
}

/** The list with `reminder` added, unless an equal one is already there. */
export function addReminder(list: readonly Reminder[], reminder: Reminder): readonly Reminder[] {
  return list.some((r) => key(r) === key(reminder)) ? list : [...list, reminder];
}

/** "2026-11-27T09:00" from a datetime-local input, or null when it is not a full date and time. */
export function localDateTime(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? value : null;
}

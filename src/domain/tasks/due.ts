import { readDue, type Due } from '../../calendar/due.js';
import { fromLocal, toLocal } from '../../calendar/zones.js';
import { AppError } from '../../errors.js';

export { formatDue, isOverdue, type Due } from '../../calendar/due.js';

function invalid(field: string, input: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${field} "${input.slice(0, 40)}" is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:mm, an ISO date-time, or words like "tomorrow 5pm"`,
  );
}

/**
 * Read a due date: "2026-11-27" (a date), "2026-11-27T17:00" (local time in the zone), an ISO date-time with an
 * offset, or English ("tomorrow 5pm", "next friday") read relative to `now` in the zone.
 */
export function parseDue(input: string, timeZone: string, now: Date, field = 'due'): Due {
  const due = readDue(input, timeZone, now);
  if (!due) throw invalid(field, input.trim());
  return due;
}

/** The range a `due_before`/`due_after` bound covers: a date means the whole local day. */
export function dueBound(input: string, timeZone: string, now: Date, field: string): { start: Date; endExclusive: Date } {
  const due = parseDue(input, timeZone, now, field);
  if (!due.allDay) return { start: due.at, endExclusive: new Date(due.at.getTime() + 1) };
  const local = toLocal(due.at, timeZone);
  const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return {
    start: due.at,
    endExclusive: fromLocal({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone),
  };
}

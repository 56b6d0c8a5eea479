// When a task is due, as the API takes and gives it: "YYYY-MM-DD" (a day), "YYYY-MM-DDTHH:mm" (a
// local time in the user's zone), an ISO date-time with an offset, or English ("tomorrow 5pm") read
// the way the chat reads it.
import { wallClock } from './clock.js';
import { findDates } from './date-phrases.js';
import { formatLocalDate, parseLocal } from './local.js';
import { formatZoned, fromLocal, startOfLocalDay, toLocal } from './zones.js';

/** When a task is due: an instant, and whether only its date matters. */
export interface Due {
  at: Date;
  allDay: boolean;
}

const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** What may surround the date in a due field: "due by friday, please". */
const FILLER = /^(\s|[,.!]|\b(due|by|on|at|before|until|please|the)\b)*$/i;
const MAX_ENGLISH = 100;

/** A due field read in a time zone at `now`; null when it is not a date (or names a day that does not exist). */
export function readDue(input: string, timeZone: string, now: Date): Due | null {
  const text = input.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/.test(text)) {
    const local = parseLocal(text);
    return local && local.year >= 1970 ? { at: fromLocal(local, timeZone), allDay: text.length === 10 } : null;
  }
  if (ZONED_DATE_TIME.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : { at, allDay: false };
  }
  if (text.length > MAX_ENGLISH) return null;
  const spans = findDates(text, wallClock(now, timeZone), 'field');
  const [span] = spans;
  // The date must be the whole text, give or take a filler word: "the day after never" is not "the day after".
  if (spans.length !== 1 || !span || !FILLER.test(`${text.slice(0, span.index)} ${text.slice(span.end)}`)) return null;
  const local = parseLocal(span.due);
  return local ? { at: fromLocal(local, timeZone), allDay: span.due.length === 10 } : null;
}

/** How a due date is shown: "2026-11-27" for a date, ISO with the zone's offset for a time. */
export function formatDue(due: Due, timeZone: string): string {
  return due.allDay ? formatLocalDate(toLocal(due.at, timeZone)) : formatZoned(due.at, timeZone);
}

/** Overdue: a date from the next local day on, a time from that instant on. */
export function isOverdue(due: Due, now: Date, timeZone: string): boolean {
  return due.allDay ? due.at.getTime() < startOfLocalDay(now, timeZone).getTime() : due.at.getTime() < now.getTime();
}

import * as chrono from 'chrono-node';
import { AppError } from '../errors.js';
import { formatLocalDate, type LocalDateTime } from '../calendar/local.js';
import { formatZoned, fromLocal, offsetMinutes, startOfLocalDay, toLocal } from '../calendar/zones.js';

/** When a task is due: an instant, and whether only its date matters. */
export interface Due {
  at: Date;
  allDay: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const FILLER = /^(\s|[,.!]|\b(due|by|on|at|before|until|please|the)\b)*$/i;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function invalid(field: string, input: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${field} "${input.slice(0, 40)}" is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:mm, an ISO date-time, or words like "tomorrow 5pm"`,
  );
}

function checkedLocal(fields: number[], field: string, input: string): LocalDateTime {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid || year < 1970 || year > 9999) throw invalid(field, input);
  return { year, month, day, hour, minute, second };
}

/**
 * Read a due date: "2026-11-27" (a date), "2026-11-27T17:00" (local time in the zone), an ISO date-time with an
 * offset, or English ("tomorrow 5pm", "next friday") read relative to `now` in the zone.
 */
export function parseDue(input: string, timeZone: string, now: Date, field = 'due'): Due {
  const text = input.trim();
  const date = DATE.exec(text);
  if (date) return { at: fromLocal(checkedLocal(date.slice(1).map(Number), field, text), timeZone), allDay: true };
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    return { at: fromLocal(checkedLocal(local.slice(1).map((v) => Number(v ?? 0)), field, text), timeZone), allDay: false };
  }
  if (ZONED_DATE_TIME.test(text)) {
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) throw invalid(field, text);
    return { at, allDay: false };
  }
  const [result] = chrono.parse(text, { instant: now, timezone: offsetMinutes(now, timeZone) }, { forwardDate: true });
  // The date must be the whole text, give or take a filler word: "the day after never" is not "the day after".
  const rest = result ? `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}` : text;
  if (!result || text.length > 100 || !FILLER.test(rest)) throw invalid(field, text);
  const start = result.start;
  const parts: LocalDateTime = {
    year: start.get('year') ?? 1970,
    month: start.get('month') ?? 1,
    day: start.get('day') ?? 1,
    hour: start.isCertain('hour') ? (start.get('hour') ?? 0) : 0,
    minute: start.isCertain('hour') ? (start.get('minute') ?? 0) : 0,
    second: 0,
  };
  return { at: fromLocal(parts, timeZone), allDay: !start.isCertain('hour') };
}

/** How a due date is shown: "2026-11-27" for a date, ISO with the zone's offset for a time. */
export function formatDue(due: Due, timeZone: string): string {
  return due.allDay ? formatLocalDate(toLocal(due.at, timeZone)) : formatZoned(due.at, timeZone);
}

/** Overdue: a date from the next local day on, a time from that instant on. */
export function isOverdue(due: Due, now: Date, timeZone: string): boolean {
  return due.allDay ? due.at.getTime() < startOfLocalDay(now, timeZone).getTime() : due.at.getTime() < now.getTime();
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

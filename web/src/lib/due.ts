// Due dates as people read them ("Fri 27 Nov, 17:00", with "Today" as a badge), in a zone and locale, with Intl only.

/** A parsed `due_at`: a whole day, or an instant with a time of day. */
export type Due =
  | { readonly kind: 'day'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'time'; readonly instant: Date };

/** What "now", the time zone and the locale are; each defaults to the browser's. */
export interface DueContext {
  readonly now?: Date;
  readonly timeZone?: string;
  readonly locale?: string;
}

interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Building a DateTimeFormat costs far more than using one, and a panel formats every task each minute.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** The browser's language ("en-GB"), which dates are written for; undefined lets Intl use its default. */
export function browserLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language || undefined;
}

/** The browser's IANA time zone ("Europe/Paris"); 'UTC' when the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Reads a `due_at` ("2026-11-27" or an ISO date-time); null when empty or unreadable. */
export function parseDue(value: string | null | undefined): Due | null {
  if (!value) return null;
  const day = DAY_ONLY.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const check = new Date(Date.UTC(year, month - 1, date));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null; // "2026-02-31"
    return { kind: 'day', year, month, day: date };
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : { kind: 'time', instant };
}

function zoneOf(context: DueContext): string {
  return context.timeZone ?? browserTimeZone();
}

/** The calendar day an instant falls on in a time zone. */
function calendarDay(instant: Date, timeZone: string): CalendarDay {
  const parts = formatter('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function dueDay(due: Due, timeZone: string): CalendarDay {
  return due.kind === 'day' ? due : calendarDay(due.instant, timeZone);
}

function dayNumber({ year, month, day }: CalendarDay): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Formats the due day with Intl; a whole day is formatted at UTC noon so no zone can move it. */
function formatDay(due: Due, timeZone: string, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  if (due.kind === 'time') return formatter(locale, { ...options, timeZone }).format(due.instant);
  const noon = new Date(Date.UTC(due.year, due.month - 1, due.day, 12));
  return formatter(locale, { ...options, timeZone: 'UTC' }).format(noon);
}

/**
 * The one date style of the app, shared with the server's chat replies: "Fri 27 Nov, 17:00" (en-GB),
 * "Fri, Nov 27, 5:00 PM" (en-US); the year only when the due is not in this year (in the zone), the time
 * only for a due with a time.
 */
export function formatDue(due: Due, context: DueContext = {}): string {
  const timeZone = zoneOf(context);
  const thisYear = calendarDay(context.now ?? new Date(), timeZone).year === dueDay(due, timeZone).year;
  return formatDay(due, timeZone, context.locale ?? browserLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
    ...(due.kind === 'time' ? { hour: 'numeric', minute: '2-digit' } : {}),
  });
}

/** "Today", "Tomorrow" or "Yesterday" in the locale's words, for a badge beside the date; null for other days. */
export function relativeDay(due: Due, context: DueContext = {}): string | null {
  const timeZone = zoneOf(context);
  const offset = dayNumber(dueDay(due, timeZone)) - dayNumber(calendarDay(context.now ?? new Date(), timeZone));
  if (Math.abs(offset) > 1) return null;
  const locale = context.locale ?? browserLocale();
  const word = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day');
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
}

/** The full date for a tooltip: "Friday, 27 November 2026 at 17:00". */
export function describeDue(due: Due, context: DueContext = {}): string {
  const options: Intl.DateTimeFormatOptions = due.kind === 'time' ? { dateStyle: 'full', timeStyle: 'short' } : { dateStyle: 'full' };
  return formatDay(due, zoneOf(context), context.locale ?? browserLocale(), options);
}

/** Whether the due date has passed: a day from the next day on, a time from that instant on. */
export function isPastDue(due: Due, context: DueContext = {}): boolean {
  const now = context.now ?? new Date();
  if (due.kind === 'time') return due.instant.getTime() < now.getTime();
  return dayNumber(due) < dayNumber(calendarDay(now, zoneOf(context)));
}

/** The parts of a task that decide whether it is overdue. */
export interface DueState {
  readonly completed: boolean;
  readonly due_at?: string | null | undefined;
  readonly overdue?: boolean | undefined;
}

/** Overdue by the server's flag or by the clock (the flag is as old as the list); a completed task never is. */
export function isOverdue(task: DueState, context: DueContext = {}): boolean {
  if (task.completed) return false;
  if (task.overdue === true) return true;
  const due = parseDue(task.due_at);
  return due !== null && isPastDue(due, context);
}

/** "YYYY-MM-DD" of the due day in the time zone, for an `<input type="date">`. */
export function dueDateValue(due: Due, timeZone: string = browserTimeZone()): string {
  const { year, month, day } = dueDay(due, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "HH:mm" (24-hour) of a timed due in the time zone; null for a whole day. */
export function dueClockValue(due: Due, timeZone: string = browserTimeZone()): string | null {
  if (due.kind === 'day') return null;
  const parts = formatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(due.instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

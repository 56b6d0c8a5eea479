// Local dates and times, the way the contract writes them: "YYYY-MM-DD" for a day and
// "YYYY-MM-DDTHH:mm" for a wall-clock time in some zone. Arithmetic runs on UTC-based Date values,
// which have no DST: a local date moved by a day is the next calendar day, whatever the zone does.

/** A wall-clock moment in some time zone; month is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;

/** Zero-padded digits: pad(7) is "07". */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "YYYY-MM-DD" from calendar numbers (month 1–12); out-of-range days and months roll over. */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DD" of a local date-time. */
export const formatLocalDate = (local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string =>
  `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;

/** "YYYY-MM-DDTHH:mm" of a local date-time (seconds dropped). */
export const formatLocalTime = (local: LocalDateTime): string => `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}`;

/** A local time "YYYY-MM-DDTHH:mm" from a date and a time of day. */
export const localTime = (date: string, hour: number, minute: number): string => `${date}T${pad(hour)}:${pad(minute)}`;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Reads "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]"; null for anything else or a date that does not exist ("2026-02-30"). */
export function parseLocal(text: string): LocalDateTime | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real && hour < 24 && minute < 60 && second < 60 ? { year, month, day, hour, minute, second } : null;
}

const dateMs = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** The date `days` after (or before) a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const d = new Date(dateMs(date) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` after a "YYYY-MM-DD" date, on `anchorDay` (its own day by default) or the month's last day when shorter. */
export function addMonths(date: string, months: number, anchorDay = Number(date.slice(8, 10))): string {
  const index = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(anchorDay, daysInMonth(year, month)));
}

/** Day of the week of a "YYYY-MM-DD" date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** A local due value ("YYYY-MM-DD" or "YYYY-MM-DDTHH:mm") moved by whole days, weeks or months, its time of day kept. */
export function shiftLocal(due: string, amount: number, unit: 'day' | 'week' | 'month'): string {
  const date = due.slice(0, 10);
  const moved = unit === 'month' ? addMonths(date, amount) : addDays(date, unit === 'week' ? 7 * amount : amount);
  return `${moved}${due.slice(10, 16)}`;
}

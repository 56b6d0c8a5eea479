// The contract's task rules (docs/task-details.md) for the in-memory store, written without the
// engine's code: due values and their UTC offsets, overdue, repeat rules and the next occurrence.
import { z } from 'zod';

const DAY_MS = 86_400_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A local due value the engine sends: "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm", a real date. */
export const dueInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/, 'due must be YYYY-MM-DD or YYYY-MM-DDTHH:mm')
  .refine(isCalendarValue, 'not a calendar date or time of day');

function isCalendarValue(value: string): boolean {
  const [y = NaN, m = NaN, d = NaN] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const sameDay = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return sameDay && (value.length === 10 || (Number(value.slice(11, 13)) < 24 && Number(value.slice(14, 16)) < 60));
}

/** The canonical repeat rules. */
export const repeatInput = z
  .string()
  .regex(
    /^(?:daily|weekdays|weekly|monthly|yearly|weekly on (?:mon|tue|wed|thu|fri|sat|sun)(?:,(?:mon|tue|wed|thu|fri|sat|sun))*|every (?:[2-9]|[1-9]\d+) (?:days|weeks|months))$/,
    'repeat must be a canonical rule',
  );

/** Tags as the tools accept them: words, "#" dropped, lowered, sorted, deduplicated. */
export const tagsInput = z
  .array(z.string().regex(/^#?[A-Za-z0-9_-]{1,32}$/))
  .max(10)
  .transform((tags) => [...new Set(tags.map((t) => t.replace(/^#/, '').toLowerCase()))].sort());

const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall time of an instant in a time zone, "YYYY-MM-DDTHH:mm". */
export function wallOf(instant: number, timeZone: string): string {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
  formats.set(timeZone, format);
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The contract's `due_at`: a date as is, a local time with the zone's UTC offset at that time. */
export function dueAt(due: string | null, timeZone: string): string | null {
  if (due === null || due.length === 10) return due;
  const asUtc = Date.parse(`${due}:00Z`);
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant += asUtc - Date.parse(`${wallOf(instant, timeZone)}:00Z`);
  const minutes = Math.round((asUtc - instant) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${due}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Overdue: not completed and the date has passed (a date from the next day) or the time has. */
export function isOverdue(due: string | null, completed: boolean, nowLocal: string): boolean {
  if (completed || due === null) return false;
  return due.length === 10 ? due < nowLocal.slice(0, 10) : due < nowLocal;
}

function addMonths(date: string, months: number, anchorDay: number): string {
  const [y = 0, m = 1] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return ymd(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(anchorDay, last)));
}

function nextDate(rule: string, date: string, anchorDay: number): string {
  const every = /^every (\d+) (days|weeks|months)$/.exec(rule);
  const stepDays = (n: number): string => ymd(msOf(date) + n * DAY_MS);
  if (rule === 'daily') return stepDays(1);
  if (rule === 'weekly') return stepDays(7);
  if (rule === 'monthly') return addMonths(date, 1, anchorDay);
  if (rule === 'yearly') return addMonths(date, 12, anchorDay);
  if (every?.[2] === 'days') return stepDays(Number(every[1]));
  if (every?.[2] === 'weeks') return stepDays(7 * Number(every[1]));
  if (every?.[2] === 'months') return addMonths(date, Number(every[1]), anchorDay);
  const days = rule === 'weekdays' ? ['mon', 'tue', 'wed', 'thu', 'fri'] : (/^weekly on (.+)$/.exec(rule)?.[1] ?? '').split(',');
  for (let i = 1; i <= 7; i++) {
    const next = stepDays(i);
    if (days.includes(DAYS[new Date(msOf(next)).getUTCDay()] ?? '')) return next;
  }
  throw new Error(`cannot step the rule ${rule}`);
}

/** The next due value of a repeating task after `due`, keeping its local time of day. */
export function nextDue(rule: string, due: string, anchorDay: number): string {
  return `${nextDate(rule, due.slice(0, 10), anchorDay)}${due.slice(10)}`;
}

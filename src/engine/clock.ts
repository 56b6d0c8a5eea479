// The user's wall clock. The engine reasons in local dates ("2026-11-27") and local times
// ("2026-11-27T17:00") of the user's time zone and leaves the UTC offset to the tools, so a DST
// change never shifts a time the user said. Date arithmetic runs on UTC-based Date values, which
// have no DST.

/** When and where the turn happens: the current instant, the user's IANA time zone and the locale dates are written for. */
export interface EngineContext {
  now: Date;
  timeZone: string;
  /** A BCP 47 tag ("en-GB", "en-US"); dates are written en-GB style without one. */
  locale?: string;
}

/** The user's wall clock at the turn. */
export interface Clock {
  /** The time zone actually used (UTC when the given one is unknown). */
  timeZone: string;
  /** Today's local date, "YYYY-MM-DD". */
  today: string;
  /** The local time now, "YYYY-MM-DDTHH:mm". */
  local: string;
  /** The local wall time written as a UTC instant: the reference chrono parses against. */
  wall: Date;
  /** The real instant (for durations such as "in 2 hours", which cross DST changes as real time). */
  now: Date;
  /** The locale dates are written for (en-GB when the one given is unknown). */
  locale: string;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  return formatterFor(name) !== null;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
    return format;
  } catch (error) {
    // RangeError: not a time zone name. Callers fall back to UTC, as the contract's default.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "YYYY-MM-DD" from calendar numbers (month 1-12); out-of-range days roll over. */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const dateMs = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** The date `days` after (or before) a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const d = new Date(dateMs(date) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of the week of a "YYYY-MM-DD" date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** A local date-time "YYYY-MM-DDTHH:mm". */
export const localTime = (date: string, hour: number, minute: number): string => `${date}T${pad(hour)}:${pad(minute)}`;

// Intl's formatToParts is the engine's most expensive call (~10 µs); a turn reads the same few
// instants (now, the due dates in a list) at every step, so readings are kept.
const readings = new Map<string, string>();
const MAX_READINGS = 1024;

/** The wall-clock reading of an instant in a time zone, "YYYY-MM-DDTHH:mm". */
export function wallTime(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = readings.get(key);
  if (known !== undefined) return known;
  if (readings.size >= MAX_READINGS) readings.clear();
  const reading = readWallTime(instant, timeZone);
  readings.set(key, reading);
  return reading;
}

function readWallTime(instant: Date, timeZone: string): string {
  const format = formatterFor(timeZone) ?? formatterFor('UTC');
  const parts = new Map<string, string>((format?.formatToParts(instant) ?? []).map((p) => [p.type, p.value]));
  const n = (type: string): number => Number(parts.get(type) ?? 0);
  return localTime(isoDate(n('year'), n('month'), n('day')), n('hour'), n('minute'));
}

/** The instant at which a local wall time ("YYYY-MM-DDTHH:mm") happens in a time zone. */
export function zonedInstant(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local}:00Z`);
  let guess = asUtc;
  // Two rounds settle the offset, including next to a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = Date.parse(`${wallTime(new Date(guess), timeZone)}:00Z`);
    guess += asUtc - seen;
  }
  return new Date(guess);
}

/** The user's wall clock for a context; an unknown time zone reads as UTC, an unknown locale as en-GB, an invalid date as the real clock. */
export function clockOf(ctx: EngineContext): Clock {
  const timeZone = isTimeZone(ctx.timeZone) ? ctx.timeZone : 'UTC';
  const now = Number.isNaN(ctx.now.getTime()) ? new Date() : ctx.now;
  const local = wallTime(now, timeZone);
  return { timeZone, today: local.slice(0, 10), local, wall: new Date(`${local}:00Z`), now, locale: dateLocale(ctx.locale) };
}

/** A due value as the user's local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" (an instant with an offset is read in their zone). */
export function localDue(due: string, clock: Clock): string {
  const withZone = /T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(due);
  const instant = withZone ? Date.parse(due) : NaN;
  return Number.isNaN(instant) ? due.slice(0, 16) : wallTime(new Date(instant), clock.timeZone);
}

/** A local due value moved by whole days or months, its time of day kept (the 31st + 1 month is the last day of a short month). */
export function shiftDue(due: string, amount: number, unit: 'day' | 'week' | 'month'): string {
  const date = due.slice(0, 10);
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  let moved: string;
  if (unit === 'month') {
    const last = Number(isoDate(year, month + amount + 1, 0).slice(8));
    moved = isoDate(year, month + amount, Math.min(day, last));
  } else moved = addDays(date, unit === 'week' ? 7 * amount : amount);
  return `${moved}${due.slice(10, 16)}`;
}

/** The date style when the user has no locale: the web panel's default too. */
export const DEFAULT_LOCALE = 'en-GB';
const locales = new Map<string, string>();

/** A locale Intl can write dates in, canonicalised; en-GB for none or one it does not know. */
function dateLocale(tag: string | undefined): string {
  if (!tag) return DEFAULT_LOCALE;
  let known = locales.get(tag);
  if (known === undefined) {
    known = DEFAULT_LOCALE;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) known = canonical;
    } catch (error) {
      // RangeError: a malformed tag reads as the default style, like an unknown one.
      if (!(error instanceof RangeError)) throw error;
    }
    if (locales.size >= 256) locales.clear();
    locales.set(tag, known);
  }
  return known;
}

// Building a DateTimeFormat costs ~50 µs, formatting with one ~2 µs: one per locale and shape.
const dueFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The web panel's format: "Fri 27 Nov, 17:00" (en-GB), "Fri, Nov 27, 5:00 PM" (en-US). Hours are
 * two digits where the locale counts 24 of them, as in the panel. The value formatted is a wall
 * reading written as UTC, so one formatter serves every time zone.
 */
function dueFormat(locale: string, withYear: boolean, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear ? 'y' : ''}|${withTime ? 't' : ''}`;
  let format = dueFormats.get(key);
  if (!format) {
    const cycle = withTime ? new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle : undefined;
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric', minute: '2-digit' } : {}),
      timeZone: 'UTC',
    });
    dueFormats.set(key, format);
  }
  return format;
}

/**
 * A due value in words for the user, in their locale and time zone: "Fri 27 Nov", "Fri 27 Nov,
 * 17:00" (the year only when it is not this year). Reads "YYYY-MM-DD", a local "YYYY-MM-DDTHH:mm",
 * or an ISO instant with an offset.
 */
export function friendlyDue(due: string, clock: Clock): string {
  const local = localDue(due, clock);
  const date = local.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return due;
  const time = /T(\d{2}:\d{2})/.exec(local)?.[1];
  const wall = Date.parse(`${date}T${time ?? '12:00'}:00Z`);
  if (Number.isNaN(wall)) return due;
  return dueFormat(clock.locale, date.slice(0, 4) !== clock.today.slice(0, 4), time !== undefined).format(wall);
}

/** Whether a due value has passed: a date from the next day on, a time from that minute on. */
export function isPast(due: string, clock: Clock): boolean {
  const withZone = /T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(due);
  if (withZone) return Date.parse(due) < clock.now.getTime();
  if (due.length === 10) return due < clock.today;
  return due.slice(0, 16) < clock.local;
}

// Time zones, with the platform's Intl (no date library): what a wall clock in an IANA zone reads
// at an instant, and the instant at which it reads a given time. One rule for the times a DST change
// skips or repeats (see fromLocal), used by the API, the domain and the engine alike.
import { formatLocalDate, formatLocalTime, pad, parseLocal, type LocalDateTime } from './local.js';

const DAY_MS = 86_400_000;
const readers = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter that reads the wall clock of a zone, or null for a name Intl does not know. */
function reader(timeZone: string): Intl.DateTimeFormat | null {
  let format = readers.get(timeZone);
  if (format !== undefined) return format;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    // RangeError: not a time zone name. That is the answer, not a failure.
    if (!(error instanceof RangeError)) throw error;
    format = null;
  }
  if (readers.size >= 512) readers.clear();
  readers.set(timeZone, format);
  return format;
}

/** True for a time zone name the platform knows ("Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  return name.length > 0 && name.length <= 64 && reader(name) !== null;
}

// formatToParts is the costliest call here (~10 µs); a turn or a list reads the same few instants again.
// The readings used last are kept (a reading used again moves to the end; the oldest goes first), so the
// instant every step of a turn reads stays while a long list passes through.
const readings = new Map<string, Readonly<LocalDateTime>>();
const MAX_READINGS = 1024;

/** The wall-clock reading of an instant in a time zone (throws a RangeError for an unknown zone). */
export function toLocal(instant: Date, timeZone: string): Readonly<LocalDateTime> {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = readings.get(key);
  if (known) {
    readings.delete(key);
    readings.set(key, known);
    return known;
  }
  const format = reader(timeZone);
  if (!format) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Object.freeze({
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  });
  if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value ?? key);
  readings.set(key, local);
  return local;
}

const asUtcMs = (l: LocalDateTime): number => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtcMs(toLocal(new Date(whole), timeZone)) - whole;
}

/** Minutes the zone is ahead of UTC at an instant (+60 for Paris in winter). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(offsetMs(instant.getTime(), timeZone) / 60_000);
}

/**
 * The instant a wall-clock time happens in a zone. Where a DST change repeats the time (clocks go
 * back), the first of the two; where it skips it (clocks go forward), the time is moved on by the
 * length of the jump ("02:30" on the night Berlin skips 02:00–03:00 is 03:30). The offsets a day
 * before and a day after tell whether a change is near; only then are both candidates checked.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const wall = asUtcMs(local);
  const before = wall - offsetMs(wall - DAY_MS, timeZone);
  const after = wall - offsetMs(wall + DAY_MS, timeZone);
  if (before === after) return new Date(before);
  const shows = (instant: number): boolean => asUtcMs(toLocal(new Date(instant), timeZone)) === wall;
  const fitting = [before, after].filter(shows);
  return new Date(fitting.length > 0 ? Math.min(...fitting) : before);
}

/** The wall-clock reading of an instant in a time zone, "YYYY-MM-DDTHH:mm". */
export function wallTime(instant: Date, timeZone: string): string {
  return formatLocalTime(toLocal(instant, timeZone));
}

/** The instant at which a local "YYYY-MM-DD[THH:mm[:ss]]" happens in a time zone; an invalid date-time is an Invalid Date. */
export function zonedInstant(local: string, timeZone: string): Date {
  const parsed = parseLocal(local);
  return parsed ? fromLocal(parsed, timeZone) : new Date(NaN);
}

/** The start (00:00) of the local day containing an instant, as an instant. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return fromLocal({ ...toLocal(instant, timeZone), hour: 0, minute: 0, second: 0 }, timeZone);
}

/** "2026-11-27T17:00:00+01:00": an instant as ISO 8601 with the zone's offset. */
export function formatZoned(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${formatOffset(offset)}`;
}

/** "+01:00" for 60 minutes ahead of UTC, "-04:00" for 240 behind. */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

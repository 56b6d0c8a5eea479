// Calendar arithmetic in a user's IANA time zone with the platform's Intl (no date library needed).

/** A wall-clock moment in some time zone; month is 1–12, weekday 0 (Sunday)–6. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name the platform knows (e.g. "Europe/Paris", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}

/** The wall-clock reading of an instant in a time zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at an instant (+60 for Paris in winter). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time happens in a zone (a time skipped by a DST jump lands just after it). */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

/** Day of the week (0 = Sunday) of a calendar date. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date moved by whole days, keeping the wall-clock time. */
export function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A calendar date moved by whole months, the day clamped to the month's length (anchorDay wins when it fits). */
export function addMonths(local: LocalDateTime, months: number, anchorDay = local.day): LocalDateTime {
  const index = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { ...local, year, month, day: Math.min(anchorDay, daysInMonth(year, month)) };
}

/** The start (00:00) of the local day containing an instant, as an instant. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const l = toLocal(instant, timeZone);
  return fromLocal({ ...l, hour: 0, minute: 0, second: 0 }, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-27" for a local date. */
export function formatLocalDate(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

/** "2026-11-27T17:00:00+01:00": an instant as ISO 8601 with the zone's offset. */
export function formatZoned(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// A user's wall clock at one moment: "today" and "now" as their local date and time, and due values
// ("YYYY-MM-DD", a local "YYYY-MM-DDTHH:mm", or an ISO instant with an offset) seen from it. The
// engine reasons in these local values and leaves the UTC offset to the tools, so a DST change never
// shifts a time the user said.
import { isTimeZone, wallTime } from './zones.js';

/** The user's wall clock at one moment. */
export interface WallClock {
  /** The time zone actually used (UTC when the given one is unknown). */
  timeZone: string;
  /** Today's local date, "YYYY-MM-DD". */
  today: string;
  /** The local time now, "YYYY-MM-DDTHH:mm". */
  local: string;
  /** The local wall time written as a UTC instant: the reference date phrases are read against. */
  wall: Date;
  /** The real instant (for durations such as "in 2 hours", which cross DST changes as real time). */
  now: Date;
}

/** The wall clock of a zone at an instant; an unknown time zone reads as UTC, an invalid date as the real clock. */
export function wallClock(now: Date, timeZone: string): WallClock {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const instant = Number.isNaN(now.getTime()) ? new Date() : now;
  const local = wallTime(instant, zone);
  return { timeZone: zone, today: local.slice(0, 10), local, wall: new Date(`${local}:00Z`), now: instant };
}

const WITH_OFFSET = /T.*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A due value as the user's local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" (an instant with an offset is read in their zone). */
export function localDue(due: string, clock: WallClock): string {
  const instant = WITH_OFFSET.test(due) ? Date.parse(due) : NaN;
  return Number.isNaN(instant) ? due.slice(0, 16) : wallTime(new Date(instant), clock.timeZone);
}

/** Whether a due value has passed: a date from the next day on, a time from that minute on. */
export function isPastDue(due: string, clock: WallClock): boolean {
  if (WITH_OFFSET.test(due)) return Date.parse(due) < clock.now.getTime();
  if (due.length === 10) return due < clock.today;
  return due.slice(0, 16) < clock.local;
}

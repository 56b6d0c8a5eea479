// The line that tells a model what "now" is for the user, written by the chat turn into the
// instructions and read back by the built-in engine. Writer and reader live side by side so they
// cannot drift apart (a round-trip test covers many zones, dates and DST changes):
//   Current date and time: 2026-11-26T23:05 (Thursday), time zone Europe/Paris. Write dates for the user's locale: en-GB.
// The locale sentence is there only when the user has a locale. In the hour a DST change repeats,
// the wall time names two instants: a last sentence then gives the UTC offset ("The UTC offset is +01:00.").
import { formatOffset, fromLocal, isTimeZone, offsetMinutes, toLocal } from './zones.js';
import { formatLocalTime, parseLocal, weekdayOf } from './local.js';

/** When and where the user is, as the line tells it. */
export interface TimeLine {
  now: Date;
  timeZone: string;
  /** Present when the line names one. */
  locale?: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MINUTE_MS = 60_000;

/** The "Current date and time: …" line for an instant in the user's zone, with the locale to write dates for. */
export function currentTimeLine(now: Date, timeZone: string, locale: string | null = null): string {
  const local = toLocal(now, timeZone);
  const wall = formatLocalTime(local);
  const sentences = [`Current date and time: ${wall} (${WEEKDAYS[weekdayOf(wall)] ?? ''}), time zone ${timeZone}.`];
  if (locale) sentences.push(`Write dates for the user's locale: ${locale}.`);
  const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  if (fromLocal({ ...local, second: 0 }, timeZone).getTime() !== minute) sentences.push(`The UTC offset is ${formatOffset(offsetMinutes(now, timeZone))}.`);
  return sentences.join(' ');
}

const LINE = new RegExp(
  [
    String.raw`Current date and time: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?(?: \([A-Za-z]+\))?, time zone ([A-Za-z0-9_+\-/]+)\.`,
    String.raw`(?: Write dates for the user's locale: ([A-Za-z0-9-]+)\.)?`,
    String.raw`(?: The UTC offset is ([+-])(\d{2}):(\d{2})\.)?`,
  ].join(''),
);

/**
 * Reads the line out of a text (the instructions); null without one or with a date-time that does
 * not exist. An unknown time zone reads as UTC.
 */
export function readTimeLine(text: string | undefined): TimeLine | null {
  const m = LINE.exec(text ?? '');
  const local = m?.[1] ? parseLocal(m[1]) : null;
  if (!m || !local || !m[2]) return null;
  const timeZone = isTimeZone(m[2]) ? m[2] : 'UTC';
  const offset = m[4] ? (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6])) : null;
  const now = offset === null ? fromLocal(local, timeZone) : new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - offset * MINUTE_MS);
  return { now, timeZone, ...(m[3] ? { locale: m[3] } : {}) };
}

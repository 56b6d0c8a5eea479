// Date and time phrases ("tomorrow at 5pm", "friday", "next week", "dec 5"), read with chrono-node
// against the user's wall clock: the only place chrono-node is used, so the chat and the API read a
// date the same way. In a message chrono only runs when the text holds a date-like word, and only
// results built on such a word are kept ("sun cream" is not Sunday; "at 6" alone is a title, as in
// "walk the dog at 6"); a due field is all date, so every reading of it counts.
//
// Readings decided here (the phrasing tables pin each one):
// - "friday" is the coming Friday, today when said on a Friday; "next friday" is the Friday of
//   next week (said on a Friday: a week later; on a Thursday: 8 days later).
// - "next week" is its Monday, "next month" its 1st, "next year" 1 January.
// - A day without a time is a date ("2026-11-27"): due all that day, overdue from the next.
//   "tonight", "this evening", "tomorrow morning" are dates too; "tonight" said at 23:05 or at
//   00:10 is that calendar day.
// - "at midnight" is the midnight ending the day named (today when none): "at midnight" said on
//   Thursday is Friday 00:00; "friday at midnight" is Saturday 00:00.
// - A time without a day ("at 5pm") is its next occurrence: today if still to come, else tomorrow.
//   An hour from 1 to 7 without am/pm is in the afternoon ("tomorrow at 5" is 17:00).
// - "in 2 hours" is real time, so it is right across a DST change; everything else is wall time
//   (the tools add the UTC offset of that day).
// - "5/12" is 5 December, except in America/* time zones (May 12).
// English only: the whole package loads every locale (266 modules, ~0.15 s of start-up); this entry loads 51.
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { casual, GB } from 'chrono-node/en';
import type { WallClock as Clock } from './clock.js';
import { addDays, isoDate, localTime, weekdayOf } from './local.js';
import { wallTime } from './zones.js';

/** A date phrase found in a text: where it is and the due value it means. */
export interface DateSpan {
  index: number;
  end: number;
  /** "YYYY-MM-DD" (a day) or "YYYY-MM-DDTHH:mm" (a local time). */
  due: string;
  /** The phrase named a time but no day ("at 5pm"). */
  timeOnly: boolean;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ABBREVIATED_DAY = String.raw`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)`;
const COUNT = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)`;
/** Words that make a phrase a date. A text without one never reaches chrono. */
const STRONG = new RegExp(
  [
    String.raw`\b(?:today|tonight|tomorrow|tmrw|yesterday|noon|midnight|weekend)\b`,
    String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    String.raw`\b(?:this|next|on|by|until|till|before|due)\s+${ABBREVIATED_DAY}\b`,
    String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:\s|$)`,
    String.raw`\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b`,
    String.raw`\bin\s+${COUNT}\s+(?:days?|weeks?|months?|years?|hours?|minutes?|mins?)\b`,
    String.raw`\bnext\s+(?:week|month|year)\b`,
  ].join('|'),
  'i',
);
const END_DAY = new RegExp(String.raw`^${ABBREVIATED_DAY}$`, 'i');
const LEAD = /\b(?:due(?:\s+(?:on|by|at))?|by|on|at|before|until|till|for|from|starting(?:\s+(?:on|from))?)\s+$/i;
/** "on the 3rd of december": the article goes with a day number. */
const LEAD_ORDINAL = /\b(?:(?:due\s+)?(?:on|by|before|until|till|for|from)\s+)?the\s+$/i;
const ORDINAL_DAY = /\b(?:(?:due\s+)?(?:on|by)\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/i;
const CASUAL_PART_OF_DAY = /^casualReference\/(?:morning|afternoon|evening|night)$/;

/** Whether a text might hold a date phrase (cheap: decides whether chrono runs at all). */
export const mayHoldDate = (text: string): boolean => STRONG.test(text) || ORDINAL_DAY.test(text);

function parseAt(text: string, clock: Clock): ParsedResult[] {
  // "5/12" is 5 December outside the Americas. Only then the British parser: it reads "dec 15" as 2015.
  const parser = /\d\/\d/.test(text) && !clock.timeZone.startsWith('America/') ? GB : casual;
  return parser.parse(text, { instant: clock.wall, timezone: 0 }, { forwardDate: true });
}

/** "next week" is its Monday, "next month" its 1st, "next year" 1 January (chrono adds 7 days, a month, a year). */
function nextPeriod(text: string, clock: Clock): string | null {
  const unit = /^next\s+(week|month|year)$/i.exec(text.trim())?.[1]?.toLowerCase();
  if (!unit) return null;
  const [year = 0, month = 1] = clock.today.split('-').map(Number);
  if (unit === 'month') return isoDate(year, month + 1, 1);
  if (unit === 'year') return isoDate(year + 1, 1, 1);
  return addDays(clock.today, 7 - ((weekdayOf(clock.today) + 6) % 7));
}

const dateOf = (c: ParsedComponents): string => isoDate(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1);

/** "at midnight" is the midnight that ends the day named (today when none): the next day at 00:00. */
function midnight(result: ParsedResult, clock: Clock): string {
  const rest = result.text.replace(/\b(?:at\s+)?midnight\b|\btonight\b/gi, ' ').trim();
  const base = rest === '' ? undefined : parseAt(rest, clock)[0];
  return localTime(addDays(base ? dateOf(base.start) : clock.today, 1), 0, 0);
}

function toSpan(result: ParsedResult, clock: Clock): Omit<DateSpan, 'index' | 'end'> {
  const c = result.start;
  const tags = result.tags();
  const dayGiven = c.isCertain('day') || c.isCertain('weekday');
  if (/midnight/i.test(result.text)) return { due: midnight(result, clock), timeOnly: false };
  const period = nextPeriod(result.text, clock);
  if (period) return { due: period, timeOnly: false };
  if (tags.has('result/relativeDateAndTime')) {
    // "in 2 hours" is real time: add the duration to the real instant, then read the wall clock.
    const real = new Date(clock.now.getTime() + (c.date().getTime() - clock.wall.getTime()));
    return { due: wallTime(real, clock.timeZone), timeOnly: false };
  }
  if (!c.isCertain('hour')) {
    // "this evening" at 23:05 is still today (chrono moves it to tomorrow); a day without a time is a date.
    const partOfDay = [...tags].some((t) => CASUAL_PART_OF_DAY.test(t));
    return { due: partOfDay && !dayGiven ? clock.today : dateOf(c), timeOnly: false };
  }
  let hour = c.get('hour') ?? 0;
  const minute = c.get('minute') ?? 0;
  // "tomorrow at 5" means 5 pm: an hour from 1 to 7 without am/pm is read in the afternoon.
  if (!c.isCertain('meridiem') && hour >= 1 && hour <= 7) hour += 12;
  if (dayGiven) return { due: localTime(dateOf(c), hour, minute), timeOnly: false };
  const today = localTime(clock.today, hour, minute);
  return { due: today > clock.local ? today : localTime(addDays(clock.today, 1), hour, minute), timeOnly: true };
}

/** "on the 31st": the next date with that day of the month (this month when it is still to come). */
function ordinalDay(text: string, clock: Clock): DateSpan | null {
  const m = ORDINAL_DAY.exec(text);
  const day = Number(m?.[1]);
  if (!m || day < 1 || day > 31) return null;
  const [year = 0, month = 1] = clock.today.split('-').map(Number);
  for (let i = 0; i < 12; i++) {
    const date = isoDate(year, month + i, day);
    if (Number(date.slice(8)) === day && date >= clock.today) return { index: m.index, end: m.index + m[0].length, due: date, timeOnly: false };
  }
  return null;
}

// Every step of a turn re-reads the same message at the same instant: keep recent readings.
const readings = new Map<string, DateSpan[]>();
const MAX_READINGS = 256;

/** How a text is read: a `message` keeps only phrases built on a date word; a `field` holds nothing but a date. */
export type DateReading = 'message' | 'field';

/** The date phrases of a text, in order, each widened over a leading "on", "by", "due" and the like. */
export function findDates(text: string, clock: Clock, reading: DateReading = 'message'): DateSpan[] {
  if (reading === 'message' && !mayHoldDate(text)) return [];
  const key = `${reading}|${clock.timeZone}|${clock.now.getTime()}|${text}`;
  const known = readings.get(key);
  if (known) return known;
  if (readings.size >= MAX_READINGS) readings.clear();
  const spans = readDates(text, clock, reading === 'message');
  readings.set(key, spans);
  return spans;
}

/** Spans a date is never read in: web addresses ("…/2026-12-01/post"). */
const OPAQUE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi;

function readDates(text: string, clock: Clock, strict: boolean): DateSpan[] {
  // Keep web addresses away from chrono without moving any index.
  const masked = text.replace(OPAQUE, (p) => '\uE000'.repeat(p.length));
  const spans: DateSpan[] = [];
  for (const result of parseAt(masked, clock)) {
    const end = result.index + result.text.length;
    const atEnd = masked.slice(end).replace(/[\s.!?,;]+/g, '') === '';
    if (strict && !STRONG.test(result.text) && !(atEnd && END_DAY.test(result.text))) continue;
    if (/^(?:now|today's|a sec)$/i.test(result.text)) continue;
    const lead = (/^\d{1,2}(?:st|nd|rd|th)\b/i.test(result.text) ? LEAD_ORDINAL : LEAD).exec(masked.slice(0, result.index));
    spans.push({ index: lead ? lead.index : result.index, end, ...toSpan(result, clock) });
  }
  const ordinal = spans.length === 0 ? ordinalDay(masked, clock) : null;
  return ordinal ? [ordinal] : spans;
}

// Repeat rules: one grammar for the words people use ("every monday", "every other week", "on
// weekends", "daily") and the canonical form the contract stores ("weekly on mon,thu", "every 2
// weeks", "monthly on day 31"). The API reads a whole field with it; the engine finds a phrase inside
// a message with it. Occurrences keep the local time of day across DST changes.
import type { Due } from './due.js';
import { addDays, addMonths, formatLocalDate, weekdayOf, type LocalDateTime } from './local.js';
import { fromLocal, toLocal } from './zones.js';

/** A repeat rule. Day numbers: 0 = Sunday. */
export type RepeatRule =
  | { kind: 'days'; every: number }
  | { kind: 'weekdays' }
  | { kind: 'weeks'; every: number; days: number[] }
  | { kind: 'months'; every: number; anchorDay?: number }
  | { kind: 'yearly' };

/** A repeat phrase found in a text. */
export interface RepeatSpan {
  index: number;
  end: number;
  rule: RepeatRule;
}

const DAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const MAX_EVERY = 365;

const DAY = String.raw`(?:sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)s?`;
const DAYS = String.raw`${DAY}(?:\s*(?:,|&|\/|\band\b|\bor\b)?\s*(?:and\s+)?${DAY}\b)*`;
const NUMBER = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const EVERY = String.raw`(?:every|each)`;
/** "every saturday morning": the part of the day belongs to the rule. */
const PART_OF_DAY = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;

const plain = (every: number, kind: 'days' | 'weeks' | 'months'): RepeatRule | null => {
  if (!(every >= 1 && every <= MAX_EVERY)) return null;
  return kind === 'weeks' ? { kind, every, days: [] } : { kind, every };
};

function dayNumbers(list: string): number[] {
  const codes = (list.toLowerCase().match(/[a-z]+/g) ?? []).map((w) => DAY_CODES.indexOf(w.slice(0, 3))).filter((d) => d >= 0);
  return [...new Set(codes)].sort((a, b) => a - b);
}

const weeklyOn = (list: string): RepeatRule => ({ kind: 'weeks', every: 1, days: dayNumbers(list) });

/** The grammar: each pattern and the rule it means (null: not a rule after all). `whole`: only a whole field, never a phrase in a message. */
const PATTERNS: { re: RegExp; rule: (m: RegExpExecArray) => RepeatRule | null; whole?: boolean }[] = [
  {
    re: new RegExp(String.raw`\b(?:${EVERY}\s+(?:single\s+)?day|daily|every\s*day|${EVERY}\s+(?:morning|afternoon|evening|night))\b${PART_OF_DAY}`, 'i'),
    rule: () => ({ kind: 'days', every: 1 }),
  },
  {
    re: new RegExp(String.raw`\b(?:${EVERY}\s+(?:week|work|business)\s*days?|weekly\s+on\s+weekdays|(?:on\s+)?weekdays|${EVERY}\s+weekday)\b`, 'i'),
    rule: () => ({ kind: 'weekdays' }),
  },
  { re: new RegExp(String.raw`\b(?:${EVERY}\s+weekend|(?:on\s+)?weekends)\b`, 'i'), rule: () => ({ kind: 'weeks', every: 1, days: [0, 6] }) },
  { re: new RegExp(String.raw`\b${EVERY}\s+other\s+(day|week|month)\b`, 'i'), rule: (m) => plain(2, unitOf(m[1])) },
  {
    re: new RegExp(String.raw`\b${EVERY}\s+(${NUMBER})\s+(days?|weeks?|months?)\b`, 'i'),
    rule: (m) => plain(NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]), unitOf(m[2])),
  },
  {
    re: new RegExp(String.raw`\b(?:${EVERY}\s+week|weekly|once\s+a\s+week)\b(?:\s+on\s+(${DAYS}))?`, 'i'),
    rule: (m) => (m[1] ? weeklyOn(m[1]) : { kind: 'weeks', every: 1, days: [] }),
  },
  {
    re: /\bmonthly\s+on\s+(?:day\s+|the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/i,
    rule: (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 31 ? { kind: 'months', every: 1, anchorDay: Number(m[1]) } : null),
    // A message saying "monthly on the 15th" means a due date on the 15th as well, which the engine reads as one.
    whole: true,
  },
  { re: new RegExp(String.raw`\b(?:${EVERY}\s+month|monthly|once\s+a\s+month)\b`, 'i'), rule: () => ({ kind: 'months', every: 1 }) },
  { re: new RegExp(String.raw`\b(?:${EVERY}\s+year|yearly|annually|once\s+a\s+year)\b`, 'i'), rule: () => ({ kind: 'yearly' }) },
  {
    // "on monday" is one date; "on mondays" repeats.
    re: new RegExp(String.raw`\b(?:${EVERY}|on)\s+(${DAYS})\b${PART_OF_DAY}`, 'i'),
    rule: (m) => (/^on\s/i.test(m[0]) && !/s\b/i.test(m[1] ?? '') ? null : weeklyOn(m[1] ?? '')),
  },
];

function unitOf(word: string | undefined): 'days' | 'weeks' | 'months' {
  const unit = (word ?? '').toLowerCase();
  return unit.startsWith('day') ? 'days' : unit.startsWith('week') ? 'weeks' : 'months';
}

/** Every phrase of the grammar at its first place in the text, whole-field forms included when asked. */
function matches(text: string, wholeForms: boolean): RepeatSpan[] {
  return PATTERNS.flatMap(({ re, rule, whole }) => {
    if (whole && !wholeForms) return [];
    const m = re.exec(text);
    const found = m ? rule(m) : null;
    return m && found ? [{ index: m.index, end: m.index + m[0].length, rule: found }] : [];
  });
}

/** The first repeat phrase in a text (the longest where two start together), or null. */
export function findRepeat(text: string): RepeatSpan | null {
  let best: RepeatSpan | null = null;
  for (const span of matches(text, false)) {
    if (!best || span.index < best.index || (span.index === best.index && span.end > best.end)) best = span;
  }
  return best;
}

/** A whole field read as a rule, canonical or everyday ("weekly on mon,thu", "every Mon and Thu", "repeat daily"); null when it is not one. */
export function parseRepeat(input: string): RepeatRule | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^repeat(?:s|ing)? /, '');
  if (text === '' || text.length > 60) return null;
  return matches(text, true).find((span) => span.index === 0 && span.end === text.length)?.rule ?? null;
}

/** The canonical text of a rule, as stored and shown. */
export function formatRepeat(rule: RepeatRule): string {
  switch (rule.kind) {
    case 'days':
      return rule.every === 1 ? 'daily' : `every ${rule.every} days`;
    case 'weekdays':
      return 'weekdays';
    case 'weeks':
      if (rule.days.length) return `weekly on ${rule.days.map((d) => DAY_CODES[d]).join(',')}`;
      return rule.every === 1 ? 'weekly' : `every ${rule.every} weeks`;
    case 'months':
      if (rule.anchorDay) return `monthly on day ${rule.anchorDay}`;
      return rule.every === 1 ? 'monthly' : `every ${rule.every} months`;
    case 'yearly':
      return 'yearly';
  }
}

/** A rule in words: "every day", "every Monday and Thursday", "every weekend", "every 2 weeks"; a text that is no rule comes back as it is. */
export function describeRepeat(rule: string): string {
  const parsed = parseRepeat(rule);
  if (!parsed) return rule;
  switch (parsed.kind) {
    case 'days':
      return parsed.every === 1 ? 'every day' : `every ${parsed.every} days`;
    case 'weekdays':
      return 'every weekday';
    case 'weeks': {
      if (parsed.days.length === 0) return parsed.every === 1 ? 'every week' : `every ${parsed.every} weeks`;
      if (parsed.days.join() === '0,6') return 'every weekend';
      const names = parsed.days.map((d) => DAY_NAMES[d] ?? '');
      return `every ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '')}`;
    }
    case 'months':
      if (parsed.anchorDay) return `every month on day ${parsed.anchorDay}`;
      return parsed.every === 1 ? 'every month' : `every ${parsed.every} months`;
    case 'yearly':
      return 'every year';
  }
}

/** The days of the week a rule falls on, or null when it is not tied to days. */
function ruleDays(rule: RepeatRule): number[] | null {
  if (rule.kind === 'weekdays') return [1, 2, 3, 4, 5];
  return rule.kind === 'weeks' && rule.days.length > 0 ? rule.days : null;
}

/** The rule's next date after a "YYYY-MM-DD" date, or on it when `inclusive` and the rule allows it. */
export function nextDate(rule: RepeatRule, date: string, inclusive: boolean): string {
  const days = ruleDays(rule);
  if (days) {
    let candidate = inclusive ? date : addDays(date, 1);
    while (!days.includes(weekdayOf(candidate))) candidate = addDays(candidate, 1);
    return candidate;
  }
  if (inclusive) return date;
  switch (rule.kind) {
    case 'days':
      return addDays(date, rule.every);
    case 'weeks':
      return addDays(date, 7 * rule.every);
    case 'months':
      return addMonths(date, rule.every, rule.anchorDay);
    default:
      return addMonths(date, 12);
  }
}

/**
 * A monthly rule set on a task due on the 29th–31st remembers that day, so the 31st falls on the last day
 * of shorter months and comes back to the 31st (instead of drifting to the 28th for good).
 */
export function anchorRule(rule: RepeatRule, due: Due | null, timeZone: string): RepeatRule {
  if (rule.kind !== 'months' || rule.every !== 1 || rule.anchorDay || !due) return rule;
  const day = toLocal(due.at, timeZone).day;
  return day > 28 ? { ...rule, anchorDay: day } : rule;
}

const onDate = (local: LocalDateTime, date: string): LocalDateTime => ({
  ...local,
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/** The next due date after `due` (local wall-clock time kept across DST changes). */
export function nextOccurrence(rule: RepeatRule, due: Due, timeZone: string): Due {
  const local = toLocal(due.at, timeZone);
  return { at: fromLocal(onDate(local, nextDate(rule, formatLocalDate(local), false)), timeZone), allDay: due.allDay };
}

/** The first due date on or after today for a repeating task that had none. */
export function firstOccurrence(rule: RepeatRule, now: Date, timeZone: string): Due {
  const today = { ...toLocal(now, timeZone), hour: 0, minute: 0, second: 0 };
  return { at: fromLocal(onDate(today, nextDate(rule, formatLocalDate(today), true)), timeZone), allDay: true };
}

/**
 * The first due value of a new repeating task, for rules tied to days of the week ("every monday"
 * said on a Thursday is due next Monday; said on a Monday, today unless the time has passed).
 * `timeOnly`: the due value came from a time alone ("at 9am"), so only its time counts. Other rules
 * keep the due value given (the tools start an undated one today).
 */
export function firstLocalDue(rule: RepeatRule, due: string | undefined, clock: { today: string; local: string }, timeOnly = false): string | undefined {
  if (!ruleDays(rule)) return due;
  const time = due && due.length > 10 ? due.slice(10, 16) : '';
  const first = nextDate(rule, due && !timeOnly ? due.slice(0, 10) : clock.today, true);
  return time === '' || `${first}${time}` > clock.local ? `${first}${time}` : `${nextDate(rule, first, false)}${time}`;
}

import { AppError } from '../errors.js';
import type { Due } from './due.js';
import { addDays, addMonths, formatLocalDate, weekdayOf, type LocalDateTime } from '../calendar/local.js';
import { fromLocal, toLocal } from '../calendar/zones.js';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_WORDS: Record<string, number> = {
  sun: 0, sunday: 0, sundays: 0, mon: 1, monday: 1, mondays: 1, tue: 2, tues: 2, tuesday: 2, tuesdays: 2,
  wed: 3, weds: 3, wednesday: 3, wednesdays: 3, thu: 4, thur: 4, thurs: 4, thursday: 4, thursdays: 4,
  fri: 5, friday: 5, fridays: 5, sat: 6, saturday: 6, saturdays: 6,
};

/** A parsed repeat rule. */
export type RepeatRule =
  | { kind: 'days'; every: number }
  | { kind: 'weekdays' }
  | { kind: 'weeks'; every: number; days: number[] }
  | { kind: 'months'; every: number; anchorDay?: number }
  | { kind: 'yearly' };

function invalid(input: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `repeat "${input.slice(0, 40)}" is not a rule: use daily, weekdays, weekly, "weekly on mon,thu", monthly, yearly or "every N days|weeks|months"`,
  );
}

function parseDays(text: string, input: string): number[] {
  const words = text.split(/[\s,&/]+|\band\b/).filter(Boolean);
  const days = words.map((w) => DAY_WORDS[w]);
  if (!days.length || days.some((d) => d === undefined)) throw invalid(input);
  return [...new Set(days as number[])].sort((a, b) => a - b);
}

/** Parse a rule in canonical or everyday form ("every monday", "every 2 weeks", "monthly on day 31"). */
export function parseRepeat(input: string): RepeatRule {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^repeat(s|ing)? /, '');
  if (text.length > 60) throw invalid(input);
  if (/^(daily|every ?day)$/.test(text)) return { kind: 'days', every: 1 };
  if (/^(weekdays|every weekday|every work ?day|weekly on weekdays)$/.test(text)) return { kind: 'weekdays' };
  if (/^(weekly|every week)$/.test(text)) return { kind: 'weeks', every: 1, days: [] };
  if (/^(monthly|every month)$/.test(text)) return { kind: 'months', every: 1 };
  if (/^(yearly|annually|every year)$/.test(text)) return { kind: 'yearly' };
  const anchored = /^monthly on (?:day |the )?(\d{1,2})(?:st|nd|rd|th)?$/.exec(text);
  if (anchored) {
    const day = Number(anchored[1]);
    if (day < 1 || day > 31) throw invalid(input);
    return { kind: 'months', every: 1, anchorDay: day };
  }
  const weeklyOn = /^(?:weekly on|every) ([a-z ,&/]+)$/.exec(text);
  if (weeklyOn && !/^(\d|other)/.test(weeklyOn[1]!)) return { kind: 'weeks', every: 1, days: parseDays(weeklyOn[1]!, input) };
  const every = /^every (\d{1,3}|other) (day|week|month)s?$/.exec(text);
  if (every) {
    const n = every[1] === 'other' ? 2 : Number(every[1]);
    if (n < 1 || n > 365) throw invalid(input);
    if (every[2] === 'day') return { kind: 'days', every: n };
    if (every[2] === 'week') return { kind: 'weeks', every: n, days: [] };
    return { kind: 'months', every: n };
  }
  throw invalid(input);
}

/** The canonical text of a rule, as stored and shown. */
export function formatRepeat(rule: RepeatRule): string {
  switch (rule.kind) {
    case 'days':
      return rule.every === 1 ? 'daily' : `every ${rule.every} days`;
    case 'weekdays':
      return 'weekdays';
    case 'weeks':
      if (rule.days.length) return `weekly on ${rule.days.map((d) => DAY_NAMES[d]).join(',')}`;
      return rule.every === 1 ? 'weekly' : `every ${rule.every} weeks`;
    case 'months':
      if (rule.anchorDay) return `monthly on day ${rule.anchorDay}`;
      return rule.every === 1 ? 'monthly' : `every ${rule.every} months`;
    case 'yearly':
      return 'yearly';
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

/** The local date-time on another date, its time of day kept. */
const onDate = (local: LocalDateTime, date: string): LocalDateTime => ({ ...local, year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

function nextLocal(rule: RepeatRule, from: LocalDateTime, inclusive: boolean): LocalDateTime {
  const date = formatLocalDate(from);
  const matches = (d: string) => {
    const wd = weekdayOf(d);
    return rule.kind === 'weekdays' ? wd >= 1 && wd <= 5 : rule.kind === 'weeks' && rule.days.includes(wd);
  };
  if (rule.kind === 'weekdays' || (rule.kind === 'weeks' && rule.days.length)) {
    let candidate = inclusive ? date : addDays(date, 1);
    while (!matches(candidate)) candidate = addDays(candidate, 1);
    return onDate(from, candidate);
  }
  if (inclusive) return from;
  switch (rule.kind) {
    case 'days':
      return onDate(from, addDays(date, rule.every));
    case 'weeks':
      return onDate(from, addDays(date, 7 * rule.every));
    case 'months':
      return onDate(from, addMonths(date, rule.every, rule.anchorDay ?? from.day));
    default:
      return onDate(from, addMonths(date, 12));
  }
}

/** The next due date after `due` (local wall-clock time kept across DST changes). */
export function nextOccurrence(rule: RepeatRule, due: Due, timeZone: string): Due {
  return { at: fromLocal(nextLocal(rule, toLocal(due.at, timeZone), false), timeZone), allDay: due.allDay };
}

/** The first due date on or after today for a repeating task that had none. */
export function firstOccurrence(rule: RepeatRule, now: Date, timeZone: string): Due {
  const today = { ...toLocal(now, timeZone), hour: 0, minute: 0, second: 0 };
  return { at: fromLocal(nextLocal(rule, today, true), timeZone), allDay: true };
}

// Repeat rules in the words people use ("every monday", "daily", "every other week", "on
// weekdays") and in the contract's canonical form ("weekly on mon", "every 2 weeks").
import { addDays, localTime, weekdayOf } from '../calendar/local.js';
import type { Clock } from './clock.js';
import { NUMBER_WORDS } from './lexicon.js';

/** A repeat phrase found in a text. */
export interface RepeatSpan {
  index: number;
  end: number;
  rule: string;
}

const DAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Week order for the canonical list (Monday first). */
const WEEK_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?`;
const DAYS = String.raw`${DAY}(?:\s*(?:,|&|\band\b|\bor\b|\/)\s*(?:and\s+)?${DAY})*`;
const NUMBER = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const EVERY = String.raw`(?:every|each)`;
/** "every saturday morning": the part of the day belongs to the rule (a time, if any, is read as a date). */
const PART_OF_DAY = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;

const PATTERNS: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [new RegExp(String.raw`\b(?:${EVERY}\s+(?:single\s+)?day|daily|every\s*day|${EVERY}\s+(?:morning|afternoon|evening|night))\b${PART_OF_DAY}`, 'i'), () => 'daily'],
  [new RegExp(String.raw`\b(?:${EVERY}\s+(?:week|work|business)\s*days?|(?:on\s+)?weekdays|${EVERY}\s+weekday)\b`, 'i'), () => 'weekdays'],
  [new RegExp(String.raw`\b(?:${EVERY}\s+weekend|(?:on\s+)?weekends)\b`, 'i'), () => 'weekly on sat,sun'],
  [new RegExp(String.raw`\b${EVERY}\s+other\s+(day|week|month)\b`, 'i'), (m) => `every 2 ${(m[1] ?? '').toLowerCase()}s`],
  [new RegExp(String.raw`\b${EVERY}\s+(${NUMBER})\s+(days?|weeks?|months?)\b`, 'i'), (m) => everyN(m[1] ?? '', m[2] ?? '')],
  [new RegExp(String.raw`\b(?:${EVERY}\s+week|weekly|once\s+a\s+week)\b(?:\s+on\s+(${DAYS}))?`, 'i'), (m) => (m[1] ? weeklyOn(m[1]) : 'weekly')],
  [new RegExp(String.raw`\b(?:${EVERY}\s+month|monthly|once\s+a\s+month)\b`, 'i'), () => 'monthly'],
  [new RegExp(String.raw`\b(?:${EVERY}\s+year|yearly|annually|once\s+a\s+year)\b`, 'i'), () => 'yearly'],
  [new RegExp(String.raw`\b(?:${EVERY}|on)\s+(${DAYS})\b${PART_OF_DAY}`, 'i'), (m) => (/^on\s/i.test(m[0]) && !/s\b/i.test(m[1] ?? '') ? null : weeklyOn(m[1] ?? ''))],
];

function everyN(count: string, unit: string): string {
  const n = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
  const base = unit.toLowerCase().replace(/s$/, '');
  if (n === 1) return base === 'day' ? 'daily' : `${base}ly`;
  return `every ${n} ${base}s`;
}

function weeklyOn(days: string): string {
  const codes = new Set((days.toLowerCase().match(/[a-z]+/g) ?? []).flatMap((w) => {
    const code = w.slice(0, 3);
    return DAY_CODES.includes(code) && !['and', 'or'].includes(w) ? [code] : [];
  }));
  return `weekly on ${WEEK_ORDER.filter((d) => codes.has(d)).join(',')}`;
}

/** The first repeat phrase in a text, with its place, or null. */
export function findRepeat(text: string): RepeatSpan | null {
  let best: RepeatSpan | null = null;
  for (const [re, build] of PATTERNS) {
    const m = re.exec(text);
    const rule = m ? build(m) : null;
    if (m && rule && (!best || m.index < best.index)) best = { index: m.index, end: m.index + m[0].length, rule };
  }
  return best;
}

/** A whole phrase read as a repeat rule ("every monday", "daily"), or null when it is anything else. */
export function repeatRule(phrase: string): string | null {
  const span = findRepeat(phrase);
  if (!span) return null;
  const rest = (phrase.slice(0, span.index) + phrase.slice(span.end)).replace(/\b(?:to|as|a|an|on|repeat(?:ing)?|recurring)\b|[\s,.!]/gi, '');
  return rest === '' ? span.rule : null;
}

/** Days of the week a rule falls on, or null when it falls on any day. */
function ruleDays(rule: string): number[] | null {
  if (rule === 'weekdays') return [1, 2, 3, 4, 5];
  const on = /^weekly on (.+)$/.exec(rule)?.[1];
  return on ? on.split(',').map((d) => DAY_CODES.indexOf(d)) : null;
}

/**
 * The first due value of a new repeating task on given days ("every monday" said on a Thursday is
 * due next Monday; said on a Monday, today unless the time has passed). `timeOnly`: the due value
 * came from a time alone ("at 9am"), so only its time counts. Rules not tied to days keep the due
 * value given (the tools start an undated one today).
 */
export function firstDue(rule: string, due: string | undefined, clock: Clock, timeOnly = false): string | undefined {
  const days = ruleDays(rule);
  if (!days) return due;
  const time = due && due.length > 10 ? due.slice(11) : undefined;
  const from = due && !timeOnly ? due.slice(0, 10) : clock.today;
  for (let i = 0; i < 8; i++) {
    const date = addDays(from, i);
    if (!days.includes(weekdayOf(date))) continue;
    if (time === undefined) return date;
    const [h = 0, m = 0] = time.split(':').map(Number);
    if (localTime(date, h, m) > clock.local) return localTime(date, h, m);
  }
  return due;
}

/** A rule in words: "every day", "every Monday and Thursday", "every 2 weeks". */
export function describeRepeat(rule: string): string {
  const days = /^weekly on (.+)$/.exec(rule)?.[1];
  if (days) {
    const names = days.split(',').map((d) => DAY_NAMES[DAY_CODES.indexOf(d)] ?? d);
    if (names.length === 2 && days === 'sat,sun') return 'every weekend';
    return `every ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '')}`;
  }
  const words: Record<string, string> = { daily: 'every day', weekdays: 'every weekday', weekly: 'every week', monthly: 'every month', yearly: 'every year' };
  return words[rule] ?? rule;
}

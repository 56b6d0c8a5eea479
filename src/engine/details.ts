// The details people type around a task's title, Todoist-style: "#work", "p1", "high priority",
// "every monday", "tomorrow at 5pm". Each is cut out of the text; what is left is the title.
import type { Clock } from './clock.js';
import { findDates } from './dates.js';
import { findRepeat, firstLocalDue, formatRepeat } from '../calendar/repeat.js';

/** A task's priority. */
export type Priority = 'high' | 'medium' | 'low';

/** Details of a task read from what the user typed. */
export interface Details {
  /** "YYYY-MM-DD" or a local "YYYY-MM-DDTHH:mm". */
  due?: string;
  priority?: Priority;
  tags?: string[];
  /** Canonical rule ("weekly on mon"). */
  repeat?: string;
}

/** A text with its details cut out. */
export interface Detailed {
  rest: string;
  details: Details;
  /** More than one date phrase was seen (and none was taken): the caller reads them per item. */
  manyDates: boolean;
}

const PRIORITY_WORDS: Record<string, Priority> = {
  high: 'high', top: 'high', highest: 'high', urgent: 'high', important: 'high', '1': 'high',
  medium: 'medium', normal: 'medium', mid: 'medium', '2': 'medium',
  low: 'low', lowest: 'low', '3': 'low',
};

/** Reads a priority word ("high", "p1", "urgent", "2"); null for "none" and the like, undefined if not one. */
export function priorityOf(word: string): Priority | null | undefined {
  const w = word.toLowerCase().replace(/^p(?=[1-4]$)/, '').replace(/[\s-]*priority$/, '').trim();
  if (/^(?:none|no|4|no priority)$/.test(w)) return null;
  return PRIORITY_WORDS[w];
}

const TAG = /(^|[\s,(])#([a-z0-9_-]*[a-z][a-z0-9_-]*)(?=$|[\s,.;:!?)])/gi;
const TAGGED = /\b(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?#?([a-z][a-z0-9_-]*)\b/i;
const PRIORITY_PATTERNS: RegExp[] = [
  // "p1" but not "p1.ts": a full stop counts only at the end of a sentence.
  /(?:^|\s)[([]?\bp([1-3])\b[)\]]?(?=$|[\s,;!]|\.(?:\s|$))/i,
  /(?:\b(?:with|at|as)\s+)?(?:(?:a|an)\s+)?\b(high|top|highest|urgent|medium|normal|mid|low|lowest)[\s-]+priority\b/i,
  /(?:\b(?:with\s+)?)\bpriority\s*(?::|=|is)?\s*(high|medium|low|[123])\b/i,
  /\b(urgent|important)(?=\s+(?:tasks?|todos?|items?|reminders?)\b)/i,
  /[,(\-–—]\s*(urgent|important)\s*\)?\s*$/i,
];

/** Tags as the contract keeps them: lower case, no "#", sorted, no duplicates, at most 10. */
export function normalTags(tags: readonly string[]): string[] {
  const clean = tags.map((t) => t.replace(/^#/, '').toLowerCase()).filter((t) => /^[a-z0-9_-]{1,32}$/.test(t));
  return [...new Set(clean)].sort().slice(0, 10);
}

const cut = (text: string, index: number, end: number): string => `${text.slice(0, index)} ${text.slice(end)}`;

function takeTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let out = text.replace(TAG, (_whole, before: string, tag: string) => {
    tags.push(tag);
    return `${before} `;
  });
  const tagged = TAGGED.exec(out);
  if (tagged?.[1]) {
    tags.push(tagged[1]);
    out = cut(out, tagged.index, tagged.index + tagged[0].length);
  }
  return { text: out, tags: normalTags(tags) };
}

function takePriority(text: string): { text: string; priority?: Priority } {
  for (const re of PRIORITY_PATTERNS) {
    const m = re.exec(text);
    const priority = m?.[1] ? priorityOf(m[1]) : undefined;
    if (m && priority) return { text: cut(text, m.index, m.index + m[0].length), priority };
  }
  return { text };
}

/** Trims what cutting left behind: doubled spaces, dangling "with", "and", commas. */
export function tidyRest(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/(?:[\s,;:\-–—]|\b(?:with|and|at|on|by|due|as|for|from|repeating|recurring)\b)+$/i, '')
    .trim();
}

/**
 * Cuts the details out of a text (quote placeholders are left alone, so a date word inside a
 * quoted title stays in the title). With `dates: false` date phrases stay in the text.
 */
export function readDetails(text: string, clock: Clock, dates = true): Detailed {
  const details: Details = {};
  const tagged = takeTags(text);
  let rest = tagged.text;
  if (tagged.tags.length > 0) details.tags = tagged.tags;
  const prioritised = takePriority(rest);
  rest = prioritised.text;
  if (prioritised.priority) details.priority = prioritised.priority;
  const repeat = findRepeat(rest);
  if (repeat) {
    details.repeat = formatRepeat(repeat.rule);
    rest = cut(rest, repeat.index, repeat.end);
  }
  let manyDates = false;
  let timeOnly = false;
  if (dates) {
    const spans = findDates(rest, clock);
    const [span] = spans;
    if (spans.length === 1 && span) {
      details.due = span.due;
      timeOnly = span.timeOnly;
      rest = cut(rest, span.index, span.end);
    }
    manyDates = spans.length > 1;
  }
  if (repeat) {
    const due = firstLocalDue(repeat.rule, details.due, clock, timeOnly);
    if (due) details.due = due;
  }
  return { rest: hasDetails(details) ? tidyRest(rest) : text, details, manyDates };
}

/** Whether any detail was read. */
export const hasDetails = (d: Details): boolean =>
  d.due !== undefined || d.priority !== undefined || d.tags !== undefined || d.repeat !== undefined;

/** How an edit changes a task's tags. */
export interface TagEdit {
  add?: string[];
  remove?: string[];
  clear?: boolean;
}

/** Moves a due date by an amount ("by a week": 1 week; "forward a day": -1 day). */
export interface DueShift {
  amount: number;
  unit: 'day' | 'week' | 'month';
}

/** A reminder as the tools take it: at a local time ("YYYY-MM-DDTHH:mm"), or minutes before the due time (0: at it). */
export type ReminderArg = { at: string } | { minutes_before: number };

/** How an edit changes a task's reminders: some added to those it has, or all removed. */
export type ReminderEdit = { add: ReminderArg[] } | { clear: true };

/** Detail changes of an edit (null clears the field). */
export interface DetailEdit {
  due?: string | null;
  /** Move the current due date (from today when there is none). */
  shift?: DueShift;
  priority?: Priority | null;
  tags?: TagEdit;
  repeat?: string | null;
  reminders?: ReminderEdit;
}

const FILLER = /\b(?:to|for|on|at|as|a|an|the|it|priority|due|date|repeat|repeating|recurring|task|one|make|set|be|now)\b|[\s,.!]/gi;

/** A whole phrase read as details only ("monday at 9", "p1", "every week"), or null if it says more. */
export function detailsOnly(phrase: string, clock: Clock): DetailEdit | null {
  const { rest, details } = readDetails(phrase, clock);
  if (!hasDetails(details) || rest.replace(FILLER, '') !== '') return null;
  const { tags, ...others } = details;
  return tags ? { ...others, tags: { add: tags } } : others;
}

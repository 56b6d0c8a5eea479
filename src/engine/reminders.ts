// Reminder phrasing (issue 16): "remind me to call mom at 5pm" (a new task due then, reminded at the due
// time), "remind me 30 minutes before" (the task in focus), "remind me about the dentist tomorrow at 9" (an
// existing task, reminded at that time; its due stays), "no reminder for that one" (its reminders removed).
// Only what the user said is read here; whether the task has a due time is decided in reminder-plan.ts.
import { preciseNow, type Clock } from './clock.js';
import { findDates } from './dates.js';
import { readDetails, type Details, type ReminderEdit } from './details.js';
import { NUMBER_WORDS } from './lexicon.js';
import { parseRef, type Ref } from './refs.js';
import { newTasks, toTitle, type NewTask } from './titles.js';
import type { Request } from './types.js';

const REMIND = String.raw`(?:remind\s+me|ping\s+me|alert\s+me|nudge\s+me|(?:set|add|create|make|schedule|give\s+me|i\s+want|i\s+need)(?:\s+me)?\s+(?:a|an|the)\s+reminder|reminder)`;
const AMOUNT = String.raw`(an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|forty[\s-]five|fifty|sixty|ninety|half\s+an?|a\s+quarter\s+of\s+an?|a\s+couple\s+of|\d{1,4})`;
const UNIT = String.raw`(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|weeks?)`;
const DURATION = String.raw`${AMOUNT}\s*${UNIT}\b`;
const MORE_NUMBERS: Record<string, number> = { fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty five': 45, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90 };
const UNIT_SECONDS: [RegExp, number][] = [
  [/^s/, 1],
  [/^m/, 60],
  [/^h/, 3600],
  [/^d/, 86_400],
  [/^w/, 604_800],
];

/** A duration in seconds ("30 minutes", "an hour", "half an hour", "5 seconds"); null when it is not one. */
function seconds(amount: string, unit: string): number | null {
  const a = amount.toLowerCase().replace(/\s+/g, ' ');
  const n = /^an?$/.test(a) ? 1 : /^half/.test(a) ? 0.5 : /quarter/.test(a) ? 0.25 : /couple/.test(a) ? 2 : (NUMBER_WORDS[a] ?? MORE_NUMBERS[a] ?? Number(a));
  const per = UNIT_SECONDS.find(([re]) => re.test(unit.toLowerCase()))?.[1];
  return per !== undefined && Number.isFinite(n) && n > 0 ? Math.round(n * per) : null;
}

const re = (source: string): RegExp => new RegExp(source, 'i');
const BEFORE = String.raw`(?:before(?:hand)?|ahead(?:\s+of\s+time)?|early|earlier|in\s+advance|prior)`;
/** "30 minutes before", "an hour before the dentist", "10 min before it's due". */
const RELATIVE = re(String.raw`^${REMIND}\s+(?:(?:about|of|for)\s+(.+?)\s+)?(?:the\s+)?${DURATION}\s+${BEFORE}(?:\s+(?:it'?s\s+due|it\s+is\s+due|the\s+due\s+time|it\s+starts|(?:the\s+)?(.+?)))?$`);
/** "remind me when it's due", "remind me about it at the due time". */
const AT_DUE = re(String.raw`^${REMIND}(?:\s+(?:about|of|for)\s+(.+?))?\s+(?:at\s+the\s+due\s+time|when\s+(?:it'?s|it\s+is)\s+due|on\s+time|at\s+the\s+time)$`);
const CLEAR: [RegExp, number][] = [
  [/^(?:no|without)\s+reminders?(?:\s+(?:for|on|about)\s+(.+?))?(?:\s+(?:please|needed|thanks))?$/i, 1],
  [/^(?:remove|delete|clear|cancel|drop|turn\s+off|switch\s+off|disable|take\s+off|get\s+rid\s+of|unset)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+|its\s+|any\s+|that\s+)?reminders?(?:\s+(?:from|for|on|of|about|off)\s+(.+))?$/i, 1],
  [/^(?:please\s+)?(?:don'?t|do\s+not|no\s+need\s+to|never)\s+remind\s+me(?:\s+(?:about|of|to)\s+(.+?))?(?:\s+any\s?more|\s+after\s+all)?$/i, 1],
  [/^stop\s+reminding\s+me(?:\s+(?:about|of|to)\s+(.+?))?(?:\s+any\s?more)?$/i, 1],
  [/^(.+?)\s+(?:doesn'?t|does\s+not|don'?t|won'?t)\s+need\s+(?:a\s+|any\s+)?reminders?$/i, 1],
];
/** "remind me about the dentist tomorrow at 9": an existing task. */
const ABOUT = re(String.raw`^${REMIND}\s+(?:(?:me\s+)?(?:about|of)|for)\s+(.+)$`);
/** "remind me at 6 to call mom", "set a reminder for 5pm to call mom": the time first. */
const TIME_FIRST = re(String.raw`^${REMIND}\s+(.+?)\s+to\s+(.+)$`);
/** "remind me to call mom at 5pm", "set a reminder to stretch in 5 seconds". */
const TASK_FIRST = re(String.raw`^${REMIND}\s*(?:to\b|that\s+i\s+(?:have|need)\s+to\b|:)\s*(.+)$`);
/** A trailing "…, 30 minutes before" of a new task. */
const TRAILING_BEFORE = re(String.raw`(?:\s*,\s*|\s+and\s+|\s+)(?:remind\s+me\s+)?(?:the\s+)?${DURATION}\s+${BEFORE}(?:\s+it)?$`);
const IN_SECONDS = re(String.raw`\b(?:in|after)\s+${AMOUNT}\s*(seconds?|secs?)\b`);

/** "at 6" is a time here (the calendar reads it only with am/pm or minutes): "at 6:00", which it reads as 18:00. */
const withHours = (text: string): string =>
  text.replace(/\b(at|@)\s*(\d{1,2})(?:\s*o'?\s*clock)?(?=$|[\s,.!?;])(?!\s*(?:am|pm|a\.m|p\.m)\b)/gi, (_w, _at: string, h: string) => (Number(h) <= 23 ? `at ${h}:00` : _w))
    .replace(/\bin\s+half\s+an\s+hour\b/gi, 'in 30 minutes')
    .replace(/\bin\s+a\s+quarter\s+of\s+an\s+hour\b/gi, 'in 15 minutes');

/** A phrase that is only a time ("at 6", "tomorrow at 9", "in 5 seconds"): its due value. */
function timeOnly(phrase: string, clock: Clock): string | null {
  const text = withHours(phrase.trim());
  const secs = IN_SECONDS.exec(text);
  if (secs && text.replace(secs[0], '').replace(/[\s,.!]+/g, '') === '') return inSeconds(secs, clock);
  const { rest, details } = readDetails(text, clock);
  return details.due !== undefined && rest.replace(/\b(?:for|at|on|by)\b|[\s,.!]/gi, '') === '' ? details.due : null;
}

/** The due instant "in 5 seconds" means (to the second: the tools take an ISO instant). */
function inSeconds(m: RegExpExecArray, clock: Clock): string | null {
  const s = seconds(m[1] ?? '', m[2] ?? '');
  // To the whole second (rounded up, so never earlier than said): the API keeps due times to the second.
  return s === null ? null : new Date(Math.ceil((preciseNow(clock) + s * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const hasTime = (due: string | undefined): boolean => due !== undefined && due.length > 10;
const refOf = (phrase: string | undefined, quotes: readonly string[]): Ref => (phrase ? parseRef(phrase, quotes) : { kind: 'pronoun' });
const update = (ref: Ref, reminders: ReminderEdit, orAdd?: NewTask): Request => ({ intent: 'update', ref, reminders, ...(orAdd ? { orAdd } : {}) });

/** New tasks from "remind me to …": each due at the time said, reminded then (or `before` minutes before). */
function newReminded(body: string, quotes: readonly string[], clock: Clock, due?: string): Request | null {
  let text = withHours(body);
  let before = 0;
  const trailing = TRAILING_BEFORE.exec(text);
  const beforeSeconds = trailing ? seconds(trailing[1] ?? '', trailing[2] ?? '') : null;
  if (trailing && beforeSeconds !== null && beforeSeconds >= 60) {
    before = Math.round(beforeSeconds / 60);
    text = text.slice(0, trailing.index);
  }
  const secs = IN_SECONDS.exec(text);
  const soon = secs ? inSeconds(secs, clock) : null;
  if (secs && soon) text = `${text.slice(0, secs.index)} ${text.slice(secs.index + secs[0].length)}`.trim();
  const at = due ?? soon ?? undefined;
  const items = newTasks(text, quotes, clock).map((item): NewTask => (at !== undefined ? { ...item, due: at } : item));
  // Without a time there is nothing to remind at: a day alone is a due date ("remind me tomorrow to call mom").
  if (items.length === 0 || !items.some((item) => item.due !== undefined)) return null;
  return { intent: 'add', items: items.map((item) => (hasTime(item.due) ? { ...item, reminders: [{ minutes_before: before }] } : item)) };
}

/** "remind me about the dentist tomorrow at 9": the task named, and when. A name no task has becomes a new task. */
function aboutTask(body: string, quotes: readonly string[], clock: Clock): Request | null {
  const text = withHours(body);
  const span = findDates(text, clock).at(-1);
  const atEnd = span !== undefined && text.slice(span.end).replace(/[\s.!?]+/g, '') === '';
  const name = atEnd ? text.slice(0, span.index).replace(/\s+(?:at|on|for|by)\s*$/i, '') : text;
  const ref = parseRef(name, quotes);
  if (ref.kind === 'none' || ref.kind === 'all') return null;
  const details: Details = atEnd ? readDetails(text, clock).details : {};
  const title = toTitle(name, quotes);
  const timed = atEnd && hasTime(span.due);
  const orAdd = ref.kind === 'name' && title !== '' ? { title, ...details, ...(timed ? { reminders: [{ minutes_before: 0 }] } : {}) } : undefined;
  if (!atEnd) return update(ref, { add: [{ minutes_before: 0 }] }, orAdd);
  return update(ref, { add: [{ at: span.due }] }, orAdd);
}

/** "…and remind me 30 minutes before" after a command: the command, and the minutes before its due time (0: at it). */
const AND_REMIND = re(String.raw`^(.+?)(?:\s*[,;]\s*|\s+)(?:and\s+|then\s+)?(?:remind\s+me|set\s+a\s+reminder)(?:\s+(?:the\s+)?${DURATION}\s+${BEFORE}(?:\s+it)?|\s+(?:then|at\s+(?:that|the)\s+time|when\s+(?:it'?s|it\s+is)\s+due))?$`);

/** "Add the dentist tomorrow at 9 and remind me 30 minutes before": the add, its timed tasks reminded. */
export function withTrailingReminder(s: string, read: (head: string) => Request | null): Request | null {
  const m = AND_REMIND.exec(s);
  if (!m?.[1] || /^remind/i.test(m[1])) return null;
  const secs = m[2] ? seconds(m[2], m[3] ?? '') : 0;
  const head = read(m[1]);
  if (secs === null || secs % 60 !== 0 || head?.intent !== 'add' || !head.items.some((item) => hasTime(item.due))) return null;
  return { intent: 'add', items: head.items.map((item) => (hasTime(item.due) ? { ...item, reminders: [{ minutes_before: secs / 60 }] } : item)) };
}

/** Reads a message about reminders; null when it is not one (a plain "remind me to call mom" is an add, read in intent.ts). */
export function readReminder(s: string, quotes: readonly string[], clock: Clock): Request | null {
  // "set a reminder" alone: what about is the question.
  if (re(String.raw`^${REMIND}$`).test(s)) return { intent: 'add', items: [] };
  for (const [pattern, group] of CLEAR) {
    const m = pattern.exec(s);
    if (m) return update(refOf(m[group], quotes), { clear: true });
  }
  if (!/\bremind|\bping me\b|\balert me\b|\bnudge me\b/i.test(s)) return null;
  const relative = RELATIVE.exec(s);
  if (relative) {
    const secs = seconds(relative[2] ?? '', relative[3] ?? '');
    if (secs === null || secs < 60) return null;
    return update(refOf(relative[1] ?? relative[4], quotes), { add: [{ minutes_before: Math.round(secs / 60) }] });
  }
  const atDue = AT_DUE.exec(s);
  if (atDue) return update(refOf(atDue[1], quotes), { add: [{ minutes_before: 0 }] });
  const timeFirst = TIME_FIRST.exec(s);
  const due = timeFirst?.[1] ? timeOnly(timeFirst[1], clock) : null;
  if (timeFirst?.[2] && due) return newReminded(timeFirst[2], quotes, clock, due);
  const task = TASK_FIRST.exec(s);
  if (task?.[1]) return newReminded(task[1], quotes, clock);
  const about = ABOUT.exec(s);
  return about?.[1] ? aboutTask(about[1], quotes, clock) : null;
}

// Lists narrowed by what people ask: "what's due this week?", "what's overdue?", "show my high
// priority tasks", "anything tagged #work?", "find tasks about the trip", "sorted by due date".
// Each part is cut out of the message; a message left with only list words is a list query.
import { writeDue } from '../calendar/format.js';
import { addDays, isoDate, weekdayOf } from '../calendar/local.js';
import type { Clock } from './clock.js';
import { findDates } from './dates.js';
import { normalTags, priorityOf, type Priority } from './details.js';
import { NUMBER_WORDS, STOP_WORDS } from './lexicon.js';
import { restoreQuotes, searchable, words } from './text.js';

/** Sort orders list_tasks accepts. */
export type Sort = 'created' | 'due' | 'priority' | 'title';

/** list_tasks filters, named as the tool names them. */
export interface ListFilter {
  due_before?: string;
  due_after?: string;
  overdue?: boolean;
  priority?: Priority;
  tag?: string;
  query?: string;
  sort?: Sort;
}

/** A list query: its filters and the words that describe them in a reply. */
export interface ListQuery {
  filter: ListFilter;
  /** Words before "tasks" in a reply: "overdue", "high priority". */
  adjectives: string[];
  /** Words after "tasks": "due this week", "tagged #work", "matching \"trip\"". */
  qualifiers: string[];
  /** A search by words or tag only: it looks through completed tasks too. */
  search: boolean;
  /** The message without the filter and sort phrases (its status words still say pending or completed). */
  rest: string;
}

interface Range {
  before?: string;
  after?: string;
  label: string;
}

const SEARCH = /^(?:find|search(?:\s+for)?|look\s+(?:for|up)|lookup|grep)\b\s*/i;
const ABOUT = /\b(?:about|mentioning|mention|containing|contain|matching|match|related to|regarding|concerning|with the words?|that says?)\s+(.+)$/i;
const OVERDUE = /\b(?:overdue|past due|late)\b/i;
const PRIORITY = /\b(?:(high|top|highest|medium|normal|low|lowest)[\s-]+priority|(urgent|important)|p([123])|priority\s+(high|medium|low|[123]))\b/i;
const TAG = /(?:\b(?:tagged|labell?ed|with (?:the )?tag)\s+#?|(?:^|\s)#)([a-z0-9_-]*[a-z][a-z0-9_-]*)\b/i;
const SORT = /\b(?:(?:sort(?:ed)?|order(?:ed)?)\s+(?:them\s+|it\s+|(?:my\s+)?tasks\s+)?)?by\s+(due(?:\s+date)?|date|deadline|priority|importance|title|name|creation|created)\b|\b(alphabetically|newest first|latest first)\b/i;
const DUE_CONTEXT = /\b(?:due|deadlines?|scheduled|planned|upcoming|coming up|soon|for|on|this|next|agenda)\b|\b(?:today|tomorrow)'s\b/i;
const SOON = /\b(?:soon|upcoming|coming up|(?:in )?the next (?:few|couple of) days)\b/i;
const NEXT_DAYS = /\b(?:in\s+)?the\s+next\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+days\b/i;
/** Words a list query may have besides its filters. */
const LIST_WORDS = new Set(
  `show list display view see print get give tell read check pull bring let what what's whats which how many any anything
  everything do have there is are am i me my all tasks task todos todo items item things stuff due left pending open
  remaining outstanding completed done finished sorted sort order ordered by first please now have got list's on for
  this next up agenda plan planned scheduled something find search look lookup for with tagged tag labelled a an the
  our your we you it them any some of to in that which there's are were was be still currently right just also need
  needs should must supposed gotta got going plate schedule calendar lined happening coming and or`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

const cut = (text: string, m: RegExpExecArray): string => `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;

function weekRange(clock: Clock, next: boolean): Range {
  const sunday = addDays(clock.today, (7 - weekdayOf(clock.today)) % 7);
  if (!next) return { before: sunday, label: 'this week' };
  return { after: addDays(sunday, 1), before: addDays(sunday, 7), label: 'next week' };
}

function monthRange(clock: Clock, next: boolean): Range {
  const [y = 0, m = 1] = clock.today.split('-').map(Number);
  const last = (month: number): string => isoDate(y, month + 1, 0);
  return next ? { after: isoDate(y, m + 1, 1), before: last(m + 1), label: 'next month' } : { before: last(m), label: 'this month' };
}

const NAMED_RANGES: [RegExp, (clock: Clock) => Range][] = [
  [/\b(?:today|tonight)(?:'s)?\b/i, (c) => ({ before: c.today, label: 'today' })],
  [/\btomorrow(?:'s)?\b/i, (c) => ({ after: addDays(c.today, 1), before: addDays(c.today, 1), label: 'tomorrow' })],
  [/\bthis\s+week(?:'s)?\b|\bthe\s+(?:rest\s+of\s+the\s+)?week\b/i, (c) => weekRange(c, false)],
  [/\bnext\s+week(?:'s)?\b/i, (c) => weekRange(c, true)],
  [/\b(?:this|the)\s+weekend\b/i, (c) => {
    const sunday = addDays(c.today, (7 - weekdayOf(c.today)) % 7);
    const saturday = addDays(sunday, -1);
    return { after: saturday > c.today ? saturday : c.today, before: sunday, label: 'this weekend' };
  }],
  [/\bthis\s+month(?:'s)?\b/i, (c) => monthRange(c, false)],
  [/\bnext\s+month(?:'s)?\b/i, (c) => monthRange(c, true)],
];

/**
 * A due range named in a list request; `null` when the date words do not ask for one. "Today"
 * alone ("what should I do today?") asks what is pending, undated tasks included; it narrows to
 * due dates only with "due", "for", "on", "today's" and the like. Other date words always narrow.
 */
function dueRange(text: string, clock: Clock): { range: Range; text: string } | null {
  const dueWords = DUE_CONTEXT.test(text);
  for (const [re, build] of NAMED_RANGES) {
    const m = re.exec(text);
    const range = m ? build(clock) : null;
    if (m && range && (dueWords || range.label !== 'today')) return { range, text: cut(text, m) };
    if (m) return null;
  }
  const days = NEXT_DAYS.exec(text);
  if (days?.[1]) {
    const n = NUMBER_WORDS[days[1].toLowerCase()] ?? Number(days[1]);
    return { range: { before: addDays(clock.today, n), label: `in the next ${n} days` }, text: cut(text, days) };
  }
  const soon = SOON.exec(text);
  if (soon) return { range: { before: addDays(clock.today, 7), label: 'in the next 7 days' }, text: cut(text, soon) };
  const [span] = findDates(text, clock);
  if (!span) return null;
  const day = span.due.slice(0, 10);
  const shown = writeDue(day, clock, clock.locale);
  const rest = `${text.slice(0, span.index)} ${text.slice(span.end)}`;
  const bound = /^(?:due\s+)?(before|by|until|till|after|from|since)\b/i.exec(text.slice(span.index))?.[1]?.toLowerCase();
  if (bound === 'after' || bound === 'from' || bound === 'since') return { range: { after: day, label: `from ${shown}` }, text: rest };
  if (bound === 'before') return { range: { before: addDays(day, -1), label: `before ${shown}` }, text: rest };
  if (bound || day <= clock.today) return { range: { before: day, label: `by ${shown}` }, text: rest };
  return { range: { after: day, before: day, label: `on ${shown}` }, text: rest };
}

function searchWords(text: string, quotes: readonly string[]): { query: string; label: string } | null {
  const quoted = /\uE000(\d+)\uE001/.exec(text);
  if (quoted) {
    const q = quotes[Number(quoted[1])] ?? '';
    return q.trim() === '' ? null : { query: q.toLowerCase(), label: q };
  }
  const kept = words(restoreQuotes(text, quotes)).filter((w) => !STOP_WORDS.has(w) && !LIST_WORDS.has(w));
  if (kept.length === 0) return null;
  return { query: kept.map(searchable).join(' '), label: kept.join(' ') };
}

function readPriority(text: string): { priority: Priority; text: string } | null {
  const m = PRIORITY.exec(text);
  const word = m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '') : '';
  const priority = priorityOf(word);
  return m && priority ? { priority, text: cut(text, m) } : null;
}

function readSort(text: string): { sort: Sort; text: string } | null {
  const m = SORT.exec(text);
  if (!m) return null;
  const key = (m[1] ?? m[2] ?? '').toLowerCase();
  let sort: Sort = 'created';
  if (/^(?:due|date|deadline)/.test(key)) sort = 'due';
  else if (/^(?:priority|importance)$/.test(key)) sort = 'priority';
  else if (/^(?:title|name|alphabetically)$/.test(key)) sort = 'title';
  return { sort, text: cut(text, m) };
}

/** Reads the filters and sort of a list request; null when the message asks for no narrowing. */
export function readListQuery(s: string, quotes: readonly string[], clock: Clock): ListQuery | null {
  const filter: ListFilter = {};
  const searchVerb = SEARCH.exec(s);
  let text = searchVerb ? s.slice(searchVerb[0].length) : s;
  const aboutPhrase = ABOUT.exec(text);
  let searched = aboutPhrase?.[1] ? searchWords(aboutPhrase[1], quotes) : null;
  if (aboutPhrase) text = cut(text, aboutPhrase);
  if (OVERDUE.test(text)) {
    filter.overdue = true;
    text = text.replace(OVERDUE, ' ');
  }
  const sorted = readSort(text);
  if (sorted) ({ text } = sorted);
  const prioritised = readPriority(text);
  if (prioritised) {
    filter.priority = prioritised.priority;
    text = prioritised.text;
  }
  const tag = TAG.exec(text);
  if (tag?.[1]) {
    filter.tag = normalTags([tag[1]])[0];
    text = cut(text, tag);
  }
  const due = dueRange(text, clock);
  if (due) {
    if (due.range.before) filter.due_before = due.range.before;
    if (due.range.after) filter.due_after = due.range.after;
    text = due.text;
  }
  if (!searched && searchVerb) searched = searchWords(text, quotes);
  else if (words(text).some((w) => !LIST_WORDS.has(w))) return null;
  if (searched) filter.query = searched.query;
  const adjectives = [...(filter.overdue ? ['overdue'] : []), ...(filter.priority ? [`${filter.priority} priority`] : [])];
  const qualifiers = [
    ...(due ? [`due ${due.range.label}`] : []),
    ...(filter.tag ? [`tagged #${filter.tag}`] : []),
    ...(searched ? [`matching "${searched.label}"`] : []),
  ];
  // "what's due?", "what's next?": no range, soonest first.
  const soonest = !due && /\b(?:due|next)\b/i.test(text);
  if (adjectives.length === 0 && qualifiers.length === 0 && !sorted && !soonest) return null;
  const sort = sorted?.sort ?? (due || filter.overdue || soonest ? 'due' : filter.priority ? 'priority' : undefined);
  if (sort) filter.sort = sort;
  return { filter, adjectives, qualifiers, search: !due && !soonest && adjectives.length === 0, rest: text };
}

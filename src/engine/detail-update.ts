// Edits of a task's details: "move the dentist to Monday", "make it high priority", "tag it
// #health", "stop repeating the plants task", "the report is due friday", "change X to p1".
// Titles and descriptions are edited in update-intent.ts.
import type { Clock } from './clock.js';
import { findDates } from './dates.js';
import { detailsOnly, normalTags, priorityOf, type DetailEdit, type DueShift } from './details.js';
import type { Request } from './types.js';
import { NUMBER_WORDS } from './lexicon.js';
import { parseRef } from './refs.js';
import { repeatRule } from './repeat.js';

type Build = (m: RegExpExecArray, quotes: readonly string[], clock: Clock) => Request | null;

/** Words a reference never starts with: questions, people, and "a …" (something new, not a task). */
const NOT_A_REF = /^(?:what|which|when|who|how|anything|everything|is|are|do|does|did|i|we|you|a|an|another|new|some)\b/i;
const TAG_LIST = String.raw`#?[a-z0-9_-]+(?:\s*(?:,|&|\band\b)?\s*#?[a-z0-9_-]+)*`;
const HASH_LIST = String.raw`#[a-z0-9_-]+(?:\s*(?:,|&|\band\b)?\s*#[a-z0-9_-]+)*`;
const PRIORITY_VALUE = String.raw`(?:an?\s+)?(high|top|urgent|important|medium|normal|low|none|no|p[1-4])(?:[\s-]+priority)?`;
const NO_DATE = /^(?:no|none|nothing|never|no (?:due )?date|no deadline|not due|unscheduled)$/i;
const STOP_REPEAT = String.raw`(?:repeat|recur)(?:ing)?(?:\s+(?:any\s?more|again))?`;

function edit(refPhrase: string, change: DetailEdit, quotes: readonly string[]): Request | null {
  const phrase = refPhrase.trim();
  if (phrase === '' || NOT_A_REF.test(phrase)) return null;
  return { intent: 'update', ref: parseRef(phrase, quotes), ...change };
}

const tagWords = (list: string): string[] => normalTags(list.split(/[\s,&]+|\band\b/i).filter((w) => w !== '' && w.toLowerCase() !== 'and'));

const SHIFT = /\s+(?:(back|forward|out)\s+)?(?:by\s+)?(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(day|week|month)s?(?:\s+(later|earlier|back|forward))?$/i;
const UNITS: Record<string, DueShift['unit']> = { day: 'day', week: 'week', month: 'month' };

/** "delay X by a week", "push X back 2 days", "bring X forward a day": a move from its current due date. */
function shifted(verb: string, body: string, quotes: readonly string[]): Request | null {
  const m = SHIFT.exec(body);
  const unit = UNITS[m?.[3]?.toLowerCase() ?? ''];
  if (!m?.[2] || !unit) return null;
  const count = NUMBER_WORDS[m[2].toLowerCase()] ?? (/^an?$/i.test(m[2]) ? 1 : Number(m[2]));
  const earlier = /forward|earlier/i.test(`${verb} ${m[1] ?? ''} ${m[4] ?? ''}`);
  const ref = body.slice(0, m.index).replace(/\s+(?:back|forward|out)$/i, '');
  return edit(ref, { shift: { amount: earlier ? -count : count, unit } }, quotes);
}

/** "move X to friday", "postpone X until monday": the date is the last phrase of the message. */
const reschedule: Build = (m, quotes, clock) => {
  const body = m[2] ?? '';
  const span = findDates(body, clock).at(-1);
  if (!span || body.slice(span.end).replace(/[\s.!?]+/g, '') !== '') return shifted(m[1] ?? '', body, quotes);
  const before = body.slice(0, span.index);
  const ref = before.replace(/\s+(?:back\s+|forward\s+|out\s+)?(?:to|till|until|for|on|by|at|back|forward|out)\s*$/i, '');
  // "move the car tomorrow" is a new task; "move the dentist to tomorrow" an edit.
  const needsPreposition = /^(?:move|push|shift|bump)/i.test(m[1] ?? '');
  if (needsPreposition && ref === before.trimEnd()) return null;
  return edit(ref, { due: span.due }, quotes);
};

function dueValue(value: string, clock: Clock): DetailEdit | null {
  if (NO_DATE.test(value.trim())) return { due: null };
  const details = detailsOnly(value, clock);
  return details?.due !== undefined ? details : null;
}

// Builders for the pattern table: group 1 is the task, group 2 the value (unless said otherwise).
const setDue: Build = (m, q, c) => {
  const value = dueValue(m[2] ?? '', c);
  return value ? edit(m[1] ?? '', value, q) : null;
};
const setDueOnly: Build = (m, q, c) => {
  const value = dueValue(m[2] ?? '', c);
  return value?.due ? edit(m[1] ?? '', { due: value.due }, q) : null;
};
const setPriority: Build = (m, q) => {
  const priority = priorityOf(m[2] ?? '');
  return priority === undefined ? null : edit(m[1] ?? '', { priority }, q);
};
const setRepeat: Build = (m, q) => {
  const rule = repeatRule(m[2] ?? '');
  return rule ? edit(m[1] ?? '', { repeat: rule }, q) : null;
};
const setDetails: Build = (m, q, c) => {
  const details = detailsOnly(m[2] ?? '', c);
  return details ? edit(m[1] ?? '', details, q) : null;
};
/** A fixed change of the task in group 1. */
const fixed = (change: DetailEdit): Build => (m, q) => edit(m[1] ?? '', change, q);
/** Tags from one group added to (or removed from) the task in another. */
const tagging = (kind: 'add' | 'remove', task: number, tags: number): Build => (m, q) => edit(m[task] ?? '', { tags: { [kind]: tagWords(m[tags] ?? '') } }, q);
const untag: Build = (m, q) => edit(m[1] ?? '', { tags: m[2] ? { remove: tagWords(m[2]) } : { clear: true } }, q);

const re = (source: string): RegExp => new RegExp(source, 'i');

const PATTERNS: [RegExp, Build][] = [
  // Due dates.
  [/^(move|re-?schedule|push(?:\s+back)?|postpone|defer|delay|bump|shift|put\s+off|bring\s+forward|bring)\s+(.+)$/i, reschedule],
  [/^(?:change|set|update|edit|make|move)\s+(?:the\s+)?(?:due\s+date|due|deadline|date|due\s+time|time)\s+(?:of|for|on)\s+(.+?)\s+(?:to|as|for|:|=)\s*(.+)$/i, setDue],
  [/^(?:change|set|update|edit)\s+(.+?)(?:'s)?\s+(?:due\s+date|deadline|due)\s*(?:to|as|:|=)?\s*(.+)$/i, setDue],
  [/^(?:make|set)\s+(.+?)\s+due\s+(.+)$/i, setDue],
  [/^(.+?)(?:\s+(?:is|should be|will be)|'s)\s+(?:now\s+)?(?:due\s+)?(.+)$/i, setDueOnly],
  [/^(?:remove|clear|delete|drop|unset|take\s+off)\s+(?:the\s+)?(?:due\s+date|deadline|date|due)\s+(?:from|of|on|for)\s+(.+)$/i, fixed({ due: null })],
  [/^unschedule\s+(.+)$/i, fixed({ due: null })],
  [/^(.+?)\s+(?:has|needs|should have)\s+no\s+(?:due\s+date|deadline|date)$/i, fixed({ due: null })],
  // Priority.
  [/^(?:set|change|update|make)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(.+?)\s+(?:to|as|:|=)\s*(.+)$/i, setPriority],
  [re(String.raw`^(?:make|set|mark|flag|change|update)\s+(.+?)\s+(?:as\s+|to\s+)?${PRIORITY_VALUE}$`), setPriority],
  [/^(?:make|set|mark|flag)\s+(.+?)\s+(?:as\s+)?(?:a\s+)?(?:top\s+)?priority$/i, fixed({ priority: 'high' })],
  [/^(?:prioriti[sz]e|raise\s+(?:the\s+)?priority\s+(?:of|on|for))\s+(.+)$/i, fixed({ priority: 'high' })],
  [/^(?:de-?prioriti[sz]e|lower\s+(?:the\s+)?priority\s+(?:of|on|for))\s+(.+)$/i, fixed({ priority: 'low' })],
  [/^(?:remove|clear|drop|unset)\s+(?:the\s+)?priority\s+(?:from|of|on|for)\s+(.+)$/i, fixed({ priority: null })],
  [re(String.raw`^(.+?)(?:\s+(?:is|should be)|'s)\s+(?:now\s+)?${PRIORITY_VALUE}$`), setPriority],
  // Tags.
  [re(String.raw`^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(?:the\s+)?(?:tags?\s+|labels?\s+)?(${TAG_LIST})$`), tagging('add', 1, 2)],
  [re(String.raw`^(?:tag|label)\s+(.+?)\s+(${HASH_LIST})$`), tagging('add', 1, 2)],
  [re(String.raw`^(?:add|put)\s+(?:the\s+)?(?:tags?\s+|labels?\s+)?(${HASH_LIST})\s+(?:tags?\s+)?(?:to|on)\s+(.+)$`), tagging('add', 2, 1)],
  [re(String.raw`^(?:add|put)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+(${TAG_LIST})\s+(?:to|on)\s+(.+)$`), tagging('add', 2, 1)],
  [/^(?:remove|clear|delete|drop)\s+(?:all\s+)?(?:the\s+)?(?:tags|labels)\s+(?:from|on|of|off)\s+(.+)$/i, fixed({ tags: { clear: true } })],
  [re(String.raw`^(?:remove|delete|drop|take)\s+(?:the\s+)?(?:tags?\s+|labels?\s+)?(${HASH_LIST})\s+(?:tags?\s+)?(?:from|on|off(?:\s+of)?)\s+(.+)$`), tagging('remove', 2, 1)],
  [/^(?:remove|delete|drop|take)\s+(?:the\s+)?(?:tag|label)\s+#?([a-z0-9_-]+)\s+(?:from|on|off)\s+(.+)$/i, tagging('remove', 2, 1)],
  [/^(?:remove|delete|drop|take)\s+(?:the\s+)?#?([a-z0-9_-]+)\s+(?:tag|label)\s+(?:from|on|off)\s+(.+)$/i, tagging('remove', 2, 1)],
  [re(String.raw`^(?:untag|unlabel)\s+(.+?)(?:\s+(${HASH_LIST}))?$`), untag],
  // Repeats.
  [/^(?:stop|quit|cease|end)\s+(?:repeating|recurring)\s+(.+)$/i, fixed({ repeat: null })],
  [/^(?:don'?t|do not|no longer|never)\s+repeat\s+(.+?)(?:\s+(?:any\s?more|again))?$/i, fixed({ repeat: null })],
  [re(String.raw`^(.+?)\s+(?:should(?:n'?t| not)|does(?:n'?t| not)(?:\s+need\s+to)?|won'?t|no longer|need(?:s)? not)\s+${STOP_REPEAT}$`), fixed({ repeat: null })],
  [/^(?:make|set)\s+(.+?)\s+(?:not\s+repeat(?:ing)?|non-?repeating|(?:a\s+)?one-?(?:off|time)(?:\s+task)?|once)$/i, fixed({ repeat: null })],
  [/^(?:remove|clear|cancel|turn\s+off|delete|drop)\s+(?:the\s+)?(?:repeat|recurrence|repetition|repeating)\s+(?:from|on|of|for)\s+(.+)$/i, fixed({ repeat: null })],
  [/^(?:make|set)\s+(.+?)\s+(?:to\s+)?(?:repeat|recur)\s+(.+)$/i, setRepeat],
  [/^(?:repeat)\s+(.+?)\s+((?:every|each|on)\s+.+|daily|weekly|monthly|yearly|annually|weekdays)$/i, setRepeat],
  [/^(.+?)\s+(?:should\s+)?(?:repeats?|recurs?)\s+(.+)$/i, setRepeat],
  // Anything else set to details only: "change X to p1", "make it every week", "set it for friday 9am".
  [/^(?:change|update|set|make|mark|switch|turn)\s+(.+?)\s+(?:to|as|into|for)\s+(.+)$/i, setDetails],
  [/^(?:make|set)\s+(.+?)\s+((?:every|each|daily|weekly|monthly|yearly|p[1-3]\b|#).*)$/i, setDetails],
  // "make it saturday", "set task 3 tomorrow 9am": a short reference, then details only.
  [/^(?:make|set|change)\s+(it|that|this|that one|this one|task\s*#?\s*\d+|#\s*\d+)\s+(.+)$/i, setDetails],
];

/** "The rent is due friday", "the lamp is high priority": statements that, asked ("…?"), are questions instead. */
const STATEMENTS = new Set([setDueOnly, setPriority]);

/** Reads an edit of due date, priority, tags or repeat; null when the message is not one (or asks whether it is so). */
export function readDetailUpdate(s: string, quotes: readonly string[], clock: Clock, question = false): Request | null {
  for (const [re, build] of PATTERNS) {
    if (question && STATEMENTS.has(build) && !/^(?:make|set|mark|flag|change|update)\b/i.test(s)) continue;
    const m = re.exec(s);
    const request = m ? build(m, quotes, clock) : null;
    if (request) return request;
  }
  return null;
}

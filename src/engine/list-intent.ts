// Reading a list request and its scope: which tasks ("what's pending", "what have I finished"), and scope
// words that widen or narrow it ("including finished ones", "done or not", "only the open ones").
import type { Clock } from './clock.js';
import { readListQuery } from './list-query.js';
import type { Status } from './refs.js';
import type { Request } from './types.js';

const LIST_START = /^(?:show|list|display|view|see|print|get (?:me )?(?:my|the|all)|give me|tell me|read(?: out)?|check (?:my|the|on my|what)|pull up|bring up|let me see|what'?s|what is|what are|what remains|what|which|how many|any|anything|do i have|do we have|are there|is there|have i|my|all|remaining|pending|open|outstanding|incomplete|unfinished|count|everything|(?:the )?(?:whole|full|entire)|only|just|even)\b/i;
const LIST_NOUN = /\b(?:tasks?|todos?|list|items?|things|stuff|everything|all|agenda|plate|reminders|anything|ones)\b/i;
const STATUS_WORD = /\b(?:pending|left|remains?|remaining|open|outstanding|incomplete|unfinished|undone|done|completed?|finish(?:ed)?|to do|supposed to do|(?:should|must|need to|have to) do|ticked|checked|crossed)\b/i;
const PENDING = /\b(?:pending|left|remains?|remaining|open|outstanding|incomplete|unfinished|undone|active|still|due|upcoming|supposed to|to do|need to|have to|should i|haven'?t|not (?:yet )?(?:done|finished|completed?)|yet)\b/i;
const COMPLETED = /\b(?:done|completed?|finish(?:ed)?|checked(?:[- ]off)?|ticked(?:[- ]off)?|crossed(?:[- ]off)?|accomplished|achieved|closed)\b/i;
const BARE_LIST = /^(?:(?:completed|finished|pending|open|remaining|outstanding)(?: tasks| ones| items| todos)?|done (?:tasks|ones|items)|show me|tasks?|todos?|my (?:tasks|todos|list|todo list|stuff)|list|the list|todo list|to do list|everything|ls|agenda|show|status)$/i;
/** "the finished ones", "the open tasks?": a status and a list noun, nothing else. */
const STATUS_ONES = /^(?:the\s+)?(?:(?:un)?finished|completed|done|open|pending|closed|active|ticked[- ]off|crossed[- ]off|checked[- ]off|outstanding|remaining|incomplete)\s+(?:ones|tasks|items|todos)$/i;
/** Words that add the completed tasks to the others ("including finished ones", "completed too"). */
const INCLUSIVE = /\b(?:includ(?:ing|ed|e)|incl|too|as well|also|even|or not|whole|full|entire|both|all of them)\b/i;
/** Both kinds named together: "unfinished and finished", "open and closed", "done or pending". */
const BOTH = /\b(?:(?:un)?finished|(?:in)?complete[d]?|done|undone|open|closed|pending)\s+(?:and|or|&|\+|plus)\s+(?:(?:un)?finished|(?:in)?complete[d]?|done|undone|open|closed|pending|not)\b/i;

/** A list request that starts with a status needs a list noun: "open tasks", not "open Spotify". */
const ADJECTIVE_START = /^(?:remaining|pending|open|outstanding|incomplete|unfinished)\b/i;
const COUNT = /\bhow many\b|\bcount\b|\bnumber of\b/i;

/** Which tasks a list request asks for; `fallback` when it says neither pending nor completed. */
export function scopeOf(lower: string, fallback: Status): Status {
  const completed = COMPLETED.test(lower);
  if (BOTH.test(lower) || (completed && INCLUSIVE.test(lower))) return 'all';
  if (PENDING.test(lower)) return 'pending';
  if (completed) return 'completed';
  return fallback;
}

/** A list narrowed by due date, priority, tag or words, or sorted. */
export function listQueryRequest(s: string, quotes: readonly string[], clock: Clock): Request | null {
  const query = readListQuery(s, quotes, clock);
  if (!query) return null;
  return { intent: 'list', status: scopeOf(query.rest.toLowerCase(), query.search ? 'all' : 'pending'), count: COUNT.test(s), query };
}

/** A plain list request ("show my tasks", "what's left?", "only the open ones"); a status question for "show task 3". */
export function listRequest(s: string): Request | null {
  const lower = s.toLowerCase().replace(/[?!.\s]+$/, '');
  const count = COUNT.test(lower);
  const listy =
    BARE_LIST.test(lower) ||
    STATUS_ONES.test(lower) ||
    /^what (?:should|do|can|must|shall) (?:i|we) do\b/.test(lower) ||
    /^what(?:'ve| have)? (?:i|we)(?:'ve)? got(?: (?:on|to do|planned|left|lined up))?(?: (?:today|now|this week))?$/.test(lower) ||
    /^what'?s (?:on|happening)(?: (?:today|now|for me))?$/.test(lower) ||
    (LIST_START.test(lower) && (LIST_NOUN.test(lower) || ((STATUS_WORD.test(lower) || count) && !ADJECTIVE_START.test(lower))));
  if (!listy) return null;
  const ids = [...lower.matchAll(/(?:\btask\s*#?\s*|#\s*)(\d+)\b/g)].map((m) => Number(m[1]));
  if (ids.length > 0) return { intent: 'status', ref: { kind: 'ids', ids } };
  return { intent: 'list', status: scopeOf(lower, 'all'), count };
}

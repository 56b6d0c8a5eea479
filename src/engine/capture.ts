// Capturing tasks without an add verb: a header before them ("New task — fix the gate", "tomorrow: call
// the plumber, pick up the suit", "groceries: milk, eggs") and a pasted list or brain dump ("- call the
// bank\n- renew passport by Friday", "call the bank, email the landlord, book a haircut"). The header is
// not part of any title; a date it names is every item's due date, a verb it is goes with each item.
import { chatKind } from './chat.js';
import type { Clock } from './clock.js';
import { hasDetails, readDetails, type Details } from './details.js';
import { BULLET, isThing, lines, numberedItems, splitLine } from './items.js';
import { TASK_VERBS } from './lexicon.js';
import { words } from './text.js';
import { newTasks } from './titles.js';
import type { Request } from './types.js';

/** The first separator of a message after a short head: ":", a dash between spaces, an arrow. */
const HEADED = /^([^:;—–➜→>"\uE000]{1,60}?)\s*(?::|—|–|➜|→|->|=>|>>|\s-+(?=\s))\s*(.*)$/;
/** Words a header is made of ("put this on my todo list", "one more thing to do", "new task"). */
const HEAD_WORDS = new Set(
  `task tasks todo todos to do item items reminder reminders note notes entry entries thing things stuff one ones new another
  more quick add adding added put this these the a an my our for on list following please here's heres here is something down
  of in create make track heads up self next some you your few couple job jobs chore chores errand errands later someday
  sometime soon eventually`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
/** Words that make a head a header: it names a task, a list or adding. */
const SIGNALS = /\b(?:tasks?|todos?|to do|items?|reminders?|notes?|entry|entries|things?|stuff|one|new|add|adding|put|list|following|track|jobs?|chores?|errands?|later|someday|sometime|eventually)\b/i;
/** A kind of list a head may name ("shopping:", "work task:"): the items are several things. */
const KINDS = new Set('shopping groceries grocery errands chores work home personal family school admin garden kitchen office house'.split(' '));
const PLURAL = /\b(?:tasks|todos|items|things|reminders|entries|notes|these|following|few|couple|list)\b/i;
const SINGULAR = /\b(?:task|todo|item|reminder|note|entry|one|thing)\b/i;

interface Header {
  body: string;
  details: Details;
  plural: boolean;
  one: boolean;
  things: boolean;
}

/** Reads a header: a head of header words, a kind of list, a date, or a verb, then a separator and the body. */
function header(s: string, clock: Clock): Header | null {
  const m = HEADED.exec(s);
  if (!m?.[1] || m[2] === undefined) return null;
  const { rest, details } = readDetails(m[1], clock);
  const dated = hasDetails(details);
  const head = (dated ? rest : m[1]).toLowerCase().replace(/-/g, ' ');
  const kept = words(head);
  const verb = kept.length === 1 && TASK_VERBS.has(kept[0] ?? '') ? kept[0] : undefined;
  const kind = kept.filter((w) => KINDS.has(w));
  const plain = kept.every((w) => HEAD_WORDS.has(w) || KINDS.has(w) || /^\d{1,2}$/.test(w));
  if (!verb && !(plain && kind.length <= 1 && (SIGNALS.test(head) || kind.length === 1 || (dated && kept.length <= 4)))) return null;
  // "Put this on my todo list: …" names a list to put one thing on; "shopping:" and a date name several things.
  const plural = PLURAL.test(head.replace(/\b(?:todo|to do|my|the)\s+list\b/g, '')) || kind.length === 1 || (dated && !SINGULAR.test(head)) || verb !== undefined;
  const one = !plural && SINGULAR.test(head.replace(/\btodo\s+list\b/g, ''));
  return { body: verb ? `${verb} ${m[2]}` : m[2], details, plural, one, things: kind.length === 1 };
}

/** The add request a header makes ("New task — fix the gate"); null when the message has no header. */
export function readHeader(s: string, quotes: readonly string[], clock: Clock): Request | null {
  const h = header(s, clock);
  if (!h) return null;
  return { intent: 'add', items: newTasks(h.body, quotes, clock, { details: h.details, plural: h.plural, one: h.one, things: h.things }) };
}

/** How one line of a message reads on its own: an add, another request, or neither (an item). */
export type LineKind = 'add' | 'other' | 'item';

/**
 * A pasted list: several lines (or bullets, or numbered items on one line) of things to do. Not when the
 * first line is a command (the add path reads its lines) or, unbulleted, any line is a request of another
 * kind. Greetings and thanks among the lines are left out.
 */
export function readPastedList(s: string, quotes: readonly string[], clock: Clock, kindOf: (line: string) => LineKind): Request | null {
  const rows = lines(s);
  const numbered = rows.length === 1 ? numberedItems(s) : null;
  if (rows.length < 2 && !numbered) return null;
  if (!numbered && kindOf(s.split(';')[0] ?? '') !== 'item') return null;
  const bulleted = BULLET.test(s) || numbered !== null;
  const items = (numbered ?? rows).filter((row) => chatKind(row) === null);
  if (items.length === 0 || (!bulleted && items.some((row) => kindOf(row) === 'other'))) return null;
  return { intent: 'add', items: items.flatMap((row) => newTasks(row, quotes, clock)) };
}

/** A list of things without a verb ("milk, eggs, bread"): maybe tasks, maybe not, so offered back first. */
export function readThings(s: string, quotes: readonly string[], clock: Clock): Request | null {
  if (!/,|\band\b|&/.test(s)) return null;
  const parts = splitLine(readDetails(s, clock).rest, true);
  if (parts.length < 2 || !parts.every((p) => isThing(p) && chatKind(p) === null)) return null;
  const items = newTasks(s, quotes, clock, { plural: true });
  return items.length >= 2 ? { intent: 'suggest', items } : null;
}

/** A brain dump on one line: several things to do, the first a verb ("buy milk, eggs and bread", "call the bank, email Jo"). */
export function readDump(s: string, quotes: readonly string[], clock: Clock): Request | null {
  if (!TASK_VERBS.has(words(s)[0] ?? '')) return null;
  // "call mom and email dad and book flights": several things to do joined by "and".
  const joined = s.split(/\s+and\s+/i);
  if (!s.includes(',') && joined.length >= 2 && joined.every((part) => TASK_VERBS.has(words(part)[0] ?? ''))) {
    return { intent: 'add', items: joined.flatMap((part) => newTasks(part, quotes, clock, { one: true })) };
  }
  if (!s.includes(',')) return null;
  const items = newTasks(s, quotes, clock);
  return items.length >= 2 && splitLine(readDetails(s, clock).rest, false).length >= 2 ? { intent: 'add', items } : null;
}

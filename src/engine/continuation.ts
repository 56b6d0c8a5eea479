// What follows an add in the next message. More of the same: "and also water the ferns", "oh and the
// flights too" (a thing alone takes the verb of the task just added: "Book the flights"). A correction:
// "no wait, make it Wednesday", "sorry, I meant the electrician", "wait no, call grandpa", "no wait,
// scratch that, add call the nursery" change the task just added. ("Scratch that" alone is an undo: followup.ts.)
import type { Clock } from './clock.js';
import { detailsOnly } from './details.js';
import type { Turn } from './history.js';
import { understand } from './intent.js';
import { isThing } from './items.js';
import { TASK_VERBS } from './lexicon.js';
import { restoreQuotes } from './text.js';
import { newTasks, type NewTask } from './titles.js';
import type { Request, Shown } from './types.js';

const MORE = /^(?:(?:oh|ah|um+|ok(?:ay)?|right|yeah)[\s,]+)*(?:and\s+(?:also\s+)?(?:another(?:\s+one)?\s*:?\s*)?|also\s*:?\s+|plus\s+|another(?:\s+one)?\s*:\s*|as well as\s+)(.+?)(?:\s+(?:too|as well|also))?[.!]*$/i;
const MARKER = String.raw`(?:(?:no+|nope|oops|whoops|sorry|actually|my (?:mistake|bad))\b[\s,!.]*(?:wait\b[\s,!.]*)?|wait\s*,?\s*no\b[\s,!.]*)`;
const FIX = new RegExp(
  String.raw`^${MARKER}+((?:(?:scratch|forget|cancel)\s+that\b[\s,!.]*)?)(?:i\s+meant(?:\s+to\s+say)?\s+|i\s+mean\s+|make\s+(?:it|that)\s+|change\s+(?:it|that)\s+to\s+|it\s+should\s+be\s+|should\s+be\s+)?(.*)$|^i\s+meant(?:\s+to\s+say)?\s+(.+)$`,
  'i',
);

/** Requests that stand on their own after an add, never read as details or a correction of it. */
const COMMANDS = new Set<Request['intent']>(['update', 'delete', 'complete', 'reopen', 'undo', 'activity']);

/** The tasks the turn added, in order. */
function addedBy(turn: Turn): Shown[] {
  return turn.done.flatMap((x) => (x.outcome.ok && x.outcome.kind === 'action' && x.outcome.status === 'created' ? [{ id: x.outcome.taskId, title: x.outcome.title }] : []));
}

/** "The flights" after "Book the hotel" is "Book the flights"; an item with its own verb stays as it is. */
function withVerbOf(item: NewTask, previous: string): NewTask {
  const verb = /^([A-Za-z]+)(?:\s+(up|out|off|down|back))?\b/.exec(previous);
  if (!verb?.[1] || !TASK_VERBS.has(verb[1].toLowerCase()) || !isThing(item.title)) return item;
  const thing = /^[A-Z][a-z]/.test(item.title) ? item.title.charAt(0).toLowerCase() + item.title.slice(1) : item.title;
  return { ...item, title: `${verb[0]} ${thing}` };
}

/**
 * The change a correction makes to the task just added, or null when it does not read as one. A new add
 * command replaces the task only when the user took it back ("scratch that, add …", "I meant …").
 */
function correction(body: string, quotes: readonly string[], task: Shown, clock: Clock, retracted: boolean): Request | null {
  const ref = { kind: 'ids' as const, ids: [task.id] };
  const details = detailsOnly(body, clock);
  if (details) return { intent: 'update', ref, ...details };
  const alone = understand(restoreQuotes(body, quotes), clock);
  if (alone.intent === 'add' && !retracted) return null;
  const items = alone.intent === 'add' ? alone.items : alone.intent === 'suggest' ? alone.items : alone.intent === 'chat' && alone.kind === 'unknown' ? newTasks(body, quotes, clock) : [];
  const [item] = items;
  if (!item || items.length !== 1) return null;
  const { title, due, priority, tags, repeat } = withVerbOf(item, task.title);
  return { intent: 'update', ref, title, due, priority, repeat, ...(tags ? { tags: { clear: true, add: tags } } : {}) };
}

/** Reads the message as more of what the previous turn added, or a correction of it; null otherwise. */
export function continueAdd(request: Request, prepared: string, quotes: readonly string[], prev: Turn, clock: Clock): Request | null {
  const added = addedBy(prev);
  const last = added.at(-1);
  if (!last) return null;
  const text = prepared.trim();
  const standalone = request.intent === 'suggest' || (request.intent === 'chat' && request.kind === 'unknown');
  const more = standalone ? MORE.exec(text) : null;
  if (more?.[1]) {
    const items = newTasks(more[1], quotes, clock).map((item) => withVerbOf(item, last.title));
    if (items.length > 0) return { intent: 'add', items };
  }
  if (COMMANDS.has(request.intent)) return null;
  // "for saturday", "tomorrow at 9", "high priority" right after an add: details of the task just added.
  const details = detailsOnly(text.replace(/^(?:and|also|oh)\b[\s,]*/i, ''), clock);
  if (details) return { intent: 'update', ref: { kind: 'ids', ids: [last.id] }, ...details };
  const fix = FIX.exec(text);
  const body = (fix?.[2] ?? fix?.[3] ?? '').trim();
  if (!fix || body === '') return null;
  return correction(body, quotes, last, clock, fix[1] !== '' || fix[3] !== undefined);
}

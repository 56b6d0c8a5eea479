// Titles and descriptions of new tasks: the words after "add", "remind me to", "todo:" and the
// like, with the wrapper dropped, the user's own words and case kept, and lists split into items.
import type { Clock } from './clock.js';
import { readDetails, type Details, type ReminderArg } from './details.js';
import { lines, splitLine } from './items.js';
import { asTyped, restoreQuotes, tidyTitle } from './text.js';

/** A task to create: a title, maybe a description, and the details typed with it. */
export interface NewTask extends Details {
  title: string;
  description?: string;
  /** When to remind the user ("remind me to call mom at 5pm"). */
  reminders?: ReminderArg[];
}

const TASK_NOUN = String.raw`(?:tasks?|todos?|to-dos?|items?|reminders?|entry|entries|things?|notes?)`;
const HEAD = new RegExp(
  String.raw`^(?:(?:a|an|the|new|another|one more|my|this|these|following|the following|some|\d+|two|three|four|five)\s+)*` +
    String.raw`${TASK_NOUN}\b\s*(?:(?:called|named|titled|entitled|that says|saying|which says|with (?:the )?(?:title|name)|to|for|about|of)\b|[:=\-–—])?\s*`,
  'i',
);
const BARE_HEAD = /^(?:(?:these|the following|following)\b\s*:?|(?:one more|another(?: one)?)\s*(?=:)|(?:called|named|titled)\b|:|[=\-–—](?=\s|$))\s*/i;
const LIST_TARGET = String.raw`(?:(?:my|the|our)\s+)?(?:todo\s+|to do\s+|task\s+|tasks\s+|shopping\s+|todos\s+|to-do\s+)?(?:list|tasks|todos|todo)`;
const TAIL = new RegExp(String.raw`\s+(?:(?:to|on|onto|in|into)\s+${LIST_TARGET}|as\s+an?\s+(?:new\s+)?${TASK_NOUN}|for me)\b.*$`, 'i');
const LEAD_TARGET = new RegExp(String.raw`^(?:to|on|onto|in|into)\s+${LIST_TARGET}\s*[:\-–—]?\s*`, 'i');
const DESC_WORD = String.raw`(?:description|desc|notes?|details|comment)`;
const DESCRIPTION = [
  new RegExp(String.raw`\s*[,;\-–—]?\s*\(?\s*(?:with|w/)\s+(?:an?\s+|the\s+)?${DESC_WORD}\b\s*(?:of|saying|that says|:|=|-)?\s*(.+?)\)?$`, 'i'),
  new RegExp(String.raw`\s*[,;\-–—]?\s*\(?\s*${DESC_WORD}\s*(?::|=|-|is)\s*(.+?)\)?$`, 'i'),
];

/** Takes a trailing "with description …" off a body; returns the rest and the description. */
export function splitDescription(body: string, quotes: readonly string[]): { rest: string; description?: string } {
  for (const re of DESCRIPTION) {
    const m = re.exec(body);
    if (m?.[1] && m.index > 0) {
      const description = unquote(m[1].trim(), quotes).replace(/[.!]+$/, '');
      if (description !== '') return { rest: body.slice(0, m.index), description };
    }
  }
  return { rest: body };
}

/** A placeholder alone becomes its verbatim quote; otherwise quotes go back with their marks. */
export function unquote(text: string, quotes: readonly string[]): string {
  const only = /^\s*\uE000(\d+)\uE001\s*$/.exec(text);
  if (only) return quotes[Number(only[1])] ?? '';
  return restoreQuotes(text, quotes.map((q) => `"${q}"`)).replace(/\s+/g, ' ').trim();
}

/** Turns free text into a title: verbatim for a quote, tidied otherwise. */
export function toTitle(text: string, quotes: readonly string[]): string {
  const only = /^\s*\uE000(\d+)\uE001\s*$/.exec(text);
  // A quoted title is taken exactly as typed inside its quotes.
  if (only) return quotes[Number(only[1])] ?? '';
  return tidyTitle(unquote(text, quotes));
}

const ANOTHER_TASK = String.raw`\s+and\s+(?:also\s+)?(?:a|another)\s+(?:new\s+)?(?:task|todo|reminder)\s+(?:to|called|for)?\s*`;
const STRONG_SPLIT = new RegExp(String.raw`${ANOTHER_TASK}|\s+and\s+(?:also\s+)?to\s+|\s*;\s*|(?:^|\s+)\d{1,2}[.)]\s+`, 'i');
/** A separator before the title ("todo: …", "add - …"); "-v" starts a title. */
const LEAD_SEPARATOR = /^(?:[\s:]|[-–—]+(?=\s|$))+/;
/** After "a task called …" the rest is one title, semicolons and all, unless another task is named. */
const NAMED_SPLIT = new RegExp(ANOTHER_TASK, 'i');
const NAMING = /\b(?:called|named|titled|entitled|says|saying|with (?:the )?(?:title|name))\b/i;
const NAMED_HEAD = new RegExp(String.raw`^(?:(?:a|an|the|new|one)\s+)*${TASK_NOUN}\s+${NAMING.source}`, 'i');
/** Placeholder words that are not a title ("can you add something?"). */
const VAGUE = /^(?:something|anything|stuff|things?|a task|an? (?:new )?(?:task|todo|item|reminder)|task|todo|item|it|this|that|one|more|some)$/i;
/** "… that I have to book a vet visit": what a note says the user must do is the task. */
const BODY_FRAME = /^(?:that\s+)?(?:(?:i|we)\s*(?:(?:really|still|also|probably|definitely)\s+)*(?:have to|need to|must|should|ought to|'ve got to|have got to|got to|gotta|'d better|am supposed to|'m supposed to)\s+)?/i;

/** How the body of an add is framed: details a header gave every item, and whether it is one task or several. */
export interface ItemFrame {
  /** Details every item gets unless it has its own ("tomorrow: call the plumber, pick up the suit"). */
  details?: Details;
  /** The user said the items are several ("these:", "groceries:"). */
  plural?: boolean;
  /** The user said it is one task ("new task: …"): no splitting at commas or "and". */
  one?: boolean;
  /** Things of a kind the user named ("errands: post office, bank"): no verb is shared among them. */
  things?: boolean;
}

/**
 * Reads the tasks to create from what follows an add verb ("a task called X", "X, Y and Z"), with
 * the details typed around them ("tomorrow at 5pm", "#work", "p1"). Details apply to every item;
 * when several dates are given ("milk tomorrow and call mom friday") each item keeps its own.
 */
export function newTasks(body: string, quotes: readonly string[], clock: Clock, frame: ItemFrame = {}): NewTask[] {
  const framed = body.trim().replace(LEAD_TARGET, '').replace(BODY_FRAME, '');
  const { rest: main, description } = splitDescription(framed, quotes);
  // Each line of a pasted list is its own item, with its own details.
  const rows = description !== undefined || frame.one || NAMED_HEAD.test(main) ? [main] : lines(main);
  if (rows.length > 1) return rows.flatMap((row) => newTasks(row, quotes, clock, { ...frame, one: false }));
  const whole = readDetails(rows[0] ?? '', clock);
  let text = whole.rest;
  const head = HEAD.exec(text) ?? BARE_HEAD.exec(text);
  const plural = frame.plural || /\b(?:these|following|tasks|todos|to-dos|items|things|reminders|entries|notes)\b/i.test(head?.[0] ?? '');
  const singular = frame.one || (!plural && new RegExp(String.raw`\b${TASK_NOUN}\b`, 'i').test(head?.[0] ?? ''));
  if (head) text = text.slice(head[0].length);
  const core = text.replace(LEAD_TARGET, '').replace(TAIL, '').replace(LEAD_SEPARATOR, '').trim().replace(TAIL, '').trim();
  if (core === '') return [];
  const named = singular && NAMING.test(head?.[0] ?? '');
  const strong = core.split(named ? NAMED_SPLIT : STRONG_SPLIT).filter((part) => part.trim() !== '');
  const items = strong.length > 1 ? strong : description !== undefined || singular ? [core] : splitLine(core, plural, frame.things);
  const tasks = items.flatMap((item): NewTask[] => {
    const own = whole.manyDates ? readDetails(item, clock) : { rest: item, details: {} };
    const title = toTitle(own.rest.replace(/^(?:to|and)\s+/i, ''), quotes);
    return title === '' || VAGUE.test(title) ? [] : [{ title, ...frame.details, ...whole.details, ...own.details }];
  });
  const [only] = tasks;
  return description !== undefined && only && tasks.length === 1 ? [{ ...only, description }] : tasks;
}

/** One task from a whole phrase (no list splitting): "buy milk tomorrow" offered back as a task. */
export function oneTask(text: string, quotes: readonly string[], clock: Clock): NewTask {
  const { rest, details } = readDetails(text, clock);
  return { title: toTitle(rest, quotes), ...details };
}

/** The tasks read, with each title and description as typed when the typed copy read into the same tasks. */
export function asTypedTasks(read: readonly NewTask[], typed: readonly NewTask[]): NewTask[] {
  if (typed.length !== read.length) return [...read];
  return read.map((item, i) => {
    const twin = typed[i];
    const title = asTyped(item.title, twin?.title);
    return item.description === undefined ? { ...item, title } : { ...item, title, description: asTyped(item.description, twin?.description) };
  });
}

// What the user asks for, read from one message: the intent and its arguments. Patterns look at
// the shape of the request (verb, reference, separator), not at fixed sentences.
import { readActivity } from './activity.js';
import { readDump, readHeader, readPastedList, readThings, type LineKind } from './capture.js';
import { chatKind } from './chat.js';
import { readClauses } from './clauses.js';
import type { Clock } from './clock.js';
import { readDetailUpdate } from './detail-update.js';
import { readDetails } from './details.js';
import { isThing } from './items.js';
import { isPastForm } from './lemma.js';
import { NOT_DONE_VERBS, TASK_VERBS } from './lexicon.js';
import { listQueryRequest, listRequest } from './list-intent.js';
import { isOffTopic, readRecap } from './offtopic.js';
import { looseRef, parseRef, type Ref } from './refs.js';
import { readReminder, withTrailingReminder } from './reminders.js';
import { readNotDone, readReopen } from './reopen.js';
import { fromSpanish } from './spanish.js';
import { readStatement } from './statements.js';
import { asTyped, prepare, words } from './text.js';
import { asTypedTasks, newTasks, oneTask } from './titles.js';
import type { Request } from './types.js';
import { fixCommandTypos, symbolCommand } from './typos.js';
import { readUndo } from './undo.js';
import { readUpdate } from './update-intent.js';
import { unwrap } from './wrappers.js';

/** States a task leaves behind ("the windows are clean now"). */
const DONE_STATES = new Set(['clean', 'tidy', 'empty', 'ready', 'sorted', 'packed', 'organised', 'organized', 'fixed', 'booked', 'paid', 'sent']);
const DONE_WORDS = String.raw`(?:done|complete|completed|finished|closed|resolved|checked(?: off)?|ticked(?: off)?|crossed off|sorted|handled|taken care of|dealt with|over|finito)`;

function isPast(word: string): boolean {
  return !NOT_DONE_VERBS.has(word) && !TASK_VERBS.has(word) && isPastForm(word);
}

function completeRequest(s: string, quotes: readonly string[]): Request | null {
  const ref = (p: string): Ref => parseRef(p, quotes);
  const MARK = String.raw`^(?:mark|set|flag|make|put|tag)\s+(.+?)\s+(?:as\s+|to\s+)?`;
  let m = new RegExp(String.raw`${MARK}${DONE_WORDS}$`, 'i').exec(s);
  if (m?.[1]) return { intent: 'complete', ref: ref(m[1]) };
  m = /^(?:mark|set|flag)\s+(.+?)\s+as\s+([a-z]+)$/i.exec(s);
  if (m?.[1] && m[2] && isPast(m[2].toLowerCase())) return { intent: 'complete', ref: ref(`${m[1]} ${m[2]}`) };
  m = /^(?:complete|completed|finish|finished|close|closed|resolve|resolved|accomplish(?:ed)?|check(?:ed)?(?: off)?|tick(?:ed)?(?: off)?|cross(?:ed)? (?:off|out)|strike(?: off| out)?|done(?: with)?|knock(?:ed)? (?:out|off)|wrap(?:ped)? up)\b[\s:,-]*(.+?)(?:\s+off)?$/i.exec(s);
  if (m?.[1] && !/^(?:list|tasks|todos|my list)$/i.test(m[1])) return { intent: 'complete', ref: ref(m[1]) };
  m = /^(?:cross|tick|check|knock)\s+(.+?)\s+off(?:\s+(?:my|the)\s+(?:todo\s+|to do\s+)?list)?$/i.exec(s);
  if (m?.[1]) return { intent: 'complete', ref: ref(m[1]) };
  m = /^(?:i'?m|i am|we'?re|we are)\s+(?:all\s+|now\s+)?(?:done|finished|through)\s+(?:with\s+)?(.+)$/i.exec(s);
  if (m?.[1]) return { intent: 'complete', ref: ref(m[1]) };
  return null;
}

/** When a thing was done ("gym done for today", "paid it this morning"): no part of the task's name. */
const WHEN_DONE = /\s+(?:for (?:today|now|the day|the week)|today|this (?:morning|afternoon|evening)|yesterday|earlier(?: today)?|already|at last|just now)$/i;

function reportedDone(said: string, quotes: readonly string[], question: boolean): Request | null {
  if (question) return null;
  const s = said.replace(WHEN_DONE, '');
  const ref = (p: string): Ref => looseRef(p, quotes);
  let m = /^(?:i\s+|we\s+)?got\s+(.+?)\s+done$/i.exec(s);
  if (m?.[1]) return { intent: 'complete', ref: ref(m[1]) };
  m = new RegExp(String.raw`^(.+?)(?:'s)?\s+(?:is|are|was|were|has been|have been|got|now)?\s*(?:all\s+)?${DONE_WORDS}$`, 'i').exec(s);
  if (m?.[1] && !/^(?:all|everything|i'?m|i am|that'?s|we'?re|it'?s all|i'?m all)$/i.test(m[1])) {
    return { intent: 'complete', ref: ref(m[1].replace(/'s$/i, '')) };
  }
  m = /^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:(?:just|already|finally|now|also|totally)\s+)*([a-z]+)\s+(.+)$/i.exec(s);
  if (m?.[1] && m[2] && isPast(m[1].toLowerCase())) {
    const object = ref(m[2]);
    return { intent: 'complete', ref: object.kind === 'name' ? ref(`${m[1]} ${m[2]}`) : object };
  }
  m = /^(.+?)\s+(?:is|are|was|were|has been|have been)?\s*([a-z]+)(\s+(?:up|off|out|in|back|down|over))?(?:\s+now)?$/i.exec(s);
  if (m?.[1] && m[2] && !/^(?:i|we|you|they|he|she|it|that|this)$/i.test(m[1]) && words(s).length <= 6 && (isPast(m[2].toLowerCase()) || DONE_STATES.has(m[2].toLowerCase()))) {
    return { intent: 'complete', ref: ref(`${m[1]} ${m[2]}${m[3] ?? ''}`) };
  }
  return null;
}

function deleteRequest(s: string, quotes: readonly string[]): Request | null {
  const target = String.raw`(?:\s+(?:off|from|out of)\s+(?:my|the)\s+(?:todo\s+|to do\s+|task\s+)?(?:list|tasks|todos))?`;
  const m =
    new RegExp(String.raw`^(?:delete|remove|del|rm|erase|trash|bin|drop|scrap|scratch|discard|cancel|ditch|axe|kill|nuke|wipe|clear|purge|strike|get rid of|throw (?:away|out)|forget(?: about)?|lose)\b\s*(.+?)${target}$`, 'i').exec(s) ??
    /^(?:take|strike)\s+(.+?)\s+(?:off|out of|from)(?:\s+(?:my|the)\s+(?:\w+\s+)?(?:list|tasks|todos))?$/i.exec(s);
  if (!m?.[1]) return null;
  return { intent: 'delete', ref: parseRef(m[1], quotes) };
}

const ADD_VERB = /^(?:add|create|new|insert|include|save|jot(?:\s+down)?|write\s+down|note\s+down|log|track|append|enter|record|put(?:\s+down)?|stick|pop|throw|make\s+(?=(?:a|an|another|new|one)\b))\b\s*(.*)$/i;
const REMINDER = /^(?:remind me(?:(?: to| that| about)\b|:)?|remember(?!\s+(?:to|that|when|what|how|if|whether|me)\b)(?=\s+(?:the|my|our|a|an)\b)|(?:set|add|create|make)(?: me)? an? (?:new )?reminder(?: to| for| about|:)?|reminder(?: to)?:?|remember to|(?:please )?don'?t (?:let me )?forget(?: to)?|note to self:?|todo:?|to do:|task:|new task:?)\s*(.+)$/i;
const ADVERBS = String.raw`(?:(?:really|still|also|definitely|probably|maybe|seriously|totally|just|quickly|urgently|finally|absolutely|soon)\s+)*`;
const OBLIGATION = new RegExp(String.raw`^(?:(?:i|we)(?:\s+|(?=')))?${ADVERBS}(?:need to|have to|must|should|ought to|got to|'ve got to|have got to|want to|wanna|gotta|'d better|had better|better|(?:'m|am|are|'re) supposed to|(?:would|'d)\s*${ADVERBS}(?:like|love) to)\s*:?\s+${ADVERBS}(.+)$`, 'i');

function addRequest(s: string, quotes: readonly string[], question: boolean, clock: Clock, depth: number): Request | null {
  let m = REMINDER.exec(s);
  if (m?.[1]) return withItems(m[1], quotes, clock);
  m = ADD_VERB.exec(s);
  if (m) return withItems(m[1] ?? '', quotes, clock);
  m = OBLIGATION.exec(s);
  if (m?.[1] && !question) {
    const inner = classify(m[1], quotes, question, clock, depth + 1);
    if (inner && acceptsInner(inner)) return inner;
    if (/^remember\b/i.test(m[1])) return null;
    return withItems(m[1], quotes, clock);
  }
  // "need milk", "I need new tyres": a thing needed is a thing to get.
  m = /^(?:(?:i|we)\s+)?(?:(?:still|also|really)\s+)*need\s+(?!to\b|help\b|a hand\b|a break\b|a minute\b|advice\b|you\b)(.+)$/i.exec(s);
  if (m?.[1] && !question && isThing(readDetails(m[1], clock).rest)) return withItems(m[1], quotes, clock);
  return null;
}

/** "I need to delete task 3" is a delete; "I need to finish the slides" is a new task. */
function acceptsInner(inner: Request): boolean {
  if (inner.intent === 'complete') return ['ids', 'line', 'positions', 'pronoun'].includes(inner.ref.kind);
  return inner.intent === 'delete' || inner.intent === 'update' || inner.intent === 'list' || inner.intent === 'add';
}

function withItems(body: string, quotes: readonly string[], clock: Clock): Request {
  return { intent: 'add', items: newTasks(body, quotes, clock) };
}

function questionRequest(s: string, quotes: readonly string[]): Request | null {
  // "when is the dentist due?", "is the report due today?": the answer says the task's due date.
  const when = /^when(?:'s|\s+is|\s+was|\s+are)\s+(.+?)\s+due\b.*$/i.exec(s);
  const m = /^(?:did|have|has|is|are|was|were|should|shall|do|does|am|can)\s+(?:(?:i|we)\b)?\s*(?:already\s+|still\s+|ever\s+)?(?:need to\s+|have to\s+)?(.+?)(?:\s+(?:yet|already|done|finished|completed?|due\b.*))?$/i.exec(s);
  const need = /^(?:i|we)\s+(?:still\s+)?(?:need|have) to\s+(.+)$/i.exec(s);
  const rest = when?.[1] ?? m?.[1] ?? need?.[1];
  // "will it rain?", "is it going to be sunny?": about the world, not a task.
  if (rest === undefined || /^(?:it|there|you|he|she|they)\b/i.test(rest)) return null;
  const ref = parseRef(rest, quotes);
  return ref.kind === 'none' ? null : { intent: 'status', ref };
}

const BARE_VERB = /^(delete|remove|del|erase|complete|finish|mark|clear|check off|tick off|rename|edit|update|change|add|create|new task|new|remind me|todo|to do)$/i;

/** A command with nothing after it: ask what it is about. */
function bareVerb(verb: string): Request {
  if (/^(?:delete|remove|del|erase|clear)$/.test(verb)) return { intent: 'delete', ref: { kind: 'none' } };
  if (/^(?:complete|finish|mark|check off|tick off)$/.test(verb)) return { intent: 'complete', ref: { kind: 'none' } };
  if (/^(?:rename|edit|update|change)$/.test(verb)) return { intent: 'update', ref: { kind: 'none' } };
  return { intent: 'add', items: [] };
}

/** Classifies a message already stripped of filler (exported for follow-ups). */
export function classify(s: string, quotes: readonly string[], question: boolean, clock: Clock, depth = 0): Request | null {
  if (depth > 2 || s === '') return null;
  const reminder = readReminder(s, quotes, clock) ?? withTrailingReminder(s, (head) => classify(head, quotes, question, clock, depth + 1));
  if (reminder) return reminder;
  const details = readDetailUpdate(s, quotes, clock, question);
  if (details) return details;
  const takeBack = readUndo(s, quotes) ?? readReopen(s, quotes);
  if (takeBack) return takeBack;
  const noLonger = /\b(?:no longer need to|don'?t need to|do not need to|no need to|don'?t have to|no longer have to|won'?t need to)\s+(.+?)(?:\s+any\s?more)?(?:\s*[,.;]|$)/i.exec(s);
  if (noLonger?.[1] && !question) return { intent: 'delete', ref: looseRef(noLonger[1], quotes) };
  const statement = readStatement(s, quotes, question);
  if (statement) return statement;
  if (/^(?:please\s+)?(?:don'?t|do not|never)\b/i.test(s) && !/^(?:please\s+)?(?:don'?t|do not|never)\s+(?:let me\s+)?forget/i.test(s)) {
    return { intent: 'chat', kind: 'declined' };
  }
  const notDone = readNotDone(s, quotes, question);
  if (notDone) return notDone;
  const bare = BARE_VERB.exec(s)?.[1]?.toLowerCase();
  if (bare) return bareVerb(bare);
  return (
    readUpdate(s, quotes) ??
    listQueryRequest(s, quotes, clock) ??
    listRequest(s) ??
    completeRequest(s, quotes) ??
    deleteRequest(s, quotes) ??
    addRequest(s, quotes, question, clock, depth) ??
    reportedDone(s, quotes, question) ??
    (question ? questionRequest(s, quotes) : null)
  );
}

/** Understands one user message on its own (follow-ups are read elsewhere). */
export function understand(raw: string, clock: Clock): Request {
  const { text, literal, quotes } = prepare(symbolCommand(fromSpanish(raw)));
  const request = understandText(text, quotes, clock);
  // Intents are read without emoji and shorthand; the words a task keeps are read again as typed.
  const keepsWords = request.intent === 'add' || request.intent === 'suggest' || (request.intent === 'update' && (request.title ?? request.description) !== undefined);
  return keepsWords && literal !== text ? withTypedWords(request, understandText(literal, quotes, clock)) : request;
}

/** The request with the titles and descriptions of its reading as typed, where that reading agrees. */
function withTypedWords(request: Request, typed: Request): Request {
  if (request.intent === 'add' && typed.intent === 'add') return { ...request, items: asTypedTasks(request.items, typed.items) };
  if (request.intent === 'suggest' && typed.intent === 'suggest') return { ...request, items: asTypedTasks(request.items, typed.items) };
  if (request.intent === 'update' && typed.intent === 'update') {
    const title = request.title === undefined ? {} : { title: asTyped(request.title, typed.title) };
    const description = request.description === undefined ? {} : { description: asTyped(request.description, typed.description) };
    return { ...request, ...title, ...description };
  }
  return request;
}

/**
 * Reads a prepared message, in this order: chat ("thanks"); then, with fillers and ways of asking taken
 * off, a question about the last change; a header or a pasted list (their lines are items whatever they
 * say); a remark and a command about one task; the command itself; and when it is none, a brain dump, an
 * offer to add what may be tasks, or the answer saying what the assistant can do.
 */
function understandText(text: string, quotes: readonly string[], clock: Clock): Request {
  const kind = quotes.length === 0 ? chatKind(text) : null;
  if (kind) return { intent: 'chat', kind };
  const question = /\?\s*$/.test(text) || /^(?:did|is|are|was|were|should|have|has|does)\s+(?:i|we|you|it|they|the|my|that|this|there|all|everything|anything)\b/i.test(text);
  const s = fixCommandTypos(unwrap(text));
  // "What did you just do?" is read from the journal; "what did I just add?" from the conversation.
  const recap = readActivity(s, clock) ?? readRecap(s);
  if (recap) return recap;
  const kindOf = (line: string): LineKind => {
    const r = classify(fixCommandTypos(unwrap(line)), quotes, false, clock);
    return r === null || r.intent === 'suggest' ? 'item' : r.intent === 'add' ? 'add' : 'other';
  };
  const captured = readHeader(s, quotes, clock) ?? readPastedList(s, quotes, clock, kindOf);
  if (captured) return captured;
  const clauses = readClauses(s, quotes, (part) => classify(part, quotes, question, clock));
  if (clauses) return clauses;
  const request = classify(s, quotes, question, clock);
  // "tell me about the weather", "will it rain?": not a search of the tasks.
  const lookup = request?.intent === 'status' || (request?.intent === 'list' && request.query?.search === true);
  if ((lookup || request === null) && isOffTopic(s)) return { intent: 'chat', kind: 'unknown' };
  if (request && request.intent !== 'suggest') return request;
  const dump = question ? null : readDump(s, quotes, clock);
  if (dump) return dump;
  if (request) return request;
  const first = words(s)[0];
  if (first && TASK_VERBS.has(first) && words(s).length <= 8 && !question) return { intent: 'suggest', items: [oneTask(s, quotes, clock)] };
  const things = question ? null : readThings(s, quotes, clock);
  if (things) return things;
  return { intent: 'chat', kind: 'unknown' };
}

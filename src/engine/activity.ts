// What happened to the tasks: "what did I change today?", "show my recent changes", "what did you just do?".
// The answer is read from the change journal (list_activity), so it covers changes made in the app or by
// another MCP client too, and says which of them were undone.
import { localDue } from '../calendar/clock.js';
import { writeDue } from '../calendar/format.js';
import { addDays, weekdayOf } from '../calendar/local.js';
import type { Clock } from './clock.js';
import { call, say, type Decision } from './decision.js';
import type { Turn } from './history.js';
import { label, oneLine } from './reply.js';
import type { ChangeView } from './results.js';
import type { Request } from './types.js';

type ActivityRequest = Extract<Request, { intent: 'activity' }>;

const WHEN = String.raw`(?:\s+(?:so far\s+)?(today|tonight|this morning|this afternoon|this evening|earlier today|yesterday|this week|recently|lately|just now|earlier))?`;
const TO_TASKS = String.raw`(?:\s+(?:to|on|in|with)\s+(?:my|the)\s+(?:tasks|list|todo list|to do list|todos))?`;
const CHANGED = String.raw`(?:change|changed|make|made|edit|edited|modify|modified|touch|touched|update|updated)`;
const PATTERNS: RegExp[] = [
  // "what did I change today?", "what changes did I make?", "what have you just changed?"
  new RegExp(String.raw`^(?:what|which)\s+(?:changes?\s+|edits?\s+)?(?:did|have|has)\s+(?:i|we|you)\s+(just\s+)?${CHANGED}${TO_TASKS}${WHEN}$`, 'i'),
  // "what did you just do?", "what have you done?"
  new RegExp(String.raw`^what\s+(?:did|have)\s+(?:you|u)\s+(just\s+)?(?:do|done)${WHEN}$`, 'i'),
  // "what have I done today?": with a time only ("what have I done?" asks for the completed tasks).
  /^what\s+(?:did|have)\s+(?:i|we)\s+(just\s+)?(?:do|done|been doing|been up to)\s+(today|tonight|this morning|this afternoon|this evening|yesterday|this week|so far today)$/i,
  // "what changed today?", "what's changed?", "what happened to my tasks?"
  new RegExp(String.raw`^what(?:'s|\s+has|\s+have)?\s+(?:been\s+)?(?:(just)\s+)?(?:changed|happened)${TO_TASKS}${WHEN}$`, 'i'),
  // "show my recent changes", "activity", "today's changes", "show the history"
  new RegExp(
    String.raw`^(?:(?:show|list|display|view|see|give|get|pull up|bring up|tell|read)\s+(?:me\s+)?)?(?:(?:my|the|your|all|our)\s+)?(?:(just|recent|latest|last|today'?s|yesterday'?s|past|task|change)\s+)?(?:changes|activity|activities|history|change ?log|edits|actions|audit log|log)${TO_TASKS}(?:\s+(?:for|from|of|made))?${WHEN}$`,
    'i',
  ),
  // "show me what changed today", "tell me what you did"
  new RegExp(String.raw`^(?:show|tell)\s+me\s+what\s+(?:(?:i|you|we)\s+)?(just\s+)?(?:changed|happened|did|done)${TO_TASKS}${WHEN}$`, 'i'),
];

/** The journal window a time phrase names: since a day ("today", a Monday's date) and how it is called. */
function windowOf(when: string | undefined, clock: Clock): { since?: string; label: string } {
  const w = (when ?? '').toLowerCase();
  if (/^(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|so far today)$/.test(w)) return { since: 'today', label: 'Today' };
  if (w === 'yesterday') return { since: 'yesterday', label: 'Since yesterday' };
  if (w === 'this week') return { since: addDays(clock.today, -((weekdayOf(clock.today) + 6) % 7)), label: 'This week' };
  return { label: 'Your recent changes' };
}

/** Reads a question about what changed; null when the message is not one. */
export function readActivity(s: string, clock: Clock): Request | null {
  const text = s.replace(/[\s?.!]+$/, '');
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const just = m.slice(1).some((g) => g !== undefined && /^just(?: now)?$/i.test(g)) || /^what\s+(?:did|have)\s+(?:you|u)\b/i.test(text);
    const when = m.slice(1).find((g) => g !== undefined && !/^(?:just|recent|latest|last|past|task|change)$/i.test(g));
    const window = windowOf(when?.replace(/'?s$/i, ''), clock);
    return just && window.since === undefined ? { intent: 'activity', label: 'Your last change', latest: true } : { intent: 'activity', ...window };
  }
  return null;
}

const DONE: Record<string, string> = {
  create: 'added',
  complete: 'completed',
  reopen: 'reopened',
  delete: 'deleted',
  restore: 'restored',
};
const FIELD_NAMES: Record<string, string> = { description: 'description', due_at: 'due date', priority: 'priority', tags: 'tags', repeat: 'repeat', completed: 'done' };
const SOURCE: Record<string, string> = { web: ' (in the app)', rest: ' (through the API)' };

/** What one change did, in words: "added #3 Buy milk", "updated #1 Call dad (renamed from "Call mom", due date)". */
function changeWords(c: ChangeView): string {
  const task = label({ id: c.task_id, title: c.title });
  const verb = DONE[c.op];
  if (verb) return `${verb} ${task}`;
  const fields = Object.entries(c.changes).map(([field, { from }]) =>
    field === 'title' && typeof from === 'string' ? `renamed from "${oneLine(from)}"` : (FIELD_NAMES[field] ?? field),
  );
  return `updated ${task}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}

/** When a change was made: the time for today, else the day and time, in the user's zone and locale. */
function whenWords(createdAt: string, clock: Clock): string {
  const local = localDue(createdAt, clock);
  return local.slice(0, 10) === clock.today ? local.slice(11, 16) : writeDue(createdAt, clock, clock.locale);
}

function changeLine(c: ChangeView, clock: Clock): string {
  const source = c.source === 'mcp' ? ` (from ${c.client ? oneLine(c.client) : 'an MCP client'})` : (SOURCE[c.source] ?? '');
  const undo = c.undoes !== null ? 'undo: ' : '';
  return `- ${whenWords(c.created_at, clock)} ${undo}${changeWords(c)}${source}${c.undone ? ' — undone' : ''}`;
}

/** The reply to a question about what changed, from the journal (newest first as list_activity gives it). */
export function activityReply(changes: readonly ChangeView[], req: ActivityRequest, clock: Clock, limit: number): string {
  if (req.latest) {
    const group = changes[0]?.group_id;
    const last = changes.filter((c) => c.group_id === group).reverse();
    if (last.length === 0) return "You haven't changed any tasks yet.";
    return [`${req.label}:`, ...last.map((c) => changeLine(c, clock))].join('\n');
  }
  // An undo's own changes are said by the "undone" marks of what it took back.
  const shown = changes.filter((c) => c.undoes === null).reverse();
  if (shown.length === 0) return req.since === 'today' ? "You haven't changed any tasks today." : req.since ? `No changes ${req.label.toLowerCase()}.` : "You haven't changed any tasks yet.";
  const count = `${shown.length} change${shown.length === 1 ? '' : 's'}`;
  const head = `${req.label} (${changes.length >= limit ? `the latest ${count}` : count}):`;
  return [head, ...shown.map((c) => changeLine(c, clock))].join('\n');
}

const LIMIT = 50;
const LATEST_LIMIT = 20;

/** The next step of a question about what changed: read the journal, then answer. */
export function planActivity(req: ActivityRequest, turn: Turn, clock: Clock): Decision {
  const limit = req.latest ? LATEST_LIMIT : LIMIT;
  const read = turn.done.find((x) => x.name === 'list_activity');
  if (!read) return call('list_activity', { ...(req.since ? { since: req.since } : {}), limit });
  if (!read.outcome.ok || read.outcome.kind !== 'activity') return say(`I couldn't read your recent changes: ${read.outcome.ok ? 'unexpected result' : read.outcome.message}`);
  return say(activityReply(read.outcome.changes, req, clock, limit));
}

// Taking changes back: "undo", "undo that", "take that back", "revert my last change", "oops, restore it",
// "undo twice". Every form calls the undo tool, which takes back the user's latest change group (a chat turn,
// or a change made in the app) exactly as it was; the reply says what it put back and what it left alone.
// "Restore the milk task" names a task: undo brings it back only when deleting it is what undo would take back.
import { call, say, type Decision } from './decision.js';
import type { Exchange, Turn } from './history.js';
import { findByName } from './match.js';
import { NUMBER_WORDS } from './lexicon.js';
import { parseRef, type Ref } from './refs.js';
import { errorLine, label } from './reply.js';
import type { ChangeView, UndoView } from './results.js';
import type { Request } from './types.js';

type UndoRequest = Extract<Request, { intent: 'undo' }>;

const THAT = String.raw`(?:that|it|this|them|those|these|that one|this one)`;
const CHANGE = String.raw`(?:change|changes|thing|things|action|actions|edit|edits|step|one|move|command|request|update)`;
const LAST = String.raw`(?:(?:the|my|your|our)\s+)?(?:last|latest|previous|most recent|recent)\s+${CHANGE}`;
const WHAT_DONE = String.raw`what\s+(?:you|i|we)\s+(?:just\s+)?(?:did|done|changed|added|deleted|removed|completed|made)(?:\s+(?:just now|earlier))?`;
const KIND = String.raw`(?:(?:that|the|my|this)\s+(?:last\s+)?(?:delete|deletion|add|addition|edit|change|completion|rename|update|removal))`;
const OBJECT = String.raw`(?:${THAT}|${LAST}|${WHAT_DONE}|${KIND}|last|again|(?:one\s+more|once\s+more|another)(?:\s+(?:time|step|change))?|everything\s+(?:you|i)\s+just\s+did)`;
const COUNT = String.raw`(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)`;
const TIMES = new RegExp(String.raw`\s+(?:(twice|thrice)|${COUNT}\s+times)$`, 'i');
/** "Undo", "undo that", "revert my last change", "roll it back", "ctrl+z". */
const UNDO = new RegExp(
  String.raw`^(?:(?:undo|un-do|revert|reverse)(?:\s+${OBJECT})?|roll\s*back(?:\s+${OBJECT})?|roll\s+${THAT}\s+back|take\s+${THAT}\s+back|(?:ctrl|control|cmd|command|⌘)\s*[-+ ]?\s*z)$`,
  'i',
);
/** "Undo the last 3 changes". */
const LAST_N = new RegExp(String.raw`^(?:undo|revert|roll\s*back)\s+(?:the|my)\s+last\s+${COUNT}\s+${CHANGE}$`, 'i');
/** Forms that point at a change without saying undo: taken back only when this conversation changed something. */
const IMPLIED = new RegExp(
  String.raw`^(?:(?:restore|bring\s+back|put\s+back|get\s+back|undelete|un-delete|recover)(?:\s+${THAT})?|(?:bring|put|get)\s+${THAT}\s+back(?:\s+(?:on|onto|to)\s+(?:my|the)\s+(?:todo\s+|to do\s+)?list)?|(?:i\s+)?(?:didn'?t|did not)\s+mean\s+(?:to(?:\s+(?:do|complete|delete|remove|add|mark|tick|check|finish|change|rename|close)(?:\s+(?:off\s+)?${THAT}(?:\s+(?:off|done|as done))?)?)?|that|it)|go\s+back(?:\s+(?:one|a)\s+step)?)$`,
  'i',
);
/** "Restore the milk task", "undelete task 4", "undo deleting the milk task" ("bring the chairs back" is a task to add). */
const RESTORE = /^(?:restore|undelete|un-delete|undo\s+(?:the\s+)?(?:deleting|deletion\s+of|removal\s+of|removing))\s+(.+)$/i;
/** A remark before the command that only says it was a mistake. */
const MISTAKE = /^(?:(?:oh no|no+|nope|sorry|wait|argh|whoops|ugh|my (?:bad|mistake)|that was (?:a mistake|wrong)|wrong (?:one|task)|not that(?: one)?|i didn'?t mean (?:that|to(?: do that)?))\b[\s,.!;:—–-]*)+/i;

const MAX_UNDOS = 10;

const timesOf = (word: string | undefined): number => {
  if (!word) return 1;
  const n = /^twice$/i.test(word) ? 2 : /^thrice$/i.test(word) ? 3 : (NUMBER_WORDS[word.toLowerCase()] ?? Number(word));
  return Math.min(Math.max(n, 1), MAX_UNDOS);
};

/** Reads a request to take changes back; null when the message is not one. */
export function readUndo(s: string, quotes: readonly string[]): Request | null {
  const said = s.replace(/[\s.!?]+$/, '');
  if (IMPLIED.test(said)) return { intent: 'undo', times: 1, implied: true };
  const text = said.replace(MISTAKE, '').trim();
  if (text === '') return null;
  const times = TIMES.exec(text);
  const body = times ? text.slice(0, times.index) : text;
  if (UNDO.test(body)) return { intent: 'undo', times: timesOf(times?.[1] ?? times?.[2]) };
  const lastN = LAST_N.exec(text);
  if (lastN) return { intent: 'undo', times: timesOf(lastN[1]) };
  if (IMPLIED.test(text)) return { intent: 'undo', times: 1, implied: true };
  const named = RESTORE.exec(text)?.[1];
  if (!named) return null;
  const ref = parseRef(named, quotes);
  if (ref.kind === 'ids' || ref.kind === 'name') return { intent: 'undo', times: 1, restore: ref };
  return ref.kind === 'pronoun' ? { intent: 'undo', times: 1, implied: true } : null;
}

/** What undoing one change did, in words. */
const UNDID: Record<string, string> = {
  create: 'Removed {task} (undid adding it).',
  delete: 'Brought back {task}.',
  complete: 'Marked {task} as not done.',
  reopen: 'Marked {task} as done again.',
  update: 'Put {task} back as it was.',
  restore: 'Deleted {task} again.',
};

const undidLine = (u: { task_id: number; op: string; title: string }): string =>
  (UNDID[u.op] ?? 'Undid a change to {task}.').replace('{task}', label({ id: u.task_id, title: u.title }));

/** The reply for this turn's undo calls, from their results. */
export function undoReply(undos: readonly Exchange[]): string {
  const lines: string[] = [];
  for (const [i, x] of undos.entries()) {
    const outcome = x.outcome;
    if (!outcome.ok) {
      if (!/nothing to undo/i.test(outcome.message)) lines.push(errorLine(outcome.message));
      else lines.push(i === 0 ? "There's nothing to undo." : "There's nothing more to undo.");
      continue;
    }
    if (outcome.kind !== 'undo') {
      lines.push(errorLine('unexpected result'));
      continue;
    }
    lines.push(...undoLines(outcome.result));
  }
  return lines.join('\n');
}

function undoLines(result: UndoView): string[] {
  const put = result.undone.map(undidLine);
  const left = result.skipped.map((s) => `Left ${label({ id: s.task_id, title: s.title })} alone: ${s.reason.replace(/[.\s]+$/, '')}.`);
  if (put.length === 0) return [`I couldn't undo your last change:`, ...left];
  const [only] = put;
  const head = put.length === 1 && only ? [`Undone: ${only.charAt(0).toLowerCase()}${only.slice(1)}`] : ['Undone:', ...put.map((p) => `- ${p}`)];
  return [...head, ...left];
}

/** The change group undo takes back: the newest change that was not undone and is not an undo itself. */
const nextUndoable = (changes: readonly ChangeView[]): string | undefined => changes.find((c) => !c.undone && c.undoes === null)?.group_id;

/** The standing changes of the activity list that a reference names (by number or by title). */
function named(ref: Ref, changes: readonly ChangeView[]): ChangeView[] {
  const standing = changes.filter((c) => !c.undone && c.undoes === null);
  if (ref.kind === 'ids') return standing.filter((c) => ref.ids.includes(c.task_id));
  if (ref.kind !== 'name') return [];
  const tasks = [...new Map(standing.map((c) => [c.task_id, { id: c.task_id, title: c.title }])).values()];
  const match = findByName(ref.text, tasks);
  const ids = match.kind === 'one' ? [match.task.id] : match.kind === 'many' ? match.tasks.map((t) => t.id) : [];
  return standing.filter((c) => ids.includes(c.task_id));
}

/**
 * "Restore the milk task": undo when the change undo would take back touched that task; a deleted task
 * deleted earlier is in Recently deleted; otherwise it may be a completed task to reopen (`reopen`).
 */
function planRestore(ref: Ref, turn: Turn, reopen: (ref: Ref) => Decision): Decision {
  const read = turn.done.find((x) => x.name === 'list_activity');
  if (!read) return call('list_activity', { limit: 50 });
  if (!read.outcome.ok || read.outcome.kind !== 'activity') return say(`I couldn't read your recent changes: ${read.outcome.ok ? 'unexpected result' : read.outcome.message}`);
  const changes = read.outcome.changes;
  const mentioned = named(ref, changes);
  const group = nextUndoable(changes);
  if (group !== undefined && mentioned.some((c) => c.group_id === group)) return call('undo', {});
  const deleted = mentioned.find((c) => c.op === 'delete');
  if (!deleted) return reopen(ref);
  return say(
    `Deleting ${label({ id: deleted.task_id, title: deleted.title })} is not your latest change, so undo can't bring it back from here. ` +
      'It is in Recently deleted in the app for 30 days, where you can restore it.',
  );
}

/** The next step of an undo request: call undo (again, for "undo twice"), then say what it did. */
export function planUndo(req: UndoRequest, turn: Turn, changedHere: boolean, reopen: (ref: Ref) => Decision): Decision {
  const undos = turn.done.filter((x) => x.name === 'undo');
  if (undos.length === 0 && req.restore) return planRestore(req.restore, turn, reopen);
  // "Put it back" with nothing changed in this conversation: "it" names nothing, so nothing is taken back.
  if (undos.length === 0 && req.implied && !changedHere) return say('Nothing has changed in this conversation yet. Say "undo" to take back your latest change.');
  const last = undos.at(-1);
  if (last && (!last.outcome.ok || undos.length >= req.times)) return say(undoReply(undos));
  return call('undo', {});
}

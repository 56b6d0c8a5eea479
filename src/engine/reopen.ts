// Putting a completed task back on the list: commands ("reopen task 4", "mark the passport one as not done",
// "un-complete the report", "put the report back on my list") and remarks that say it is not done ("I didn't
// actually finish the report", "that's not done yet", "I haven't called mom yet"). A remark about a task that
// is still pending changes nothing: the answer says it stays on the list.
import type { Clock } from './clock.js';
import { NOT_DONE_VERBS } from './lexicon.js';
import { findNamed, WHOLE_LIST, type ListArgs } from './lookup.js';
import { looseRef, parseRef, type Ref } from './refs.js';
import { chatReply, label, noMatchReply, whichReply } from './reply.js';
import type { TaskView } from './results.js';
import type { Reply, Request } from './types.js';

const NOT_DONE = String.raw`(?:not done|undone|incomplete|not complete(?:d)?|uncompleted|unfinished|pending|open|to ?do|not finished|not yet done|active|outstanding|unchecked|unticked)`;
const MARK = new RegExp(String.raw`^(?:mark|set|flag|make|change|move|switch|turn)\s+(.+?)\s+(?:back\s+)?(?:as\s+|to\s+|into\s+)?${NOT_DONE}(?:\s+again)?$`, 'i');
const VERB = /^(?:re-?open|un-?complete|un-?mark|un-?check|un-?tick|un-?finish|un-?cross|undo\s+(?:the\s+)?(?:completion\s+of|completing))\s+(.+?)(?:\s+(?:as\s+(?:done|complete(?:d)?|finished)|again))*$/i;
const BACK = /^(?:put|add|move|bring)\s+(.+?)\s+back(?:\s+(?:on|onto|to|in|into)\s+(?:my|the)\s+(?:todo\s+|to do\s+|task\s+)?list|\s+to\s+(?:pending|to ?do|open))$/i;

/** Words after "not done" that only say when or how surely: "yet", "after all". */
const TAIL = String.raw`(?:\s+(?:yet|after all|actually|at all|though|either|today|properly|fully|really))*`;
const DONE_STATE = String.raw`(?:done|finished|complete|completed|ticked off|checked off|crossed off|sorted|over|paid|sent|booked)`;
/** "The report isn't finished", "that's not done yet", "it is not done after all". */
const IS_NOT_DONE = new RegExp(
  String.raw`^(.+?)(?:\s+(?:is|are|was|were|has|have)(?:\s+not|n't)(?:\s+been)?|'s\s+not|'re\s+not|\s+(?:isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t been|haven'?t been))\s+(?:(?:actually|really|quite|even|yet)\s+)*${DONE_STATE}${TAIL}$`,
  'i',
);
/** "I didn't actually finish the report", "I haven't called mom yet". */
const DID_NOT = new RegExp(
  String.raw`^(?:i|we)\s+(?:still\s+)?(?:haven'?t|have not|didn'?t|did not|hadn'?t|had not)\s+(?:(?:actually|really|even|quite|yet|properly|fully)\s+)*([a-z']+)\s+(.+?)${TAIL}$`,
  'i',
);
/** Verbs that say what was (not) done to the task named after them: "finish the report" names the report. */
const DOING = /^(?:finish(?:ed)?|complete[d]?|do|done|get|got|sort(?:ed)?|handle[d]?|deal|dealt|tick(?:ed)?|check(?:ed)?|cross(?:ed)?)$/i;

/** A reopen command ("reopen task 4", "mark X as not done"); null when the message is not one. */
export function readReopen(s: string, quotes: readonly string[]): Request | null {
  const m = MARK.exec(s) ?? VERB.exec(s) ?? BACK.exec(s);
  if (!m?.[1]) return null;
  const ref = parseRef(m[1], quotes);
  return ref.kind === 'none' ? null : { intent: 'reopen', ref };
}

/**
 * A remark that a task is not done ("I didn't actually finish the report"): a reopen of the task it mentions,
 * or, when it mentions none, the chat answer that the task stays on the list. Null for anything else.
 */
export function readNotDone(s: string, quotes: readonly string[], question: boolean): Request | null {
  const text = s.replace(/[\s.!?]+$/, '');
  const ref = question ? null : notDoneRef(text, quotes);
  if (ref && ref.kind !== 'none' && ref.kind !== 'all' && ref.kind !== 'seen') return { intent: 'reopen', ref, remark: true };
  if (/^(?:i|we)\s+(?:still\s+)?(?:haven'?t|have not|didn'?t|did not|hasn'?t|am not|'m not)\b|\bnot yet\b/i.test(text)) return { intent: 'chat', kind: 'not-done' };
  return null;
}

function notDoneRef(text: string, quotes: readonly string[]): Ref | null {
  if (/^(?:(?:it'?s|that'?s)\s+)?not\s+(?:done|finished|complete[d]?)(?:\s+yet)?$/i.test(text)) return { kind: 'pronoun' };
  const state = IS_NOT_DONE.exec(text);
  // "What's not done?", "which ones aren't finished": a list question, not a remark.
  if (state?.[1] && !/^(?:i|we|you|they|he|she|everything|nothing|all|none)$|^(?:what|which|who|how|anything|any|show|list)\b/i.test(state[1])) return looseRef(state[1], quotes);
  const did = DID_NOT.exec(text);
  const verb = did?.[1]?.toLowerCase();
  if (!did?.[2] || !verb || NOT_DONE_VERBS.has(verb)) return null;
  if (DOING.test(verb)) return looseRef(did[2], quotes);
  // "I haven't called mom": the verb is part of the name ("Call mom").
  return /^[a-z]+$/.test(verb) ? looseRef(`${verb} ${did[2]}`, quotes) : null;
}

/** The tasks a reopen is about, a question or answer instead, or the whole list to look further. */
export type ReopenTargets = { ids: number[]; tasks: TaskView[] } | { say: Reply | string } | { lists: ListArgs[] };

/** A name to reopen: a completed task it names; else a pending one (said to stay on the list); else none. */
export function namedToReopen(ref: Extract<Ref, { kind: 'name' }>, tasks: TaskView[], whole: boolean, clock: Clock, remark?: boolean): ReopenTargets {
  const done = findNamed(ref.text, tasks.filter((t) => t.completed), false, ref.loose);
  if (done.kind === 'one') return { ids: [done.task.id], tasks };
  if (done.kind === 'many') return { say: whichReply(ref.text, done.tasks, clock) };
  if (done.kind === 'parts') return { ids: done.tasks.map((t) => t.id), tasks };
  const open = findNamed(ref.text, tasks, true, ref.loose);
  if (open.kind === 'one') return { ids: [open.task.id], tasks };
  if (!whole) return { lists: [WHOLE_LIST] };
  return { say: remark ? chatReply('not-done') : noMatchReply(ref.text) };
}

/** The tasks of a reopen that stay as they are, with a note each: pending ones (already on the list) and unknown ones. */
export function notReopened(ids: readonly number[], tasks: readonly TaskView[], partial: boolean, remark?: boolean): { skip: number[]; notes: string[] } {
  const skip: number[] = [];
  const notes: string[] = [];
  for (const id of ids) {
    const task = tasks.find((t) => t.id === id);
    // A task the list did not show (past the 1,000 it returns) may well be done: the tool says if not.
    if ((!task && partial) || task?.completed) continue;
    skip.push(id);
    if (!task) notes.push(`I couldn't find task ${id}.`);
    else notes.push(remark ? `Okay, ${label(task)} stays on your list.` : `${label(task)} is not marked done: it is still on your list.`);
  }
  return { skip, notes };
}

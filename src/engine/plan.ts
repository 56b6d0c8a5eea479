// The agent loop, one step at a time: from the request and what this turn already did, decide the
// next tool calls or the final answer (with what it showed and asked). Every branch ends in a
// message within four steps.
import { planActivity } from './activity.js';
import { bulkReply, needsPreview, previewRefused } from './bulk.js';
import type { Clock } from './clock.js';
import { summary } from './confirm.js';
import { call, say, type Decision } from './decision.js';
import { detailWords, withDetails } from './detail-words.js';
import { hasDetails } from './details.js';
import { taskChanges, type Exchange, type Turn } from './history.js';
import { findNamed, isWholeList, narrowedLists, WHOLE_LIST, type ListArgs } from './lookup.js';
import type { Ref } from './refs.js';
import { ASK_TITLE, askNewTitle, chatReply, deleteAllReply, label, listLimit, listReply, noMatchReply, offerToAdd, whichReply } from './reply.js';
import type { TaskView } from './results.js';
import { reminderQuestion } from './reminder-words.js';
import { namedToReopen, notReopened } from './reopen.js';
import type { NewTask } from './titles.js';
import type { Reply, Request, Shown, ToolName } from './types.js';
import { planUndo } from './undo.js';
import { changesSomething, needsCurrent, updateArgs } from './update-args.js';

export type { Decision } from './decision.js';

/** What earlier turns tell about the conversation (worked out only when asked), and the user's clock. */
export interface Context {
  /** The tasks the last list shown numbered, for "the second one". */
  shown(): readonly Shown[] | null;
  /** What the turn just before showed (a list, or the tasks it added), for bare numbers: "tick off 1 and 3". */
  justShown(): readonly Shown[] | null;
  /** The task the conversation touched last, for "it". */
  touched(): Shown | null;
  /** The changes the latest turn that changed something made, for "what did I just add?". */
  recent(): readonly Exchange[];
  clock: Clock;
}

type ActRequest = Extract<Request, { intent: 'complete' | 'delete' | 'update' | 'status' | 'reopen' }>;
type Targets = { ids: number[]; tasks?: TaskView[] } | { say: Reply | string } | { lists: ListArgs[] } | { add: NewTask };
/** What the list_tasks calls of this turn returned; `partial` when one came back as long as it could be. */
type Listed = { tasks: TaskView[]; whole: boolean; partial: boolean } | { error: string };

const MAX_ACTIONS = 50;
const MAX_TASK_ID = 2_147_483_647;
/** How many tasks list_tasks returns when not asked for a limit. */
const TOOL_LIMIT = 1000;
const ACTION_TOOL: Record<'complete' | 'delete' | 'reopen', ToolName> = {
  complete: 'complete_task',
  delete: 'delete_task',
  reopen: 'update_task',
};

/**
 * The tasks the list_tasks calls of this turn returned: the whole list once it was read, else the
 * narrowed lists' tasks together, each once, newest first.
 */
function listed(turn: Turn): Listed | null {
  const lists = turn.done.filter((e) => e.name === 'list_tasks');
  if (lists.length === 0) return null;
  const whole = lists.find((x) => isWholeList(x.args));
  const read = whole ? [whole] : lists;
  const results: TaskView[][] = [];
  let partial = false;
  for (const x of read) {
    if (!x.outcome.ok || x.outcome.kind !== 'list') return { error: x.outcome.ok ? 'unexpected result' : x.outcome.message };
    results.push(x.outcome.tasks);
    partial ||= x.outcome.tasks.length >= (typeof x.args.limit === 'number' ? x.args.limit : TOOL_LIMIT);
  }
  const tasks = results.length === 1 ? (results[0] ?? []) : [...new Map(results.flat().map((t) => [t.id, t])).values()].sort((a, b) => b.id - a.id);
  return { tasks, whole: whole !== undefined, partial };
}

const listCalls = (lists: readonly ListArgs[]): Decision => ({ step: { kind: 'tool_calls', calls: lists.map((args) => ({ name: 'list_tasks', arguments: args })) } });

function byPosition(ref: Extract<Ref, { kind: 'positions' }>, shown: readonly Shown[]): Targets {
  const ids: number[] = [];
  for (const p of ref.positions) {
    const task = p < 0 ? shown.at(p) : shown[p - 1];
    if (!task) return { say: `The list I showed has ${shown.length} task${shown.length === 1 ? '' : 's'}; there is no number ${p}.` };
    ids.push(task.id);
  }
  return { ids };
}

function resolve(req: ActRequest, turn: Turn, ctx: Context): Targets {
  const { ref } = req;
  const list = listed(turn);
  if (list && 'error' in list) return { say: `I couldn't read your tasks: ${list.error}` };
  const tasks = list?.tasks;
  switch (ref.kind) {
    case 'ids': {
      const lines = ref.bare ? ctx.justShown() : null;
      if (lines && ref.ids.every((n) => n >= 1 && n <= lines.length)) return { ids: ref.ids.map((n) => lines[n - 1]?.id ?? n), tasks };
      // Task numbers are positive 32-bit integers: the tools would refuse any other as invalid input.
      const impossible = ref.ids.find((id) => !(id >= 1 && id <= MAX_TASK_ID));
      return impossible === undefined ? { ids: [...new Set(ref.ids)], tasks } : { say: `I couldn't find task ${impossible}.` };
    }
    case 'line': {
      const shown = ctx.shown();
      const task = shown?.[ref.line - 1];
      return resolve({ ...req, ref: task ? { kind: 'ids', ids: [task.id] } : { kind: 'ids', ids: [ref.line] } }, turn, ctx);
    }
    case 'pronoun': {
      const touched = ctx.touched();
      return touched ? { ids: [touched.id], tasks } : { say: 'Which task do you mean? Tell me its number or its name.' };
    }
    case 'seen': {
      const seen = ctx.justShown() ?? ctx.shown();
      return seen && seen.length > 0 ? { ids: seen.map((t) => t.id), tasks } : { say: 'Which tasks do you mean? Tell me their numbers or names.' };
    }
    case 'positions': {
      const shown = ctx.shown();
      if (!shown && !tasks) return { lists: [WHOLE_LIST] };
      const picked = byPosition(ref, shown ?? tasks ?? []);
      return 'ids' in picked ? { ids: picked.ids, tasks } : picked;
    }
    case 'none':
      return { say: req.intent === 'update' ? 'Which task should I change, and to what? For example: rename task 3 to Call mom tonight.' : 'Which task do you mean? Tell me its number or its name.' };
    case 'all': {
      const status = req.intent === 'complete' ? 'pending' : ref.status;
      if (!tasks) return { lists: [{ status }] };
      const chosen = tasks.filter((t) => status === 'all' || t.completed === (status === 'completed'));
      if (chosen.length === 0) return { say: status === 'completed' ? 'There are no completed tasks.' : 'There are no tasks to change.' };
      // Past the bulk limit the preview is the question (see bulk.ts).
      if (req.intent === 'delete' && status !== 'completed' && !req.confirmed && !needsPreview('delete', chosen.length)) {
        return { say: deleteAllReply(chosen, ctx.clock) };
      }
      return { ids: chosen.map((t) => t.id), tasks };
    }
    case 'name': {
      // Narrowed lists first; the whole list only when they hold no match.
      if (!list) return { lists: narrowedLists(ref.text, ref.loose) };
      if (req.intent === 'reopen') return namedToReopen(ref, list.tasks, list.whole, ctx.clock, req.remark);
      // A name that matches no title whole may still mention one task's words; deleting needs the whole name unless said in passing.
      const match = findNamed(ref.text, list.tasks, req.intent === 'complete', ref.loose || req.intent !== 'delete');
      // "Remind me about the meeting at 3pm" with no such task: the reminder comes with a new one.
      if (match.kind === 'none' && list.whole && req.intent === 'update' && req.orAdd) return { add: req.orAdd };
      if (match.kind === 'none') return list.whole ? { say: noMatchReply(ref.text) } : { lists: [WHOLE_LIST] };
      if (match.kind === 'many') return { say: whichReply(ref.text, match.tasks, ctx.clock) };
      return { ids: match.kind === 'one' ? [match.task.id] : match.tasks.map((t) => t.id), tasks };
    }
  }
}

/** The tasks a request leaves alone, with a note each: done ones to complete, pending ones to reopen, unknown ones. */
function leftAlone(req: ActRequest, ids: readonly number[], tasks: readonly TaskView[] | undefined, partial: boolean): { skip: number[]; notes: string[] } {
  if (req.intent === 'reopen') return tasks ? notReopened(ids, tasks, partial, req.remark) : { skip: [], notes: [] };
  if (req.intent !== 'complete') return { skip: [], notes: [] };
  const done = (tasks ?? []).filter((t) => t.completed && ids.includes(t.id));
  return { skip: done.map((t) => t.id), notes: done.map((t) => `${label(t)} was already done.`) };
}

function unseenReply(ids: readonly number[], what: string, partial: boolean): string {
  return ids
    .map((id) =>
      partial
        ? `Task #${id} is older than the ${TOOL_LIMIT} newest tasks I can read, so I can't see its current ${what} and won't risk overwriting ${what.endsWith('s') ? 'them' : 'it'}.`
        : `I couldn't find task ${id}.`,
    )
    .join('\n');
}

const isPartial = (turn: Turn): boolean => {
  const list = listed(turn);
  return list !== null && 'partial' in list && list.partial;
};

function statusAnswer(ids: readonly number[], tasks: readonly TaskView[] | undefined, clock: Clock): string {
  return ids
    .map((id) => {
      const t = tasks?.find((x) => x.id === id);
      if (!t) return `I couldn't find task ${id}.`;
      return `${withDetails(`${label(t)} is ${t.completed ? 'done' : 'still pending'}`, detailWords(t, clock))}.`;
    })
    .join('\n');
}

function act(req: ActRequest, turn: Turn, ctx: Context): Decision {
  const actions = taskChanges(turn.done);
  const targets = resolve(req, turn, ctx);
  const { skip, notes } = 'ids' in targets ? leftAlone(req, targets.ids, targets.tasks, isPartial(turn)) : { skip: [], notes: [] };
  if (actions.length > 0) return previewRefused(turn) ?? say(summary(actions, ctx.clock, notes));
  if ('say' in targets) return say(targets.say);
  if ('lists' in targets) return listCalls(targets.lists);
  if ('add' in targets) return call('add_task', addArgs(targets.add));
  // Whether a task is done decides a status answer and a reopen: both need the tasks as they are.
  if (!targets.tasks && (req.intent === 'status' || req.intent === 'reopen')) return listCalls([WHOLE_LIST]);
  if (req.intent === 'status') return say(statusAnswer(targets.ids, targets.tasks, ctx.clock));
  const ids = targets.ids.filter((id) => !skip.includes(id)).slice(0, MAX_ACTIONS);
  if (ids.length === 0) return say(notes.join('\n'));
  if (req.intent === 'update') {
    if (!changesSomething(req)) {
      const id = ids[0] ?? 0;
      return say(askNewTitle({ id, title: targets.tasks?.find((t) => t.id === id)?.title }));
    }
    // Tags and reminders replace the task's list, and a shift moves its due date: they need the task as it is now.
    const tasks = targets.tasks;
    const current = needsCurrent(req);
    if (current && !tasks) return listCalls([WHOLE_LIST]);
    // A task the list did not show would get its tags replaced or its date moved from today: say so instead.
    const unseen = current ? ids.filter((id) => !tasks?.some((t) => t.id === id)) : [];
    if (unseen.length) return say(unseenReply(unseen, req.tags ? 'tags' : req.reminders ? 'reminders' : 'due date', isPartial(turn)));
    const question = reminderQuestion(req, tasks, ids);
    if (question) return say(question);
    const calls = ids.map((id) => ({ name: 'update_task' as const, arguments: updateArgs(req, id, tasks?.find((t) => t.id === id), ctx.clock) }));
    return { step: { kind: 'tool_calls', calls } };
  }
  if (req.intent === 'reopen') return { step: { kind: 'tool_calls', calls: ids.map((id) => ({ name: ACTION_TOOL.reopen, arguments: { task_id: id, completed: false } })) } };
  if (needsPreview(req.intent, ids.length, req.confirmation)) return call('preview_bulk_change', { action: req.intent, task_ids: ids });
  const tool = ACTION_TOOL[req.intent];
  const confirmation = req.confirmation !== undefined ? { confirmation: req.confirmation } : {};
  return { step: { kind: 'tool_calls', calls: ids.map((id) => ({ name: tool, arguments: { task_id: id, ...confirmation } })) } };
}

/** The add_task arguments for a new task: only what the user gave. */
function addArgs(item: NewTask): Record<string, unknown> {
  const { title, description, due, priority, tags, repeat, reminders } = item;
  return {
    title,
    ...(description !== undefined ? { description } : {}),
    ...(due !== undefined ? { due } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(tags !== undefined && tags.length > 0 ? { tags } : {}),
    ...(repeat !== undefined ? { repeat } : {}),
    ...(reminders !== undefined && reminders.length > 0 ? { reminders } : {}),
  };
}

/** Decides the next step for an understood request. */
export function plan(req: Request, turn: Turn, ctx: Context): Decision {
  // A turn that prepared a bulk change ends with its question, whatever else it did.
  const preview = turn.done.find((x) => x.name === 'preview_bulk_change');
  if (preview) return say(bulkReply(turn, preview, ctx.clock));
  switch (req.intent) {
    case 'chat':
      return say(chatReply(req.kind));
    case 'suggest':
      // "buy milk tomorrow at 5pm": the details typed with it make a to-do entry of it (quick add).
      if (req.items.length === 1 && req.items.every(hasDetails)) return plan({ intent: 'add', items: req.items }, turn, ctx);
      return say(offerToAdd(req.items.map((item) => item.title)));
    case 'add': {
      if (req.items.length === 0 || req.items.every((item) => item.title === '')) return say(ASK_TITLE);
      const adds = turn.done.filter((x) => x.name === 'add_task');
      if (adds.length > 0) return say(summary(adds, ctx.clock));
      return { step: { kind: 'tool_calls', calls: req.items.slice(0, MAX_ACTIONS).map((item) => ({ name: 'add_task', arguments: addArgs(item) })) } };
    }
    case 'undo':
      return planUndo(req, turn, ctx.recent().length > 0, (ref) => act({ intent: 'reopen', ref }, turn, ctx));
    case 'activity':
      return planActivity(req, turn, ctx.clock);
    case 'recap': {
      const recent = ctx.recent();
      return say(recent.length > 0 ? `The last change:\n${summary(recent, ctx.clock)}` : 'Nothing has changed in this conversation yet.');
    }
    case 'list': {
      const list = listed(turn);
      if (!list) return call('list_tasks', { status: req.status, ...req.query?.filter, limit: listLimit(req.count) });
      if ('error' in list) return say(`I couldn't read your tasks: ${list.error}`);
      return say(listReply(list.tasks, req.status, req.count, ctx.clock, req.query, list.partial));
    }
    default:
      return act(req, turn, ctx);
  }
}

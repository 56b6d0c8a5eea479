// The reply after the tools ran: one line per action ("Added #5 Buy milk — due Fri 27 Nov,
// 17:00."), the details it set in words, and the next occurrence of a completed repeating task.
import type { Clock } from './clock.js';
import { detailWords, withDetails, type DetailField } from './detail-words.js';
import type { Exchange } from './history.js';
import { passedLine, reminderSentence } from './reminder-words.js';
import { actionLine, errorLine, label } from './reply.js';
import type { TaskDetailsView } from './results.js';

const ARG_OF: Record<DetailField, string> = { due: 'due', priority: 'priority', tags: 'tags', repeat: 'repeat' };
const FIELDS: DetailField[] = ['due', 'priority', 'tags', 'repeat'];

const text = (v: unknown): string | null | undefined => (typeof v === 'string' || v === null ? v : undefined);
const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** The task's details after the call: the tool's result, or what was sent when the tool does not say. */
function detailsAfter(result: TaskDetailsView, args: Record<string, unknown>): TaskDetailsView {
  return {
    due_at: result.due_at !== undefined ? result.due_at : text(args.due),
    priority: result.priority !== undefined ? result.priority : text(args.priority),
    tags: result.tags ?? list(args.tags),
    repeat: result.repeat !== undefined ? result.repeat : text(args.repeat),
  };
}

/** What the call did to the task's reminders, when it set them: "I'll remind you at 17:00 today.", "No reminders now." */
function reminderLine(x: Exchange, details: TaskDetailsView, clock: Clock): string {
  if (!Array.isArray(x.args.reminders)) return '';
  const reminders = details.reminders ?? [];
  if (reminders.length === 0) return x.name === 'update_task' ? " I won't remind you about it." : '';
  const sentence = reminderSentence(reminders, details.due_at !== undefined ? details.due_at : text(x.args.due), clock);
  return sentence === '' ? '' : ` ${sentence}`;
}

function line(x: Exchange, clock: Clock): string {
  if (!x.outcome.ok) return passedLine(x.outcome.message, x.name, x.args, clock) ?? errorLine(x.outcome.message, x.args.task_id);
  if (x.outcome.kind !== 'action') return errorLine('unexpected result', x.args.task_id);
  const { status, taskId, title, details, next } = x.outcome;
  const task = { id: taskId, title };
  const description = typeof x.args.description === 'string' ? x.args.description : undefined;
  const after = detailsAfter(details, x.args);
  let words: string[] = [];
  if (status === 'created') words = detailWords(after, clock);
  else if (status === 'updated') words = detailWords(after, clock, FIELDS.filter((f) => ARG_OF[f] in x.args));
  // update_task with completed: false put a done task back on the list.
  const said = actionLine(x.name === 'update_task' && x.args.completed === false ? 'reopened' : status, task, description, words);
  const confirmation = `${said}${reminderLine(x, details, clock)}`;
  if (!next) return confirmation;
  const nextDetails = detailWords({ due_at: next.dueAt }, clock, ['due']);
  return `${confirmation}\n${withDetails(`Next: ${label({ id: next.id, title })}`, nextDetails)}.`;
}

/** The final reply for the actions of a turn, after any notes ("#3 was already done."). */
export function summary(actions: readonly Exchange[], clock: Clock, notes: readonly string[] = []): string {
  return [...notes, ...actions.map((x) => line(x, clock))].join('\n');
}

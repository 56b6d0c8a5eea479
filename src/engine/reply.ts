// Everything the engine says. Task titles are shown as data (one line each), never interpreted.
import type { ChatKind } from './chat.js';
import type { Clock } from './clock.js';
import { detailWords, withDetails } from './detail-words.js';
import type { ListQuery, Sort } from './list-query.js';
import type { Status } from './refs.js';
import type { TaskView } from './results.js';
import type { Reply } from './types.js';

/** The words of the questions the engine asks (which one it asked travels as data, see {@link Reply}). */
export const ASK = {
  which: 'Which one do you mean?',
  title: 'What should the task say?',
  newTitle: 'What should the new title be?',
  offerAdd: 'Say "yes" and I\'ll add it.',
  offerAddMany: 'Say "yes" and I\'ll add them.',
  deleteAll: 'Say "yes" to delete them all.',
  bulk: 'Say yes to go ahead.',
} as const;

const LIST_CAP = 20;
/** A list request reads one task more than it can show as "more than 50"; a count reads as many as list_tasks gives. */
const LIST_PAGE = 50;
const COUNT_LIMIT = 1000;
const NARROW_HINT = 'To see others, narrow it down: "search <words>", "what\'s due this week?" or "show my high priority tasks".';
const FIRST_OF: Record<Sort, string> = {
  created: `The ${LIST_CAP} newest:`,
  due: `The ${LIST_CAP} due soonest:`,
  priority: `The ${LIST_CAP} most important:`,
  title: `The first ${LIST_CAP} by title:`,
};
const WHICH_LINE = `${ASK.which} (say the number or #id)`;
/** The reply asking for a new task's title. */
export const ASK_TITLE: Reply = { text: `${ASK.title} For example: add buy milk.`, asked: 'title' };

/** The reply asking for the new title of a task. */
export const askNewTitle = (task: { id: number; title?: string }): Reply => ({
  text: `${ASK.newTitle} (for ${task.title !== undefined ? label({ id: task.id, title: task.title }) : `task #${task.id}`})`,
  asked: 'newTitle',
  subject: task.id,
});

/** The reply offering to add what the user said as a task (or as several). */
export function offerToAdd(titles: readonly string[]): Reply {
  const [only] = titles;
  if (titles.length === 1 && only !== undefined) return { text: `Do you want me to add "${oneLine(only)}" to your list? ${ASK.offerAdd}`, asked: 'offerAdd' };
  const named = titles.map((t) => `"${oneLine(t)}"`).join(', ');
  return { text: `Do you want me to add these ${titles.length} tasks: ${named}? ${ASK.offerAddMany}`, asked: 'offerAdd' };
}

/** A title on one line, so it cannot pose as another list line. */
export const oneLine = (title: string): string => title.replace(/\s+/g, ' ').trim();

/** "#3 Buy milk" */
export const label = (t: { id: number; title: string }): string => `#${t.id} ${oneLine(t.title)}`;

/** The marker after a completed task in a list. */
const DONE_MARK = ' (done)';

/** Numbered lines "1. #5 Title — due Fri 27 Nov", completed ones marked, capped with a count of the rest; and the tasks numbered. */
export function numbered(tasks: readonly TaskView[], clock: Clock): Required<Pick<Reply, 'text' | 'shown'>> {
  const shown = tasks.slice(0, LIST_CAP);
  const lines = shown.map((t, i) => withDetails(`${i + 1}. ${label(t)}${t.completed ? DONE_MARK : ''}`, detailWords(t, clock)));
  if (tasks.length > LIST_CAP) lines.push(`…and ${tasks.length - LIST_CAP} more.`);
  return { text: lines.join('\n'), shown: shown.map(({ id, title }) => ({ id, title })) };
}

/** How many tasks list_tasks should return for a list request: for a count, as many as it gives. */
export const listLimit = (count: boolean): number => (count ? COUNT_LIMIT : LIST_PAGE + 1);

/** How a narrowed list is named: "pending high priority tasks due this week". */
function listName(n: number, status: Status, query: ListQuery): string {
  const state = status === 'completed' ? ['completed'] : status === 'pending' && !query.filter.overdue ? ['pending'] : [];
  const before = [...state, ...query.adjectives, n === 1 ? 'task' : 'tasks'].join(' ');
  return [before, ...query.qualifiers].join(' ');
}

/**
 * How many tasks a list holds, in words. A `partial` list came back as long as the limit asked: a count
 * has at least that many; a list asked for one more than it says, so it has more than the rest.
 */
function howMany(n: number, count: boolean, partial: boolean): string {
  if (!partial) return String(n);
  return count ? `at least ${n.toLocaleString('en-US')}` : `more than ${(n - 1).toLocaleString('en-US')}`;
}

/** The body under a list's head "You have …": the numbered tasks, or the first of them and how to see the rest. */
function listBody(head: string, tasks: readonly TaskView[], count: boolean, clock: Clock, partial: boolean, sort: Sort = 'created'): Reply {
  if (count && tasks.length > 5) return { text: `${head}.` };
  if (partial) {
    const first = numbered(tasks.slice(0, LIST_CAP), clock);
    return { text: `${head}. ${FIRST_OF[sort]}\n${first.text}\n${NARROW_HINT}`, shown: first.shown };
  }
  const all = numbered(tasks, clock);
  return { text: `${head}:\n${all.text}${tasks.length > LIST_CAP ? `\n${NARROW_HINT}` : ''}`, shown: all.shown };
}

/** The reply to a narrowed list request ("what's due this week?"). */
function queryReply(tasks: readonly TaskView[], status: Status, count: boolean, clock: Clock, query: ListQuery, partial: boolean): Reply {
  if (tasks.length === 0) return { text: `You have no ${listName(0, status, query)}.` };
  const head = `You have ${howMany(tasks.length, count, partial)} ${listName(tasks.length, status, query)}`;
  return listBody(head, tasks, count, clock, partial, query.filter.sort);
}

/**
 * The reply to a list request; `query` when it was narrowed by filters or sorted; `partial` when
 * list_tasks returned as many tasks as {@link listLimit} asked for, so there are more.
 */
export function listReply(tasks: readonly TaskView[], status: Status, count: boolean, clock: Clock, query?: ListQuery, partial = false): Reply {
  if (query && (query.adjectives.length > 0 || query.qualifiers.length > 0)) return queryReply(tasks, status, count, clock, query, partial);
  if (tasks.length === 0) {
    if (status === 'completed') return { text: 'No completed tasks yet.' };
    if (status === 'pending') return { text: 'Nothing left to do: you have no pending tasks.' };
    return { text: 'You have no tasks yet. Try "add buy milk".' };
  }
  const n = howMany(tasks.length, count, partial);
  const tasksWord = tasks.length === 1 ? 'task' : 'tasks';
  const done = tasks.filter((t) => t.completed).length;
  let head: string;
  if (status === 'completed') head = `You have completed ${n} ${tasksWord}`;
  else if (status === 'pending') head = `You have ${n} pending ${tasksWord}`;
  else head = `You have ${n} ${tasksWord}${partial ? '' : ` (${tasks.length - done} pending, ${done} completed)`}`;
  return listBody(head, tasks, count, clock, partial, query?.filter.sort);
}

/** Asks which of several matching tasks the user means. */
export function whichReply(query: string, tasks: readonly TaskView[], clock: Clock): Reply {
  const { text, shown } = numbered(tasks, clock);
  return { text: `More than one task matches "${oneLine(query)}":\n${text}\n${WHICH_LINE}`, shown, asked: 'which' };
}

/** Asks before deleting every task of the list. */
export function deleteAllReply(tasks: readonly TaskView[], clock: Clock): Reply {
  const { text, shown } = numbered(tasks, clock);
  return { text: `That would delete all ${tasks.length} of your tasks:\n${text}\n${ASK.deleteAll}`, shown, asked: 'deleteAll' };
}

/** Says that nothing matched. */
export function noMatchReply(query: string): string {
  return `I couldn't find a task matching "${oneLine(query)}". Say "show my tasks" to see them all.`;
}

/** Short answers that change nothing. */
export function chatReply(kind: ChatKind): string {
  switch (kind) {
    case 'greeting':
      return 'Hi! I can add, list, complete, update and delete your tasks. What would you like to do?';
    case 'help':
      return [
        'I manage your to-do list. For example:',
        '- add buy milk (or: remind me to call mom; add eggs, bread and butter)',
        '- add call mom tomorrow at 5pm p1 #family / water the plants every monday',
        "- show my tasks / what's pending? / what have I completed?",
        "- what's due this week? / what's overdue? / show my high priority tasks / find tasks about the trip",
        '- mark task 3 done / I paid the rent',
        '- rename task 3 to Call mom tonight / add a description to task 3: bring the photos',
        '- move the dentist to Monday / tag it #health / stop repeating the plants task',
        '- remind me to call mom at 5pm / remind me 30 minutes before / no reminder for the dentist',
        '- delete the meeting task / undo / mark the passport one as not done',
        '- what did I change today?',
      ].join('\n');
    case 'thanks':
      return "You're welcome! Anything else?";
    case 'bye':
      return 'Bye! Your tasks are saved.';
    case 'cancel':
      return "Okay, I won't change anything.";
    case 'yes':
      return 'Okay. What would you like me to do? You can say "show my tasks" or "add …".';
    case 'declined':
      return "Okay, I won't do that. Nothing changed.";
    case 'not-done':
      return 'Okay, it stays on your list. Tell me when it is done.';
    case 'unknown':
      return 'I can help with your to-do list: add, list, complete, update or delete tasks. Try "add buy milk" or "show my tasks".';
  }
}

const ACTION_VERBS: Record<string, string> = { created: 'Added', completed: 'Completed', deleted: 'Deleted', reopened: 'Reopened' };

/** The confirmation for one successful action, with the details it set in words. */
export function actionLine(status: string, t: { id: number; title: string }, description?: string, details: readonly string[] = []): string {
  const verb = ACTION_VERBS[status] ?? 'Updated';
  const extra = description !== undefined ? ` (description: ${oneLine(description)})` : '';
  return `${withDetails(`${verb} ${label(t)}`, details)}${extra}.`;
}

/** Words a tool error becomes in a reply. */
export function errorLine(error: string, taskId?: unknown): string {
  const message = error.replace(/[.!\s]+$/, '');
  const about = typeof taskId === 'number' ? ` task ${taskId}` : '';
  if (/not found/i.test(message)) return `I couldn't find${about || ' that task'}: ${oneLine(message)}.`;
  return `Something went wrong${about ? ` with${about}` : ''}: ${oneLine(message)}.`;
}

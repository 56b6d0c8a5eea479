// A conversation's title: a short summary of the first request that did something ("Groceries and dentist"),
// read from the tool calls the turn made, so it is the same for the built-in engine and any LLM.
import type { ToolCallRecord } from '../domain/conversations.js';
import { TASK_VERBS } from '../engine/index.js';

/** The title a conversation has until a request gives it a real one. */
export const PLACEHOLDER_TITLE = 'New conversation';

const MAX_LENGTH = 60;
const LEADING = /^(?:(?:the|a|an|my|our|some|to)\s+)+/i;

/** "Book the dentist appointment" → "dentist appointment": what a task is about, without its verb. */
function topic(title: string): string {
  const words = title.trim().split(/\s+/);
  const first = words[0]?.toLowerCase();
  const rest = first && TASK_VERBS.has(first) && words.length > 1 ? words.slice(1).join(' ') : words.join(' ');
  return rest.replace(LEADING, '') || rest;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "A", "A and B", "A, B and 2 more", cut to fit. */
function joinTopics(topics: string[]): string {
  const [a, b] = topics;
  if (a === undefined) return '';
  if (topics.length === 1) return a;
  if (topics.length === 2) return `${a} and ${b}`;
  return `${a}, ${b} and ${topics.length - 2} more`;
}

function fit(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The titles of the tasks a turn changed, in order, once each. */
function changedTitles(calls: readonly ToolCallRecord[]): string[] {
  const titles = calls.flatMap((call) => {
    if (call.name === 'list_tasks') return [];
    const result = call.result;
    const title = result && typeof result === 'object' && 'title' in result ? result.title : undefined;
    return typeof title === 'string' && title.trim() ? [title.trim()] : [];
  });
  return [...new Set(titles)];
}

/** What a list asked for, in words ("Overdue tasks", "Tasks tagged #work"). */
function listTitle(args: Record<string, unknown>): string {
  const text = (key: string) => (typeof args[key] === 'string' ? String(args[key]) : undefined);
  if (args.overdue === true || args.overdue === 'true') return 'Overdue tasks';
  if (text('query')) return `Tasks about “${text('query')}”`;
  if (text('tag')) return `Tasks tagged #${text('tag')}`;
  if (text('priority')) return `${capitalise(text('priority')!)}-priority tasks`;
  if (text('due_before') || text('due_after')) return 'Tasks by due date';
  if (text('status') === 'pending') return 'Pending tasks';
  if (text('status') === 'completed') return 'Completed tasks';
  return 'All tasks';
}

/** A short title for a conversation from its first turn's tool calls; null when the turn did nothing with tasks ("hi"). */
export function summariseTurn(calls: readonly ToolCallRecord[]): string | null {
  const titles = changedTitles(calls);
  if (titles.length) return fit(capitalise(joinTopics(titles.map(topic))));
  const list = calls.find((call) => call.name === 'list_tasks');
  return list ? listTitle(list.arguments) : null;
}

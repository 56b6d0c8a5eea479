// The update_task arguments of an edit: the fields it sets, tags merged with the task's own, a due date moved
// from the one it has, and reminders added to those it has (the tool replaces the whole list) or removed.
import { localDue } from '../calendar/clock.js';
import { shiftLocal } from '../calendar/local.js';
import { zonedInstant } from '../calendar/zones.js';
import type { Clock } from './clock.js';
import { normalTags, type ReminderArg } from './details.js';
import type { TaskView } from './results.js';
import type { Request } from './types.js';

type UpdateRequest = Extract<Request, { intent: 'update' }>;

const DETAIL_KEYS = ['due', 'priority', 'repeat'] as const;
/** The tool takes at most this many reminders. */
const MAX_REMINDERS = 10;
/** How long past its time a reminder still counts as now (the server's grace). */
const GRACE_MS = 60_000;
const WITH_OFFSET = /T.*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The instant of a due or reminder value: an ISO instant as it is, a local value in the user's zone. */
function instantOf(value: string, clock: Clock): number {
  return WITH_OFFSET.test(value) ? Date.parse(value) : zonedInstant(localDue(value, clock), clock.timeZone).getTime();
}

/** When a reminder fires for a task due at `due` (NaN when it never can). */
export function fireTime(reminder: ReminderArg, due: string | null | undefined, clock: Clock): number {
  if ('at' in reminder) return instantOf(reminder.at, clock);
  return due ? instantOf(due, clock) - reminder.minutes_before * 60_000 : NaN;
}

/** The task's reminders and the new ones, each once; those that already fired are dropped (the tool refuses a past time). */
function mergedReminders(added: readonly ReminderArg[], task: TaskView | undefined, clock: Clock): ReminderArg[] {
  const due = task?.due_at;
  const live = (task?.reminders ?? []).filter((r) => fireTime(r, due, clock) >= clock.now.getTime() - GRACE_MS);
  const key = (r: ReminderArg): string => ('at' in r ? `at${instantOf(r.at, clock)}` : `before${r.minutes_before}`);
  const seen = new Set<string>();
  const out: ReminderArg[] = [];
  for (const r of [...live, ...added]) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    out.push(r);
  }
  return out.slice(-MAX_REMINDERS);
}

/** The update_task arguments for one task: the fields the request sets; tags and reminders merged with the task's own. */
export function updateArgs(req: UpdateRequest, id: number, task: TaskView | undefined, clock: Clock): Record<string, unknown> {
  const args: Record<string, unknown> = { task_id: id };
  if (req.title !== undefined) args.title = req.title;
  if (req.description !== undefined) args.description = req.description;
  for (const key of DETAIL_KEYS) if (req[key] !== undefined) args[key] = req[key];
  if (req.shift) {
    const from = task?.due_at ? localDue(task.due_at, clock) : clock.today;
    args.due = shiftLocal(from, req.shift.amount, req.shift.unit);
  }
  if (req.tags) {
    const { add = [], remove = [], clear = false } = req.tags;
    const kept = clear ? [] : (task?.tags ?? []).filter((t) => !remove.includes(t));
    args.tags = normalTags([...kept, ...add]);
  }
  if (req.reminders) args.reminders = 'clear' in req.reminders ? [] : mergedReminders(req.reminders.add, task, clock);
  return args;
}

/** Whether an edit changes anything at all. */
export const changesSomething = (req: UpdateRequest): boolean =>
  req.title !== undefined ||
  req.description !== undefined ||
  req.tags !== undefined ||
  req.shift !== undefined ||
  req.reminders !== undefined ||
  DETAIL_KEYS.some((k) => req[k] !== undefined);

/** Whether an edit needs the task as it is now: tags and reminders are merged with its own, a shift moves its date. */
export const needsCurrent = (req: UpdateRequest): boolean =>
  Boolean((req.tags && !req.tags.clear) || req.shift || (req.reminders && 'add' in req.reminders));

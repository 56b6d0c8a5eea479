// The activity journal as people read it: changes grouped as they were made, each with its verb, what it set
// and where it came from.
import type { ActivityEntry, ChangeOp } from '../api/schemas';
import { dueClockValue, formatDue, parseDue, type Due, type DueContext } from './due';
import { describeRepeat } from './repeat';

/** The changes one request made together (a chat turn, a panel action): undone together. */
export interface ActivityGroup {
  readonly id: string;
  readonly entries: readonly ActivityEntry[];
  readonly source: string;
  readonly client: string | null;
  /** When its newest change was made. */
  readonly createdAt: string;
  readonly undone: boolean;
  /** The group this one undid, when it is an undo. */
  readonly undoes: string | null;
}

/** One field a change set, as words: "Due: none → Fri 27 Nov". */
export interface FieldChange {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

const VERBS: Readonly<Record<ChangeOp, string>> = {
  create: 'Added',
  update: 'Changed',
  complete: 'Completed',
  reopen: 'Reopened',
  delete: 'Deleted',
  restore: 'Restored',
};

const SOURCES: Readonly<Record<string, string>> = {
  chat: 'Chat',
  web: 'Web app',
  rest: 'API',
  mcp: 'MCP',
};

const FIELDS: Readonly<Record<string, string>> = {
  title: 'Title',
  description: 'Description',
  completed: 'Done',
  due_at: 'Due',
  priority: 'Priority',
  tags: 'Tags',
  repeat: 'Repeat',
};

const NONE = 'none';

/** "Added", "Deleted"…: the verb for what a change did. */
export function opVerb(op: ChangeOp): string {
  return VERBS[op];
}

/** Where a change came from: "Chat", "Web app", "API", "MCP · Claude Desktop". */
export function sourceLabel(source: string, client: string | null | undefined): string {
  const name = SOURCES[source] ?? source;
  return client ? `${name} · ${client}` : name;
}

/** Consecutive entries of one change group, newest first as the journal lists them. */
export function groupActivity(entries: readonly ActivityEntry[]): ActivityGroup[] {
  const groups: ActivityGroup[] = [];
  let current: ActivityEntry[] = [];
  const close = () => {
    const first = current[0];
    if (!first) return;
    groups.push({
      id: first.group_id,
      entries: current,
      source: first.source,
      client: first.client ?? null,
      createdAt: first.created_at,
      // An undo claims every change of its group, so one undone entry means the group was undone.
      undone: current.some((entry) => entry.undone),
      undoes: first.undoes ?? null,
    });
  };
  for (const entry of entries) {
    if (current[0] && current[0].group_id !== entry.group_id) {
      close();
      current = [];
    }
    current.push(entry);
  }
  close();
  return groups;
}

/** Whether Undo can take a group back: it stands (not undone) and is not itself an undo. */
export function canUndo(group: ActivityGroup): boolean {
  return !group.undone && group.undoes === null;
}

// The journal writes a due as an instant; a whole-day due is stored at midnight of the user's day.
function dueFromJournal(value: string, context: DueContext): Due | null {
  const due = parseDue(value);
  if (due?.kind !== 'time' || dueClockValue(due, context.timeZone) !== '00:00') return due;
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: context.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(due.instant)
    .split('-')
    .map(Number);
  return year && month && day ? { kind: 'day', year, month, day } : due;
}

function valueText(field: string, value: unknown, context: DueContext): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (field === 'due_at' && typeof value === 'string') {
    const due = dueFromJournal(value, context);
    return due ? formatDue(due, context) : value;
  }
  if (field === 'repeat' && typeof value === 'string') return describeRepeat(value);
  if (field === 'priority' && typeof value === 'string') return value.charAt(0).toUpperCase() + value.slice(1);
  if (field === 'tags' && Array.isArray(value)) return value.length ? value.map((tag) => `#${String(tag)}`).join(' ') : NONE;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return `“${value}”`;
  return JSON.stringify(value);
}

/** What a change set, field by field, in words (not the done flag its verb already says); empty for a create. */
export function describeChanges(entry: Pick<ActivityEntry, 'op' | 'changes'>, context: DueContext = {}): FieldChange[] {
  const saidByVerb = entry.op === 'complete' || entry.op === 'reopen' ? 'completed' : null;
  return Object.entries(entry.changes)
    .filter(([field]) => field !== saidByVerb)
    .map(([field, change]) => ({
    field: FIELDS[field] ?? field,
    from: valueText(field, change.from, context),
      to: valueText(field, change.to, context),
    }));
}

// Task details in a reply: "due Fri 27 Nov, 17:00 (overdue) · high priority · #work · repeats
// every Monday", appended to a task's line after " — ".
import { isPastDue } from '../calendar/clock.js';
import { writeDue } from '../calendar/format.js';
import type { Clock } from './clock.js';
import { describeRepeat } from '../calendar/repeat.js';
import type { TaskDetailsView } from './results.js';

/** A detail field of a task. */
export type DetailField = 'due' | 'priority' | 'tags' | 'repeat';

const ALL: DetailField[] = ['due', 'priority', 'tags', 'repeat'];
/** Separates a task's title from its details on one line. */
export const DETAILS_SEPARATOR = ' — ';

/**
 * The details of a task in words. With `changed` (an edit's confirmation), only those fields, a
 * cleared one said too ("no due date", "no longer repeats"); otherwise every field that is set.
 */
export function detailWords(t: TaskDetailsView & { completed?: boolean }, clock: Clock, changed?: readonly DetailField[]): string[] {
  const fields = changed ?? ALL;
  const cleared = changed !== undefined;
  const out: string[] = [];
  if (fields.includes('due')) {
    if (t.due_at) {
      const overdue = !t.completed && (t.overdue ?? isPastDue(t.due_at, clock));
      out.push(`due ${writeDue(t.due_at, clock, clock.locale)}${overdue ? ' (overdue)' : ''}`);
    } else if (cleared) out.push('no due date');
  }
  if (fields.includes('priority')) {
    if (t.priority) out.push(`${t.priority} priority`);
    else if (cleared) out.push('no priority');
  }
  if (fields.includes('tags')) {
    const tags = (t.tags ?? []).map((tag) => `#${tag}`).join(' ');
    if (tags !== '') out.push(cleared ? `tagged ${tags}` : tags);
    else if (cleared) out.push('no tags');
  }
  if (fields.includes('repeat')) {
    if (t.repeat) out.push(`repeats ${describeRepeat(t.repeat)}`);
    else if (cleared) out.push('no longer repeats');
  }
  return out;
}

/** A line with its details appended, when there are any. */
export const withDetails = (line: string, details: readonly string[]): string =>
  details.length > 0 ? `${line}${DETAILS_SEPARATOR}${details.join(' · ')}` : line;

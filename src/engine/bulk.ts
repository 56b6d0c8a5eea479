// Bulk changes the user confirms: past the limits the server enforces on one turn (3 deletes, 10 completions)
// the engine asks first. It calls preview_bulk_change with every task, shows that exact list and asks; a "yes"
// in the next message repeats each change with the confirmation the preview returned (read from its tool
// result, never from the reply's words). If the server still refuses one (the confirmation ran out), the
// engine prepares a new preview of what is left and asks again.
import type { Clock } from './clock.js';
import { summary } from './confirm.js';
import { call, type Decision } from './decision.js';
import { taskChanges, type Exchange, type Turn } from './history.js';
import { ASK, errorLine, label } from './reply.js';
import type { BulkAction, Reply } from './types.js';

/**
 * How many of each change one turn may make without the user's confirmation. The server enforces the same
 * limits whatever the model does; a change it refuses anyway is answered with a new preview (see below).
 */
export const BULK_LIMITS: Record<BulkAction, number> = { delete: 3, complete: 10 };

/** Whether a change past the limit needs a preview first. */
export const needsPreview = (action: BulkAction, count: number, confirmation?: string): boolean => confirmation === undefined && count > BULK_LIMITS[action];

const ACTION_OF: Record<string, BulkAction> = { delete_task: 'delete', complete_task: 'complete', update_task: 'complete' };

/** A change the server refused because it needs a confirmation (its message names preview_bulk_change). */
const isRefused = (x: Exchange): boolean => !x.outcome.ok && x.outcome.message.includes('preview_bulk_change');

/** The preview of the changes the server refused this turn; null when it refused none (or a preview was made). */
export function previewRefused(turn: Turn): Decision | null {
  const refused = taskChanges(turn.done).filter(isRefused);
  const [first] = refused;
  if (!first || turn.done.some((x) => x.name === 'preview_bulk_change')) return null;
  const action = ACTION_OF[first.name] ?? 'delete';
  const ids = refused.flatMap((x) => (ACTION_OF[x.name] === action && typeof x.args.task_id === 'number' ? [x.args.task_id] : []));
  return call('preview_bulk_change', { action, task_ids: ids });
}

/** The question after a preview: what this turn already changed, then the exact tasks and "say yes". */
export function bulkReply(turn: Turn, preview: Exchange, clock: Clock): Reply {
  const changes = taskChanges(turn.done);
  const made = changes.filter((x) => !isRefused(x));
  const before = made.length > 0 ? `${summary(made, clock)}\n` : '';
  const outcome = preview.outcome;
  if (!outcome.ok || outcome.kind !== 'preview') return { text: `${before}${errorLine(outcome.ok ? 'unexpected result' : outcome.message)}` };
  const { action, confirmation, tasks } = outcome.preview;
  const noun = `${tasks.length} task${tasks.length === 1 ? '' : 's'}`;
  const doing = action === 'delete' ? `delete ${tasks.length === 1 ? 'this' : 'these'} ${noun}` : `mark ${tasks.length === 1 ? 'this' : 'these'} ${noun} as done`;
  let head = `I'll ${doing}:`;
  if (changes.some(isRefused)) {
    head = changes.some((x) => typeof x.args.confirmation === 'string')
      ? `The confirmation had expired, so I stopped there. I'll ${doing}:`
      : `${action === 'delete' ? 'Deleting' : 'Completing'} more than ${BULK_LIMITS[action]} tasks at once needs your OK. I'll ${doing}:`;
  }
  const lines = tasks.map((t, i) => `${i + 1}. ${label(t)}`);
  return {
    text: `${before}${head}\n${lines.join('\n')}\n${ASK.bulk}`,
    shown: tasks.map(({ id, title }) => ({ id, title })),
    asked: 'bulk',
    bulk: { action, confirmation, ids: tasks.map((t) => t.id) },
  };
}

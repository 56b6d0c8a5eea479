// Turns a tool call into the short label of a chip: "Added #12 Buy milk".
import * as z from 'zod/mini';
import type { ToolCall } from '../api/schemas';
import { toolResultSchema } from '../api/schemas';

/** What a chip shows. */
export interface ToolChip {
  readonly label: string;
  readonly tone: 'change' | 'info' | 'error';
}

const VERBS: Readonly<Record<string, string>> = {
  add_task: 'Added',
  complete_task: 'Completed',
  delete_task: 'Deleted',
  update_task: 'Updated',
};

/** A tool result as data: JSON given as a string is parsed, anything else is returned as is. */
export function decodeToolResult(result: unknown): unknown {
  if (typeof result !== 'string') return result;
  try {
    return JSON.parse(result);
  } catch {
    return result; // a plain-text tool result: shown as is below
  }
}

// The contract shows list_tasks returning an array; MCP structured content must be an object, so the
// server wraps it as {tasks: [...]}. Accept both.
function listedTasks(result: unknown): unknown[] | null {
  if (Array.isArray(result)) return result;
  if (typeof result === 'object' && result !== null && 'tasks' in result && Array.isArray(result.tasks)) return result.tasks;
  return null;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// The lists the trust tools answer with: what an undo took back, a bulk change's preview, the activity read.
const countsSchema = z.object({
  undone: z.optional(z.array(z.unknown())),
  tasks: z.optional(z.array(z.unknown())),
  changes: z.optional(z.array(z.unknown())),
  action: z.optional(z.string()),
});

function trustChip(name: string, result: unknown): ToolChip | null {
  const parsed = countsSchema.safeParse(result);
  if (!parsed.success) return null;
  const { undone, tasks, changes, action } = parsed.data;
  if (name === 'undo' && undone) return undone.length ? { label: `Undid ${plural(undone.length, 'change')}`, tone: 'change' } : { label: 'Nothing undone', tone: 'info' };
  if (name === 'preview_bulk_change' && tasks) {
    return { label: `Asked before ${action === 'complete' ? 'completing' : 'deleting'} ${plural(tasks.length, 'task')}`, tone: 'info' };
  }
  if (name === 'list_activity' && changes) return { label: changes.length ? `Listed ${plural(changes.length, 'change')}` : 'No changes found', tone: 'info' };
  return null;
}

/** Describes one tool call for its chip. */
export function describeToolCall(call: ToolCall): ToolChip {
  const result = decodeToolResult(call.result);
  const listed = call.name === 'list_tasks' ? listedTasks(result) : null;
  if (listed) return { label: listed.length ? `Listed ${plural(listed.length, 'task')}` : 'No tasks found', tone: 'info' };
  if (typeof result === 'string') return { label: result, tone: 'info' };
  const parsed = toolResultSchema.safeParse(result);
  if (!parsed.success) return { label: call.name.replace(/_/g, ' '), tone: 'info' };
  const { error, task_id: id, title } = parsed.data;
  if (error) return { label: error, tone: 'error' };
  const trust = trustChip(call.name, result);
  if (trust) return trust;
  const verb = VERBS[call.name];
  if (!verb) return { label: call.name.replace(/_/g, ' '), tone: 'info' };
  const parts = [verb, id === undefined ? '' : `#${id}`, title ?? ''].filter(Boolean);
  return { label: parts.join(' '), tone: 'change' };
}

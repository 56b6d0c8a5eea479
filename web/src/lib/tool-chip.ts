// Turns a tool call into the short label of a chip: "Added #12 Buy milk".
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

function decode(result: unknown): unknown {
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

/** Describes one tool call for its chip. */
export function describeToolCall(call: ToolCall): ToolChip {
  const result = decode(call.result);
  const listed = call.name === 'list_tasks' ? listedTasks(result) : null;
  if (listed) return { label: listed.length ? `Listed ${plural(listed.length, 'task')}` : 'No tasks found', tone: 'info' };
  if (typeof result === 'string') return { label: result, tone: 'info' };
  const parsed = toolResultSchema.safeParse(result);
  if (!parsed.success) return { label: call.name.replace(/_/g, ' '), tone: 'info' };
  const { error, task_id: id, title } = parsed.data;
  if (error) return { label: error, tone: 'error' };
  const verb = VERBS[call.name];
  if (!verb) return { label: call.name.replace(/_/g, ' '), tone: 'info' };
  const parts = [verb, id === undefined ? '' : `#${id}`, title ?? ''].filter(Boolean);
  return { label: parts.join(' '), tone: 'change' };
}

// What a chat turn's tool calls did to earlier turns: an `undo` call names the change group it took back.
import * as z from 'zod/mini';
import type { ToolCall } from '../api/schemas';
import { decodeToolResult } from './tool-chip';

const undoCallResult = z.object({ group_id: z.string() });

/** The change groups the turn's successful `undo` calls took back. */
export function undoneGroups(calls: readonly ToolCall[]): ReadonlySet<string> {
  const groups = new Set<string>();
  for (const call of calls) {
    if (call.name !== 'undo') continue;
    const parsed = undoCallResult.safeParse(decodeToolResult(call.result));
    if (parsed.success) groups.add(parsed.data.group_id);
  }
  return groups;
}

const CHANGING = new Set(['add_task', 'update_task', 'complete_task', 'delete_task']);

/**
 * True when the turn's only change was an undo: its reply gets no Undo button, because an undo cannot itself be
 * undone (the server answers 409), and the chip already says what came back.
 */
export function isUndoOnly(calls: readonly ToolCall[]): boolean {
  return calls.some((call) => call.name === 'undo') && !calls.some((call) => CHANGING.has(call.name));
}

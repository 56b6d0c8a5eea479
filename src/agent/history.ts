import type { AgentInputItem } from '@openai/agents-core';
import type { Message, ToolCallRecord } from '../domain/conversations.js';

/** The text a tool returned, rebuilt from a stored result: errors as their message, results as JSON. */
export function toolOutputText(result: unknown): string {
  if (isToolError(result)) return result.error;
  return JSON.stringify(result);
}

/** A tool result stored for a failed call: `{ error: "Task 42 not found" }`. */
export function isToolError(result: unknown): result is { error: string } {
  return typeof result === 'object' && result !== null && 'error' in result && typeof result.error === 'string' && Object.keys(result).length === 1;
}

/** Parse a tool's text output into what the API returns and stores: its JSON, or `{error}` for a failure. */
export function toolResultFromText(text: string, isError: boolean): unknown {
  if (isError) return { error: text };
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON success is still shown to the client as text.
    return { text };
  }
}

/**
 * Replay stored messages as agent input items: each assistant message becomes its tool calls, their
 * results, then its text — what a model would have seen — so references like "the second one" resolve.
 */
export function historyToItems(history: readonly Message[]): AgentInputItem[] {
  const items: AgentInputItem[] = [];
  for (const message of history) {
    if (message.role === 'user') {
      items.push({ role: 'user', content: message.content });
      continue;
    }
    (message.tool_calls ?? []).forEach((call: ToolCallRecord, index) => {
      const callId = `call_h${message.id}_${index}`;
      items.push({ type: 'function_call', callId, name: call.name, arguments: JSON.stringify(call.arguments), status: 'completed' });
      items.push({
        type: 'function_call_result',
        callId,
        name: call.name,
        status: 'completed',
        output: { type: 'text', text: toolOutputText(call.result) },
      });
    });
    items.push({ role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: message.content }] });
  }
  return items;
}

// What a step of the plan decides: tool calls, or a message with what it showed and asked.
import type { EngineStep, Reply, ToolName } from './types.js';

/** The next step, and for a message the reply it carries (what it showed and asked). */
export interface Decision {
  step: EngineStep;
  reply?: Reply;
}

/** Answer the user and end the turn. */
export const say = (said: Reply | string): Decision => {
  const reply = typeof said === 'string' ? { text: said } : said;
  return { step: { kind: 'message', text: reply.text }, reply };
};

/** Call one tool. */
export const call = (name: ToolName, args: Record<string, unknown>): Decision => ({ step: { kind: 'tool_calls', calls: [{ name, arguments: args }] } });

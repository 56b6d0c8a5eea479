// The built-in offline language engine: reads the conversation, answers with the next step of
// the agent loop (tool calls or a message). Stateless: every call re-reads the transcript.
import { clockOf, type EngineContext } from './clock.js';
import { followUp } from './followup.js';
import { readTurn } from './history.js';
import { understand } from './intent.js';
import { plan } from './plan.js';
import { contextOf } from './recall.js';
import { chatReply } from './reply.js';
import type { EngineStep, TranscriptEntry } from './types.js';

export type { EngineContext } from './clock.js';
export { isTimeZone, zonedInstant } from '../calendar/zones.js';
export { readQuickAdd } from './quick-add.js';
export { TASK_VERBS } from './lexicon.js';
export type { NewTask } from './titles.js';
export type { EngineStep, ToolName, TranscriptEntry } from './types.js';

// Every plan ends in a message within four steps (narrowed lists, the whole list, act, confirm); these
// bounds are a backstop in case a transcript looks unlike anything the engine wrote (the agent allows ~8
// model calls): a list asked for twice, or more lists than a name of many parts needs.
const MAX_CALLS_PER_TURN = 60;
const MAX_LISTS_PER_TURN = 12;

const sameArgs = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/**
 * Decide the next step of the agent loop from the conversation so far (oldest first). `context`
 * is when and where the user is; without it, the real clock, UTC and en-GB dates. Given the same transcript and
 * context, the answer is always the same.
 */
export function nextStep(transcript: readonly TranscriptEntry[], context: Partial<EngineContext> = {}): EngineStep {
  const clock = clockOf({ now: context.now ?? new Date(), timeZone: context.timeZone ?? 'UTC', locale: context.locale });
  const turn = readTurn(transcript);
  if (!turn) return { kind: 'message', text: chatReply('greeting') };
  const calls = transcript.slice(turn.earlier.length).filter((e) => e.kind === 'tool_call').length;
  const understood = understand(turn.text, clock);
  const request = followUp(understood, turn.text, turn.earlier, clock) ?? understood;
  const { step } = plan(request, turn, contextOf(turn.earlier, clock));
  const lists = turn.done.filter((x) => x.name === 'list_tasks');
  const repeated = step.kind === 'tool_calls' && step.calls.some((c) => c.name === 'list_tasks' && lists.some((x) => sameArgs(x.args, c.arguments)));
  if (step.kind === 'tool_calls' && (calls >= MAX_CALLS_PER_TURN || lists.length >= MAX_LISTS_PER_TURN || repeated)) {
    return { kind: 'message', text: 'I stopped here to avoid repeating myself. Say "show my tasks" to see where things stand.' };
  }
  return step;
}

// Drives the engine's agent loop against an in-memory task store, the way the agent SDK would:
// each step's tool calls are executed and appended to the transcript until the engine answers.
import { nextStep, zonedInstant, type EngineContext } from '../../src/engine/index.js';
import type { TranscriptEntry } from '../../src/engine/types.js';
import { checkExpectations, type Expectation } from './expectations.js';
import { TaskStore, type SetupTask } from './task-store.js';

/** One row of a phrasing table: tasks before, what the user types, and the effect expected. */
export interface PhrasingCase {
  id: string;
  setup?: SetupTask[];
  other_user_setup?: SetupTask[];
  turns: string[];
  expect: Expectation[];
  /** The user's local time when the conversation happens, "YYYY-MM-DDTHH:mm" (default {@link DEFAULT_NOW}). */
  now?: string;
  /** The user's time zone (default {@link DEFAULT_TIME_ZONE}). */
  timeZone?: string;
}

/** A Thursday, late: "tonight" and "at midnight" are close. The docs' example instant. */
export const DEFAULT_NOW = '2026-11-26T23:05';
/** The docs' example time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** What one user turn produced. */
export interface TurnOutcome {
  reply: string;
  calls: { name: string; arguments: Record<string, unknown>; output: string }[];
  steps: number;
}

/** The result of running one case. */
export interface CaseResult {
  id: string;
  ok: boolean;
  problems: string[];
  outcomes: TurnOutcome[];
}

export const USER = 'user-a';
export const OTHER_USER = 'user-b';
const MAX_STEPS = 8;

/** Runs one user turn: appends the user text, then steps the engine until it answers (bounded). */
export function runTurn(
  store: TaskStore,
  owner: string,
  transcript: TranscriptEntry[],
  text: string,
  context: Partial<EngineContext> = {},
  timings?: number[],
): TurnOutcome {
  transcript.push({ kind: 'user', text });
  const outcome: TurnOutcome = { reply: '', calls: [], steps: 0 };
  let callCounter = transcript.length;
  while (outcome.steps < MAX_STEPS) {
    outcome.steps += 1;
    const started = performance.now();
    const step = nextStep(transcript, context);
    timings?.push(performance.now() - started);
    if (step.kind === 'message') {
      outcome.reply = step.text;
      transcript.push({ kind: 'assistant', text: step.text });
      return outcome;
    }
    for (const call of step.calls) {
      const callId = `call_${callCounter++}`;
      const output = store.execute(owner, call.name, call.arguments);
      transcript.push({ kind: 'tool_call', callId, name: call.name, arguments: call.arguments });
      transcript.push({ kind: 'tool_result', callId, output });
      outcome.calls.push({ name: call.name, arguments: call.arguments, output });
    }
  }
  outcome.reply = '(no reply: step limit reached)';
  return outcome;
}

/** Replaces `{id:Title}` and `{other_id:Title}` with the ids the setup gave those tasks. */
export function substituteIds(text: string, store: TaskStore): string {
  return text.replace(/\{(id|other_id):([^}]+)\}/g, (whole, kind: string, title: string) => {
    const owner = kind === 'id' ? USER : OTHER_USER;
    const task = store.snapshot(owner).find((t) => t.title === title);
    return task ? String(task.id) : whole;
  });
}

/** Runs a whole case through the engine and checks its expectations; `timings` collects each step's milliseconds. */
export function runCase(row: PhrasingCase, timings?: number[]): CaseResult {
  const now = row.now ?? DEFAULT_NOW;
  const timeZone = row.timeZone ?? DEFAULT_TIME_ZONE;
  const store = new TaskStore({ now, timeZone });
  const context = { now: zonedInstant(now, timeZone), timeZone };
  // The other user's tasks come first: with one id sequence for both users, a foreign id is a real id.
  store.seed(OTHER_USER, row.other_user_setup ?? []);
  store.seed(USER, row.setup ?? []);
  const before = store.snapshot(USER);
  const otherBefore = store.snapshot(OTHER_USER);
  const transcript: TranscriptEntry[] = [];
  const outcomes = row.turns.map((turn) => runTurn(store, USER, transcript, substituteIds(turn, store), context, timings));
  const problems = checkExpectations(row.expect, {
    before,
    after: store.snapshot(USER),
    otherBefore,
    otherAfter: store.snapshot(OTHER_USER),
    replies: outcomes.map((o) => o.reply),
  });
  if (store.violations.length > 0) problems.push(...store.violations);
  return { id: row.id, ok: problems.length === 0, problems, outcomes };
}

/** Formats a failed case for a test report. */
export function describeFailure(row: PhrasingCase, result: CaseResult): string {
  const turns = result.outcomes.map((o, i) => {
    const calls = o.calls.map((c) => `${c.name}(${JSON.stringify(c.arguments)}) -> ${c.output.slice(0, 80)}`);
    return `  > ${row.turns[i] ?? ''}\n${calls.map((c) => `    ${c}`).join('\n')}\n  < ${o.reply}`;
  });
  return `${row.id}: ${result.problems.join('; ')}\n${turns.join('\n')}`;
}

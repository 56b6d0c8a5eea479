// Drives the engine's agent loop against the real task domain, the way the agent SDK would: each
// step's tool calls go to the MCP task tools of the user, and their results are appended to the
// transcript until the engine answers.
import { nextStep, zonedInstant, type EngineContext } from '../../src/engine/index.js';
import type { TranscriptEntry } from '../../src/engine/types.js';
import { seedTasks, snapshotTasks, type SetupTask, type StoredTask } from './domain-tasks.js';
import { checkExpectations, type Expectation } from './expectations.js';
import { DEFAULT_NOW, DEFAULT_TIME_ZONE } from './phrasing-helpers.js';
import { openSession, type ToolRunner } from './world.js';

export { closeWorld } from './world.js';
export { DEFAULT_NOW, DEFAULT_TIME_ZONE } from './phrasing-helpers.js';

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

/** What one engine step was given: kept so a benchmark can time the engine alone, away from the database. */
export interface StepInput {
  transcript: readonly TranscriptEntry[];
  context: Partial<EngineContext>;
}

const MAX_STEPS = 8;

/**
 * Runs one user turn: appends the user text, then steps the engine until it answers (bounded).
 * `steps` collects what each step was given; `violations` the tool calls that named a user.
 */
export async function runTurn(
  tools: ToolRunner,
  transcript: TranscriptEntry[],
  text: string,
  context: Partial<EngineContext> = {},
  steps?: StepInput[],
  violations?: string[],
): Promise<TurnOutcome> {
  transcript.push({ kind: 'user', text });
  tools.newTurn();
  const outcome: TurnOutcome = { reply: '', calls: [], steps: 0 };
  let callCounter = transcript.length;
  while (outcome.steps < MAX_STEPS) {
    outcome.steps += 1;
    steps?.push({ transcript: [...transcript], context });
    const step = nextStep(transcript, context);
    if (step.kind === 'message') {
      outcome.reply = step.text;
      transcript.push({ kind: 'assistant', text: step.text });
      return outcome;
    }
    for (const call of step.calls) {
      // The user comes from the session, never from the model: a call naming one fails the case.
      if ('user_id' in call.arguments || 'userId' in call.arguments) violations?.push(`${call.name} was called with a user id`);
      const callId = `call_${callCounter++}`;
      const output = await tools.call(call.name, call.arguments);
      transcript.push({ kind: 'tool_call', callId, name: call.name, arguments: call.arguments });
      transcript.push({ kind: 'tool_result', callId, output });
      outcome.calls.push({ name: call.name, arguments: call.arguments, output });
    }
  }
  outcome.reply = '(no reply: step limit reached)';
  return outcome;
}

/** Replaces `{id:Title}` and `{other_id:Title}` with the ids the setup gave those tasks. */
export function substituteIds(text: string, own: readonly StoredTask[], others: readonly StoredTask[]): string {
  return text.replace(/\{(id|other_id):([^}]+)\}/g, (whole, kind: string, title: string) => {
    const task = (kind === 'id' ? own : others).find((t) => t.title === title);
    return task ? String(task.id) : whole;
  });
}

/** Runs a whole case through the engine and the real task tools and checks its expectations; `steps` collects what each engine step was given. */
export async function runCase(row: PhrasingCase, steps?: StepInput[]): Promise<CaseResult> {
  const timeZone = row.timeZone ?? DEFAULT_TIME_ZONE;
  const now = zonedInstant(row.now ?? DEFAULT_NOW, timeZone);
  const session = await openSession(now, timeZone);
  try {
    // Another user only when the case gives them tasks; theirs come first, so their ids are lower.
    const other = row.other_user_setup ? await session.addUser() : null;
    const owner = await session.addUser();
    if (other) await seedTasks(session.tasks, other.id, row.other_user_setup);
    await seedTasks(session.tasks, owner.id, row.setup);
    const before = await snapshotTasks(session.tasks, owner.id);
    const otherBefore = other ? await snapshotTasks(session.tasks, other.id) : [];
    const transcript: TranscriptEntry[] = [];
    const violations: string[] = [];
    const outcomes: TurnOutcome[] = [];
    for (const turn of row.turns) {
      outcomes.push(await runTurn(owner.tools, transcript, substituteIds(turn, before, otherBefore), { now, timeZone }, steps, violations));
    }
    const problems = checkExpectations(row.expect, {
      before,
      after: await snapshotTasks(session.tasks, owner.id),
      otherBefore,
      otherAfter: other ? await snapshotTasks(session.tasks, other.id) : [],
      replies: outcomes.map((o) => o.reply),
    });
    problems.push(...violations);
    return { id: row.id, ok: problems.length === 0, problems, outcomes };
  } finally {
    await session.close();
  }
}

/** Formats a failed case for a test report. */
export function describeFailure(row: PhrasingCase, result: CaseResult): string {
  const turns = result.outcomes.map((o, i) => {
    const calls = o.calls.map((c) => `${c.name}(${JSON.stringify(c.arguments)}) -> ${c.output.slice(0, 80)}`);
    return `  > ${row.turns[i] ?? ''}\n${calls.map((c) => `    ${c}`).join('\n')}\n  < ${o.reply}`;
  });
  return `${row.id}: ${result.problems.join('; ')}\n${turns.join('\n')}`;
}

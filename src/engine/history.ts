// Reading the transcript: the request being served, what was already done this turn, and the
// turns before it. Only the user's words and the tools' structured results are read; the engine's
// own replies never are (what they showed and asked is decided again in recall.ts).
import { readOutcome, type TaskView, type ToolOutcome } from './results.js';
import type { Shown, TranscriptEntry } from './types.js';

/** A tool call paired with its result. */
export interface Exchange {
  name: string;
  args: Record<string, unknown>;
  outcome: ToolOutcome;
}

/** The tools that change one task and answer with it (`{task_id, status, title}`). */
const TASK_CHANGES = new Set(['add_task', 'complete_task', 'delete_task', 'update_task']);

/** The calls of a turn that changed (or tried to change) one task: not lists, undo, the activity or a preview. */
export const taskChanges = (done: readonly Exchange[]): Exchange[] => done.filter((x) => TASK_CHANGES.has(x.name));

/** One turn: a user message and the tool calls made for it. */
export interface Turn {
  text: string;
  /** Tool calls made so far in this turn, with their results. */
  done: Exchange[];
  /** Everything before the turn's user message. */
  earlier: readonly TranscriptEntry[];
}

/**
 * Pairs tool calls with their results (calls still waiting for a result are left out); with `only`, just
 * the calls of those tools, so earlier turns' long lists are not read when only actions matter.
 */
export function exchanges(entries: readonly TranscriptEntry[], only?: (name: string) => boolean): Exchange[] {
  const results = new Map<string, string>();
  for (const e of entries) if (e.kind === 'tool_result') results.set(e.callId, e.output);
  const out: Exchange[] = [];
  for (const e of entries) {
    if (e.kind !== 'tool_call' || (only && !only(e.name))) continue;
    const output = results.get(e.callId);
    if (output !== undefined) out.push({ name: e.name, args: e.arguments, outcome: readOutcome(e.name, output) });
  }
  return out;
}

/** The last turn of a transcript (split at its last user message); null when there is none. */
export function readTurn(transcript: readonly TranscriptEntry[]): Turn | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i];
    if (entry?.kind === 'user') {
      return { text: entry.text, done: exchanges(transcript.slice(i + 1)), earlier: transcript.slice(0, i) };
    }
  }
  return null;
}

/** The turns before `earlier` ends, the latest first (each read only when reached). */
export function* turnsBack(earlier: readonly TranscriptEntry[]): Generator<Turn> {
  for (let turn = readTurn(earlier); turn; turn = readTurn(turn.earlier)) yield turn;
}

/** The tasks of the last list_tasks result, in its order (what any model listing them showed first). */
export function lastListed(entries: readonly TranscriptEntry[]): TaskView[] | null {
  const lists = exchanges(entries, (name) => name === 'list_tasks').flatMap((x) => (x.outcome.ok && x.outcome.kind === 'list' ? [x.outcome.tasks] : []));
  return lists.at(-1) ?? null;
}

/** The task the conversation touched last (created, completed or updated), for "it" and "that". */
export function lastTouched(entries: readonly TranscriptEntry[]): Shown | null {
  const deleted = new Set<number>();
  const all = exchanges(entries, (name) => name !== 'list_tasks');
  for (let i = all.length - 1; i >= 0; i--) {
    const outcome = all[i]?.outcome;
    if (!outcome?.ok || outcome.kind !== 'action') continue;
    if (outcome.status === 'deleted') deleted.add(outcome.taskId);
    else if (!deleted.has(outcome.taskId)) return { id: outcome.taskId, title: outcome.title };
  }
  return null;
}

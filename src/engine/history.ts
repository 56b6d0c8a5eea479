// Reading the transcript: the request being served, what was already done this turn, and the
// context earlier turns give ("the second one", "it", a question the engine asked).
import { DETAILS_SUFFIX } from './detail-words.js';
import { readOutcome, type ToolOutcome } from './results.js';
import type { TranscriptEntry } from './types.js';

/** A tool call paired with its result. */
export interface Exchange {
  name: string;
  args: Record<string, unknown>;
  outcome: ToolOutcome;
}

/** The turn being served. */
export interface Turn {
  text: string;
  /** Tool calls made so far in this turn, with their results. */
  done: Exchange[];
  /** Everything before the current user message. */
  earlier: readonly TranscriptEntry[];
}

/** A task as the engine last showed it in a numbered list. */
export interface Shown {
  id: number;
  title: string;
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

/** Splits the transcript at the last user message; null when there is none. */
export function readTurn(transcript: readonly TranscriptEntry[]): Turn | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i];
    if (entry?.kind === 'user') {
      return { text: entry.text, done: exchanges(transcript.slice(i + 1)), earlier: transcript.slice(0, i) };
    }
  }
  return null;
}

/** The previous user message and the engine's final reply to it, if any. */
export function previousTurn(earlier: readonly TranscriptEntry[]): { text: string; reply: string } | null {
  let reply: string | null = null;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const entry = earlier[i];
    if (entry?.kind === 'assistant' && reply === null) reply = entry.text;
    if (entry?.kind === 'user') return { text: entry.text, reply: reply ?? '' };
  }
  return null;
}

const NUMBERED = /^\s*(\d+)\.\s+#(\d+)\s+(.*)$/;
/** The marker the engine puts after a completed task in its lists. */
export const DONE_MARK = ' (done)';

/** Parses the numbered "N. #id Title — details" lines of one reply. */
export function numberedLines(text: string): Shown[] {
  const shown: Shown[] = [];
  for (const line of text.split('\n')) {
    const m = NUMBERED.exec(line);
    if (m?.[2] && m[3] !== undefined) {
      const text = m[3].replace(DETAILS_SUFFIX, '');
      const title = text.endsWith(DONE_MARK) ? text.slice(0, -DONE_MARK.length) : text;
      shown.push({ id: Number(m[2]), title });
    }
  }
  return shown;
}

/** The tasks of the list the engine showed last, in the order shown. */
export function lastShownList(earlier: readonly TranscriptEntry[]): Shown[] | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const entry = earlier[i];
    if (entry?.kind === 'assistant') {
      const shown = numberedLines(entry.text);
      if (shown.length > 0) return shown;
    }
  }
  // History written by another model: fall back to the order of the last list_tasks result.
  const lists = exchanges(earlier, (name) => name === 'list_tasks').flatMap((x) => (x.outcome.ok && x.outcome.kind === 'list' ? [x.outcome.tasks] : []));
  const last = lists.at(-1);
  return last ? last.map((t) => ({ id: t.id, title: t.title })) : null;
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
  return touchedInReplies(entries, deleted);
}

const CONFIRMATION = /^(Added|Completed|Updated|Deleted) #(\d+) (.*?)(?: — .*?)?(?: \(description: .*\))?\.$/;

/** History without tool items (another store's window): read the engine's own confirmations. */
function touchedInReplies(entries: readonly TranscriptEntry[], deleted: Set<number>): Shown | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind !== 'assistant') continue;
    const lines = entry.text.split('\n');
    for (let j = lines.length - 1; j >= 0; j--) {
      const m = CONFIRMATION.exec(lines[j] ?? '');
      if (!m?.[2]) continue;
      const id = Number(m[2]);
      if (m[1] === 'Deleted') deleted.add(id);
      else if (!deleted.has(id)) return { id, title: m[3] ?? '' };
    }
  }
  return null;
}

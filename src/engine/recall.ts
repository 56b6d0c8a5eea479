// What earlier turns showed and asked, decided again from their own words and tool results. The
// engine never reads its replies back: it works out once more what it answered then (the same
// request over the same tool results gives the same decision), so rewording a reply cannot change
// what "the second one", "it" or "yes" refers to.
import type { Clock } from './clock.js';
import { lastListed, lastTouched, taskChanges, turnsBack, type Exchange, type Turn } from './history.js';
import { understand } from './intent.js';
import { plan, type Context } from './plan.js';
import type { Reply, Request, Shown, TranscriptEntry } from './types.js';

/** A past turn as the engine understood and answered it. */
export interface Outcome {
  request: Request;
  /** The reply it ended with (none when the turn stopped before one). */
  reply?: Reply;
}

// How many turns back a reference may lead when working out a past turn (each level replays one turn).
const DEPTH = 2;

/** Runs `work` once, the first time its value is asked for. */
function once<T>(work: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = work();
      done = true;
    }
    return value;
  };
}

/** How a past turn was answered: its message understood on its own, decided over the tool results it got. */
export function outcomeOf(turn: Turn, clock: Clock, depth = DEPTH - 1): Outcome {
  const request = understand(turn.text, clock);
  const decided = plan(request, turn, contextOf(turn.earlier, clock, depth - 1));
  return decided.step.kind === 'message' ? { request, reply: decided.reply } : { request };
}

/** What the latest turns showed, and whether the turn just before the message showed it. */
interface Seen {
  shown: readonly Shown[];
  fresh: boolean;
}

/** The tasks a turn created, when creating them is all it did (it may have listed first); null otherwise. */
function createdBy(turn: Turn): Shown[] | null {
  const actions = taskChanges(turn.done);
  const created = actions.flatMap((x) => (x.outcome.ok && x.outcome.kind === 'action' && x.outcome.status === 'created' ? [{ id: x.outcome.taskId, title: x.outcome.title }] : []));
  return actions.length > 0 && created.length === actions.length ? created : null;
}

/**
 * What "the second one" points at: the numbered list the latest reply showed, or the tasks the latest run
 * of add turns created, in the order they were added ("add a", "add b", "add c", "remove number two").
 * Turns that only chatted are passed over. Another model's turns count by their last list result.
 */
function lastSeen(earlier: readonly TranscriptEntry[], clock: Clock, depth: number): Seen | null {
  if (depth >= 0) {
    const added: Shown[][] = [];
    let latest = true;
    let fresh = false;
    for (const turn of turnsBack(earlier)) {
      const shown = outcomeOf(turn, clock, depth).reply?.shown;
      if (shown) return added.length > 0 ? { shown: added.reverse().flat(), fresh } : { shown, fresh: latest };
      const created = createdBy(turn);
      if (created) {
        if (added.length === 0) fresh = latest;
        added.push(created);
      } else if (turn.done.length > 0) break;
      latest = false;
    }
    if (added.length > 0) return { shown: added.reverse().flat(), fresh };
  }
  const listed = lastListed(earlier);
  return listed ? { shown: listed.map(({ id, title }) => ({ id, title })), fresh: false } : null;
}

/** The changes of the latest turn that changed a task (lists, undo, the activity and previews left out). */
function lastChanges(earlier: readonly TranscriptEntry[]): Exchange[] {
  for (const turn of turnsBack(earlier)) {
    const changes = taskChanges(turn.done).filter((x) => x.outcome.ok);
    if (changes.length > 0) return changes;
  }
  return [];
}

/** What the turns before a message tell: what was shown last and the task touched last, each worked out only when asked. */
export function contextOf(earlier: readonly TranscriptEntry[], clock: Clock, depth = DEPTH): Context {
  const seen = once(() => lastSeen(earlier, clock, depth));
  return {
    clock,
    shown: () => seen()?.shown ?? null,
    justShown: () => (seen()?.fresh ? seen()?.shown ?? null : null),
    touched: once(() => lastTouched(earlier)),
    recent: once(() => lastChanges(earlier)),
  };
}

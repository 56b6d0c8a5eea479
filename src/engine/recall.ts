// What earlier turns showed and asked, decided again from their own words and tool results. The
// engine never reads its replies back: it works out once more what it answered then (the same
// request over the same tool results gives the same decision), so rewording a reply cannot change
// what "the second one", "it" or "yes" refers to.
import type { Clock } from './clock.js';
import { lastListed, lastTouched, turnsBack, type Turn } from './history.js';
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

/** The numbered list the latest reply that showed one showed; another model's turns count by their last list result. */
function lastShown(earlier: readonly TranscriptEntry[], clock: Clock, depth: number): readonly Shown[] | null {
  if (depth >= 0) {
    for (const turn of turnsBack(earlier)) {
      const shown = outcomeOf(turn, clock, depth).reply?.shown;
      if (shown) return shown;
    }
  }
  return lastListed(earlier)?.map(({ id, title }) => ({ id, title })) ?? null;
}

/** What the turns before a message tell: the list shown last and the task touched last, each worked out only when asked. */
export function contextOf(earlier: readonly TranscriptEntry[], clock: Clock, depth = DEPTH): Context {
  return { clock, shown: once(() => lastShown(earlier, clock, depth)), touched: once(() => lastTouched(earlier)) };
}

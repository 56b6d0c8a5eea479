// How load is applied: variants interleaved round by round (so drift and noise hit every side of a
// comparison alike), and closed-loop virtual users for throughput.
import { summarize, type Summary } from './stats.js';

/** One measured operation: resolves with its latency in ms (throws on a failed request). */
export type Probe = () => Promise<number>;

/**
 * Run every variant once per round, rotating which goes first, for `rounds` rounds after `warmup` unrecorded
 * rounds; returns each variant's latency summary and its failures.
 */
export async function interleave(variants: Record<string, Probe>, rounds: number, warmup: number): Promise<Record<string, Summary & { failures: number }>> {
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const failures: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      try {
        const ms = await variants[name]!();
        if (round >= warmup) samples[name]!.push(ms);
      } catch (error) {
        failures[name]! += 1;
        if (failures[name] === 1) console.warn(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ...summarize(samples[n]!), failures: failures[n]! }]));
}

/** One virtual user: runs its next operation, resolving with its latency in ms. */
export type VirtualUser = () => Promise<number>;

/** The outcome of a closed-loop run. */
export interface LoopResult {
  users: number;
  /** Completed operations per second inside the measurement window. */
  perSecond: number;
  latency: Summary;
  failures: number;
  completed: number;
}

/**
 * Closed loop: every user sends its next request as soon as the previous one answers. Operations finishing in
 * the first `warmupMs` are not counted; the run stops issuing after `warmupMs + durationMs`.
 */
export async function closedLoop(users: VirtualUser[], durationMs: number, warmupMs: number): Promise<LoopResult> {
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  const loop = async (user: VirtualUser) => {
    while (performance.now() < stopAt) {
      try {
        const ms = await user();
        const now = performance.now();
        if (now >= measureFrom && now <= stopAt) latencies.push(ms);
      } catch (error) {
        failures += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(users.map(loop));
  if (firstError) console.warn(`  closed loop: ${failures} failures, first: ${firstError}`);
  return { users: users.length, perSecond: latencies.length / (durationMs / 1000), latency: summarize(latencies), failures, completed: latencies.length };
}

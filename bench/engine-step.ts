// Engine step time: every row of every phrasing table, run twice (the first run warms chrono-node and
// the JIT); the second run's steps are measured. A benchmark, not a test: it reports, it does not assert.
// Run: npx tsx bench/engine-step.ts
import { DETAIL_HOLDOUT } from '../test/engine/phrasings-details-holdout.js';
import { DETAIL_PHRASINGS } from '../test/engine/phrasings-details.js';
import { HOLDOUT } from '../test/engine/phrasings-holdout.js';
import { PHRASINGS } from '../test/engine/phrasings.js';
import { runCase, type PhrasingCase } from '../test/engine/runner.js';

function measure(rows: readonly PhrasingCase[]): { median: number; p95: number; steps: number } {
  for (const row of rows) runCase(row);
  const timings: number[] = [];
  for (const row of rows) runCase(row, timings);
  timings.sort((a, b) => a - b);
  const at = (q: number): number => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), steps: timings.length };
}

const tables = [
  ['all tables', [...PHRASINGS, ...HOLDOUT, ...DETAIL_PHRASINGS, ...DETAIL_HOLDOUT]],
  ['date-heavy tables', [...DETAIL_PHRASINGS, ...DETAIL_HOLDOUT]],
] as const;
for (const [name, rows] of tables) {
  const { median, p95, steps } = measure(rows);
  console.log(`engine step, ${name}: ${steps} steps, median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
}

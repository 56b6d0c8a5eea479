// Engine step time. Every row of every phrasing table runs once against the real task tools
// (PGlite), recording what each engine step was given; then the engine alone is timed on those
// inputs, twice (the first pass warms chrono-node and the JIT, the second is measured), so the
// database's work between steps does not count. A benchmark, not a test: it reports, it does not assert.
// Run: npx tsx bench/engine-step.ts
import { nextStep } from '../src/engine/index.js';
import { EVERYDAY } from '../test/engine/everyday/index.js';
import { DETAIL_HOLDOUT } from '../test/engine/phrasings-details-holdout.js';
import { DETAIL_PHRASINGS } from '../test/engine/phrasings-details.js';
import { HOLDOUT } from '../test/engine/phrasings-holdout.js';
import { PHRASINGS } from '../test/engine/phrasings.js';
import { TRUST } from '../test/engine/phrasings-trust.js';
import { closeWorld, runCase, type PhrasingCase, type StepInput } from '../test/engine/runner.js';

async function recorded(rows: readonly PhrasingCase[]): Promise<StepInput[]> {
  const steps: StepInput[] = [];
  for (const row of rows) await runCase(row, steps);
  return steps;
}

function measure(steps: readonly StepInput[]): { median: number; p95: number; steps: number } {
  for (const { transcript, context } of steps) nextStep(transcript, context);
  const timings: number[] = [];
  for (const { transcript, context } of steps) {
    const started = performance.now();
    nextStep(transcript, context);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number): number => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), steps: timings.length };
}

const details = await recorded([...DETAIL_PHRASINGS, ...DETAIL_HOLDOUT]);
const everyday = await recorded(EVERYDAY);
const trust = await recorded(TRUST);
const others = await recorded([...PHRASINGS, ...HOLDOUT]);
await closeWorld();
const tables = [
  ['all tables', [...others, ...details, ...everyday, ...trust]],
  ['date-heavy tables', details],
  ['everyday tables (issue 15)', everyday],
  ['trust table (issue 14)', trust],
] as const;
for (const [name, steps] of tables) {
  const { median, p95, steps: count } = measure(steps);
  console.log(`engine step, ${name}: ${count} steps, median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
}

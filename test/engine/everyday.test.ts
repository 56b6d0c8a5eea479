// The everyday-phrasing table of issue 15, through the engine and the real task tools (PGlite): a
// pass rate per category, each held at or above the floor it last reached (floors only go up).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EVERYDAY_HOLDOUT } from './everyday/holdout.js';
import { CATEGORIES, EVERYDAY } from './everyday/index.js';
import { PROBE_ROWS } from './everyday/probes.js';
import { formatTally, tally } from './everyday/score.js';
import { closeWorld, describeFailure, runCase } from './runner.js';

after(closeWorld);

/**
 * Rows passed per category when the floors were last raised. Before any engine change (the tables were
 * written first): polite 7/25, fact 19/25, letgo 12/24, filler 11/24, header 8/23, scope 12/23, contin 6/23,
 * position 14/22, typo 14/24, offtopic 11/21, dump 5/22, es 4/24; overall 123/280 (43.9%).
 */
const FLOORS: Record<string, number> = {
  polite: 25,
  fact: 25,
  letgo: 24,
  filler: 24,
  header: 23,
  scope: 23,
  contin: 23,
  position: 22,
  typo: 24,
  offtopic: 21,
  dump: 22,
  es: 24,
};

test('everyday phrasing: every category stays at or above its floor', async () => {
  const results = [];
  const failures: string[] = [];
  for (const row of EVERYDAY) {
    const result = await runCase(row);
    results.push(result);
    if (!result.ok) failures.push(describeFailure(row, result));
  }
  const rows = tally(results);
  console.log(`everyday phrasing:\n${formatTally(rows, CATEGORIES)}`);
  if (process.env.EVERYDAY_VERBOSE) console.log(failures.join('\n\n'));
  for (const t of rows) {
    if (t.category === 'overall') continue;
    assert.ok(t.category in FLOORS, `category ${t.category} has no floor`);
    assert.ok(t.passed >= (FLOORS[t.category] ?? 0), `${t.category}: ${t.passed}/${t.total} fell below its floor ${FLOORS[t.category]}`);
  }
});

for (const row of PROBE_ROWS) {
  test(`regression (issue 15) ${row.id}`, async () => {
    const result = await runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

/**
 * The held-out rows, written with the category tables before any engine change and scored once, after the
 * engine work: 118/123 (95.9%). They are never tuned against; the rows it missed stay misses, with why.
 */
const HOLDOUT_PASSED = 118;
const HOLDOUT_MISSES: Record<string, string> = {
  'polite-11': '"can you remind me what\'s on my plate" lists every task, done ones too, not what is pending',
  'fact-4': '"got the prescription": "get" is not read as the "pick up" of "Pick up the prescription"',
  'filler-6': '"great, that one is done now": the trailing "now" stops it being read as "that one is done"',
  'offtopic-6': '"how many km to the moon" is read as a count of tasks before it is seen as off topic',
  'dump-3': '"bread and butter pudding" is split at "and": the pair is not among the fixed ones',
};

test(`everyday held-out phrasing: ${HOLDOUT_PASSED}/${EVERYDAY_HOLDOUT.length} pass, the misses are the known ones`, async () => {
  const results = [];
  const unexpected: string[] = [];
  for (const row of EVERYDAY_HOLDOUT) {
    const result = await runCase(row);
    results.push(result);
    if (!result.ok && !(row.id in HOLDOUT_MISSES)) unexpected.push(describeFailure(row, result));
  }
  console.log(`everyday held-out phrasing:\n${formatTally(tally(results), CATEGORIES)}`);
  assert.deepEqual(unexpected, [], 'held-out rows failing that are not known misses');
  assert.ok(results.filter((r) => r.ok).length >= HOLDOUT_PASSED, 'the held-out pass count fell');
});

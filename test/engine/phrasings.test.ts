// Runs the phrasing tables through the engine and the real task tools (PGlite), and reports pass rates.
// Known misses stay in the tables and show up here as todo tests.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DETAIL_HOLDOUT } from './phrasings-details-holdout.js';
import { DETAIL_PHRASINGS } from './phrasings-details.js';
import { HOLDOUT } from './phrasings-holdout.js';
import { PHRASINGS } from './phrasings.js';
import { closeWorld, describeFailure, runCase, type PhrasingCase } from './runner.js';

after(closeWorld);

/** Pass rates reached when the tables were last tuned; they may only go up. */
const TABLES: { name: string; rows: PhrasingCase[]; threshold: number }[] = [
  { name: 'phrasing table', rows: PHRASINGS, threshold: 1 },
  // Held-out rows: 105/119 before any tuning against them; 119/119 since issue 15's loose references
  // (a remark matches the task whose title words it mentions), which were not tuned against them.
  { name: 'held-out phrasings', rows: HOLDOUT, threshold: 1 },
  // Details (issue 8): 92/99 on the first run, before the engine was tuned against it.
  { name: 'details phrasings', rows: DETAIL_PHRASINGS, threshold: 1 },
  // Held-out detail rows: 36/45 before any tuning against them.
  { name: 'held-out details phrasings', rows: DETAIL_HOLDOUT, threshold: 1 },
];

/** Rows the engine still gets wrong, by id, with the reason. */
const KNOWN_MISSES: Record<string, string> = {};

for (const table of TABLES) {
  test(`${table.name}: pass rate stays at or above ${(table.threshold * 100).toFixed(1)}%`, async () => {
    const failures: string[] = [];
    let passed = 0;
    for (const row of table.rows) {
      const result = await runCase(row);
      if (result.ok) passed += 1;
      else if (!(row.id in KNOWN_MISSES)) failures.push(describeFailure(row, result));
    }
    const rate = passed / table.rows.length;
    console.log(`${table.name}: ${passed}/${table.rows.length} passed (${(rate * 100).toFixed(1)}%)`);
    assert.ok(rate >= table.threshold - 1e-9, `pass rate ${rate.toFixed(3)} fell below ${table.threshold.toFixed(3)}`);
    assert.deepEqual(failures, [], 'rows failing that are not listed as known misses');
  });
}

for (const [id, reason] of Object.entries(KNOWN_MISSES)) {
  test(`known miss ${id}: ${reason}`, { todo: true }, async () => {
    const row = HOLDOUT.find((r) => r.id === id);
    assert.ok(row, `no row ${id}`);
    const result = await runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

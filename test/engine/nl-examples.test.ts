// Every case of the public nl-examples (a copy of the shared contract file in test/fixtures), through the
// engine and the real task tools (PGlite).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { nlExamples } from '../fixtures/nl-examples.js';
import { closeWorld, describeFailure, runCase } from './runner.js';

after(closeWorld);

for (const row of nlExamples()) {
  test(`nl-examples ${row.id}: ${row.turns.join(' / ')}`, async () => {
    const result = await runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

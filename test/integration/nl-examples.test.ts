import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { PhrasingCase } from '../engine/runner.js';
import { runHttpCase } from '../helpers/chat-cases.js';
import { buildTestApp, testDrivers, type TestApp } from '../helpers/test-app.js';

const examples = JSON.parse(readFileSync(new URL('../fixtures/nl-examples.json', import.meta.url), 'utf8')) as { cases: PhrasingCase[] };

for (const driver of testDrivers) {
  describe(`nl-examples through the full HTTP stack with the built-in engine (${driver})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp({ driver });
    });
    after(() => t.close());

    for (const row of examples.cases) {
      test(`${row.id}: ${row.turns.join(' → ')}`, async () => {
        const result = await runHttpCase(t, row);
        assert.deepEqual(result.problems, [], `replies: ${JSON.stringify(result.replies)}`);
      });
    }
  });
}

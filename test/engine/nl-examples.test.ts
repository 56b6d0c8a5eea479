// Every case of the public nl-examples (test/fixtures), through the engine and the in-memory task store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nlExamples } from '../fixtures/nl-examples.js';
import { describeFailure, runCase } from './runner.js';

const cases = nlExamples();

for (const row of cases) {
  test(`nl-examples ${row.id}: ${row.turns.join(' / ')}`, () => {
    const result = runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

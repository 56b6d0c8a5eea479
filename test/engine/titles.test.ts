// Issue 12: titles keep what the user typed (see phrasings-titles.ts), in chat and in quick add.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { readQuickAdd } from '../../src/engine/index.js';
import { TITLE_PHRASINGS } from './phrasings-titles.js';
import { closeWorld, describeFailure, runCase } from './runner.js';

after(closeWorld);

for (const row of TITLE_PHRASINGS) {
  test(`issue 12, titles as typed: ${row.id}`, async () => {
    const result = await runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

test('regression (issue 12): quick add kept neither emoji nor shorthand in titles', () => {
  const context = { now: new Date('2026-11-26T22:05:00Z'), timeZone: 'Europe/Paris' };
  assert.deepEqual(readQuickAdd('🎉 plan party friday #fun', context), [{ title: '🎉 plan party', due: '2026-11-27', tags: ['fun'] }]);
  assert.deepEqual(readQuickAdd('learn r programming', context), [{ title: 'Learn r programming' }]);
  // Shorthand that carries a detail is still read: "tommorow" is tomorrow, and the title keeps only the words.
  assert.deepEqual(readQuickAdd('buy milk tommorow', context), [{ title: 'Buy milk', due: '2026-11-27' }]);
});

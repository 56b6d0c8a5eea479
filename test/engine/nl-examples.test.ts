// Every case of the nl-examples file (a copy of the shared contract file in test/fixtures), through the
// engine and the real task tools (PGlite).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { z } from 'zod';
import { closeWorld, describeFailure, runCase, type PhrasingCase } from './runner.js';

after(closeWorld);

const setupTask = z.union([z.string(), z.object({ title: z.string(), description: z.string().optional(), completed: z.boolean().optional() })]);
const titles = z.union([z.string(), z.array(z.string())]);
const expectation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('added'), title: titles, description: z.string().optional(), completed: z.boolean().optional() }),
  z.object({ op: z.literal('completed'), title: z.string() }),
  z.object({ op: z.literal('deleted'), title: z.string() }),
  z.object({ op: z.literal('updated'), from: z.string(), title: titles.optional(), description: z.string().optional() }),
  z.object({ op: z.literal('unchanged') }),
  z.object({ op: z.literal('mentions'), text: z.array(z.string()) }),
  z.object({ op: z.literal('not_mentions'), text: z.array(z.string()) }),
  z.object({ op: z.literal('mentions_any'), text: z.array(z.string()) }),
  z.object({ op: z.literal('nonempty_reply') }),
  z.object({ op: z.literal('completed_one_of'), titles: z.array(z.string()), position: z.number().int() }),
  z.object({ op: z.literal('other_user_unchanged') }),
]);
const fileSchema = z.object({
  about: z.string(),
  cases: z.array(
    z.object({
      id: z.string(),
      setup: z.array(setupTask).optional(),
      other_user_setup: z.array(setupTask).optional(),
      turns: z.array(z.string()),
      expect: z.array(expectation),
    }),
  ),
});

const path = new URL('../fixtures/nl-examples.json', import.meta.url);
const cases: PhrasingCase[] = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).cases;

for (const row of cases) {
  test(`nl-examples ${row.id}: ${row.turns.join(' / ')}`, async () => {
    const result = await runCase(row);
    assert.ok(result.ok, describeFailure(row, result));
  });
}

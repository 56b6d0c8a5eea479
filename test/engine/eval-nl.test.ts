// The black-box eval (tools/eval-nl) on a handful of rows against the built-in engine, so it cannot rot:
// the real server started by the tool (its clock set to the tables'), users signed up over HTTP, setup
// through the REST API, turns through the chat route, and the CLI's per-category table.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { evaluate } from '../../tools/eval-nl/evaluate.js';
import { startServer, type EvalServer } from '../../tools/eval-nl/server.js';
import { instantOf } from '../../tools/eval-nl/zone.js';
import { nlExamples } from '../fixtures/nl-examples.js';
import { EVERYDAY } from './everyday/index.js';
import { DEFAULT_NOW, DEFAULT_TIME_ZONE } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';

const run = promisify(execFile);
let server: EvalServer;

before(async () => {
  server = await startServer(instantOf(DEFAULT_NOW, DEFAULT_TIME_ZONE));
});
after(() => server.stop());

const pick = (rows: readonly PhrasingCase[], ids: string[]): PhrasingCase[] => ids.map((id) => {
  const row = rows.find((r) => r.id === id);
  assert.ok(row, `no row ${id}`);
  return row;
});

test('eval:nl runs rows black-box: add, list, complete, delete, update, another user, a due date and a brain dump all pass', async () => {
  const rows = [
    ...pick(nlExamples(), ['spec-1', 'spec-3', 'spec-4', 'spec-5', 'upd-a', 'sec-a', 'ctx-b']),
    ...pick(EVERYDAY, ['header-4', 'dump-2', 'contin-3']),
  ];
  const results = await evaluate({ rows, url: server.url, concurrency: 3 });
  assert.deepEqual(results.map((r) => r.id), rows.map((r) => r.id), 'one result per row, in order');
  for (const r of results) assert.ok(r.ok, `${r.id}: ${r.problems.join('; ')} — replies: ${JSON.stringify(r.replies)}`);
});

test('eval:nl fails a row whose expectation the server does not meet, and says why', async () => {
  const [row] = pick(nlExamples(), ['spec-1']);
  assert.ok(row);
  const wrong: PhrasingCase = { ...row, id: 'wrong-1', expect: [{ op: 'added', title: 'Buy bananas' }] };
  const [result] = await evaluate({ rows: [wrong], url: server.url });
  assert.equal(result?.ok, false);
  assert.ok(result?.problems.some((p) => p.includes('Buy bananas')), JSON.stringify(result?.problems));
  assert.ok(result?.problems.some((p) => p.includes('unexpected add: "Buy groceries"')), JSON.stringify(result?.problems));
});

test('npm run eval:nl prints the pass rate per category, and exits 1 below --min-rate', async () => {
  const cli = ['--import', 'tsx', 'tools/eval-nl/main.ts', '--url', server.url, '--table', 'examples', '--filter', 'spec'];
  const { stdout } = await run(process.execPath, [...cli, '--min-rate', '100']);
  assert.match(stdout, /eval:nl — examples: 8 rows/);
  assert.match(stdout, /^spec\s+8\/8\s+100\.0%$/m);
  assert.match(stdout, /^overall\s+8\/8\s+100\.0%$/m);
  const exitCode = (args: string[]): Promise<number | undefined> => run(process.execPath, args).then(() => 0, (error: { code?: number }) => error.code);
  assert.equal(await exitCode([...cli, '--min-rate', '100.1']), 1, 'below the rate asked for');
  assert.equal(await exitCode([...cli.slice(0, 5), '--table', 'nope']), 2, 'an unknown table is a usage error');
});

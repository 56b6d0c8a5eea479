// The smoke command against a real listening server (PGlite here; CI also runs it against the built
// server on Postgres): its table, its exit code, and what it leaves behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { count, inArray, like } from 'drizzle-orm';
import { conversations, messages, tasks, user } from '../../src/db/schema.js';
import { freePort, startTestServer, type TestApp } from '../helpers/test-app.js';

/** Run `tools/smoke/cli.ts` with arguments; resolve with its exit code and output. */
async function smoke(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/smoke/cli.ts', ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out };
}

const rows = (out: string) => out.split('\n').filter((line) => /^\s?\d{1,2} {2}/.test(line));

describe('npm run smoke', () => {
  let t: TestApp & { url: string };
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  test('passes all twelve checks against a healthy server, prints the table and exits 0', async () => {
    const { code, out } = await smoke(['--url', t.url]);
    assert.equal(code, 0, out);
    const table = rows(out);
    assert.equal(table.length, 12, out);
    assert.ok(table.every((line) => / PASS /.test(line)), out);
    for (const title of ['frontend served', 'sign up', 'create a task via chat', 'list pending', 'conversation persists across a new session', 'cross-user isolation', 'chat responds < 5 s', 'database latency < 5 ms']) {
      assert.ok(out.includes(title), title);
    }
    assert.match(out, /^Result: 12 of 12 checks passed$/m);
  });

  test('leaves none of its data behind: the users it created are deleted, or at least emptied when the server does not allow account deletion', async () => {
    const { out } = await smoke(['--url', t.url]);
    const cleanup = out.split('\n').filter((line) => line.startsWith('Cleanup: '));
    assert.equal(cleanup.length, 2, out);
    assert.ok(cleanup.every((line) => /^Cleanup: (deleted|data-only) - /.test(line)), out);
    const db = t.deps.db.db;
    const smokeUsers = (await db.select({ id: user.id }).from(user).where(like(user.email, 'smoke-%@example.com'))).map((u) => u.id);
    if (smokeUsers.length === 0) return;
    for (const table of [tasks, conversations, messages]) {
      const [row] = await db.select({ n: count() }).from(table).where(inArray(table.userId, smokeUsers));
      assert.equal(row?.n, 0);
    }
  });

  test('a failing check is marked FAIL and the command exits 1', async () => {
    const { code, out } = await smoke(['--url', t.url, '--max-db-ms', '0.000001']);
    assert.equal(code, 1, out);
    const failed = rows(out).filter((line) => / FAIL /.test(line));
    assert.equal(failed.length, 1, out);
    assert.match(failed[0]!, /database latency/);
    assert.match(out, /^Result: 11 of 12 checks passed \(1 FAILED\)$/m);
  });

  test('an unreachable deployment fails every check, with the reason', async () => {
    const { code, out } = await smoke(['--url', `http://127.0.0.1:${await freePort()}`, '--timeout-ms', '2000']);
    assert.equal(code, 1, out);
    const table = rows(out);
    assert.equal(table.length, 12);
    assert.ok(table.every((line) => / FAIL /.test(line)), out);
    assert.match(table[0]!, /ECONNREFUSED/);
  });

  test('without --url it prints usage and exits 2', async () => {
    const { code, out } = await smoke([]);
    assert.equal(code, 2);
    assert.match(out, /usage: npm run smoke -- --url/);
  });
});

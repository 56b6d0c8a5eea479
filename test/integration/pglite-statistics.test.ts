// PGlite has no autovacuum: without an ANALYZE of its own, the planner keeps the statistics of an empty table
// and reads a big task list by scanning and sorting every row of the user instead of walking the index. The
// statistics are refreshed when the database closes (and every 10 minutes), not at start, which they slowed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-stats-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const open = () => openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));

test('after a restart the embedded database reads a one-page list of 5,000 tasks from an index, without sorting them all', async () => {
  const first = await open();
  try {
    await first.db.execute(sql`insert into "user" (id, name, email, email_verified, created_at, updated_at) values ('u1', 'U', 'u1@example.com', false, now(), now())`);
    await first.db.execute(sql`insert into tasks (user_id, id, title) select 'u1', n, 'task ' || n from generate_series(1, 5000) as n`);
  } finally {
    await first.close();
  }
  const reopened = await open();
  try {
    const plan = await reopened.db.execute(sql`explain select * from tasks where user_id = 'u1' and deleted_at is null order by id desc limit 51`);
    const text = (plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(text, /Index Scan Backward/, text);
    assert.doesNotMatch(text, /Sort/, text);
  } finally {
    await reopened.close();
  }
});

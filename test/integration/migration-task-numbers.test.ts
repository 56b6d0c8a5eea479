// The trust migration (0004) turns global task ids into per-user numbers: it must number existing tasks of each
// user 1, 2, 3… in creation order, and continue each user's count from there.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/db/paths.js';

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'todo-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const kept = journal.entries.slice(0, count);
  for (const entry of kept) copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return dir;
}

test('the migration numbers existing tasks per user in creation order, and new tasks continue from there', async () => {
  const client = await PGlite.create();
  const before = firstMigrations(4);
  try {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: before });
    for (const id of ['ann', 'ben']) {
      await db.execute(sql.raw(`insert into "user" (id, name, email, email_verified, created_at, updated_at) values ('${id}', '${id}', '${id}@example.com', false, now(), now())`));
    }
    // Global ids interleaved between the users, created in a known order (ids and times disagree for Ben's first two).
    const rows = [
      [1, 'ann', 'Ann first', '2026-01-01'],
      [2, 'ben', 'Ben second', '2026-01-03'],
      [3, 'ann', 'Ann second', '2026-01-02'],
      [4, 'ben', 'Ben first', '2026-01-02'],
      [5, 'ann', 'Ann third', '2026-01-04'],
    ] as const;
    for (const [id, user, title, at] of rows) {
      await db.execute(sql.raw(`insert into tasks (id, user_id, title, created_at, updated_at) values (${id}, '${user}', '${title}', '${at}', '${at}')`));
    }
    await migrate(db, { migrationsFolder });
    const numbered = await db.execute(sql.raw('select user_id, id, title from tasks order by user_id, id'));
    assert.deepEqual(numbered.rows, [
      { user_id: 'ann', id: 1, title: 'Ann first' },
      { user_id: 'ann', id: 2, title: 'Ann second' },
      { user_id: 'ann', id: 3, title: 'Ann third' },
      { user_id: 'ben', id: 1, title: 'Ben first' },
      { user_id: 'ben', id: 2, title: 'Ben second' },
    ]);
    const counters = await db.execute(sql.raw('select user_id, last_id from task_numbers order by user_id'));
    assert.deepEqual(counters.rows, [
      { user_id: 'ann', last_id: 3 },
      { user_id: 'ben', last_id: 2 },
    ]);
  } finally {
    await client.close();
    rmSync(before, { recursive: true, force: true });
  }
});

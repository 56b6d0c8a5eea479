import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { DataDirLockedError } from '../../src/db/data-dir-lock.js';

describe('the embedded database is single-process (regression: a second process could open a DATA_DIR in use and corrupt it)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-lock-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const open = () => openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));

  test('a second open of a held DATA_DIR is refused with a message naming the fix; after close it opens', async () => {
    const first = await open();
    try {
      await assert.rejects(open(), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`DATA_DIR .* is in use by process ${process.pid}: .*/mcp.*DATABASE_URL`));
        return true;
      });
    } finally {
      await first.close();
    }
    const again = await open();
    await again.close();
  });

  test('a stale lock left by a dead process is taken over', async () => {
    writeFileSync(path.join(dataDir, '.lock'), '999999999');
    const db = await open();
    assert.equal((await db.ping()).version.length > 0, true);
    await db.close();
  });
});

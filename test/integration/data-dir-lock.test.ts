import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createDb } from '../../src/db/client.js';
import { DataDirLockedError } from '../../src/db/data-dir-lock.js';

describe('the embedded database is single-process (regression: a second process could open a DATA_DIR in use and corrupt it)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-lock-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a second open of a held DATA_DIR is refused with a message naming the fix; after close it opens', async () => {
    const first = await createDb({ dataDir });
    try {
      await assert.rejects(createDb({ dataDir }), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`DATA_DIR .* is in use by process ${process.pid}: .*/mcp.*DATABASE_URL`));
        return true;
      });
    } finally {
      await first.close();
    }
    const again = await createDb({ dataDir });
    await again.close();
  });

  test('a stale lock left by a dead process is taken over', async () => {
    writeFileSync(path.join(dataDir, '.lock'), '999999999');
    const db = await createDb({ dataDir });
    assert.equal((await db.ping()).version.length > 0, true);
    await db.close();
  });
});

// The embedded database's buffer cache is sized for one deployment's todo data, not Postgres' 128MB default
// (allocated and zeroed at every start: half of PGlite's start-up time and ~125 MB of the process).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/compose.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { pgliteTemplate } from '../helpers/db.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-pglite-settings-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function sharedBuffers(env: Record<string, string>): Promise<string> {
  // The migrated template seeds the new data directory (as the build's does), so no initdb runs here.
  const template = existsSync(path.join(dataDir, 'PG_VERSION')) ? undefined : new Blob([await pgliteTemplate()]);
  const db = await openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env }), { template });
  try {
    const result = (await db.db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
    return result.rows[0]!.shared_buffers;
  } finally {
    await db.close();
  }
}

test('PGlite starts with 16MB of shared buffers, or what PGLITE_SHARED_BUFFERS says', async () => {
  assert.equal(await sharedBuffers({}), '16MB');
  // The same data directory reopened with another size: the setting is a start parameter, not stored state.
  assert.equal(await sharedBuffers({ PGLITE_SHARED_BUFFERS: '24MB' }), '24MB');
});

test('a PGLITE_SHARED_BUFFERS that is not a size is refused at start-up, naming the variable', () => {
  for (const value of ['16', '16 MB', 'lots', '-1MB']) {
    assert.throws(() => loadConfig({ PGLITE_SHARED_BUFFERS: value }), (error: unknown) => error instanceof ConfigError && /^PGLITE_SHARED_BUFFERS is invalid: must be a size like 16MB/.test(error.message));
  }
});

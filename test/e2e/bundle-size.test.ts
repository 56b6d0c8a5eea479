// The web UI's JavaScript budget: at most 150 KB gzip in total.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from './support/build.js';

const BUDGET_BYTES = 150 * 1024;

it('keeps the built JavaScript within 150 KB gzip', async (t) => {
  await ensureWebBuild();
  const dir = 'web/dist/assets';
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  assert.ok(files.length > 0, 'the build produced JavaScript');
  const gzipped = files.reduce((sum, name) => sum + gzipSync(readFileSync(path.join(dir, name)), { level: 9 }).length, 0);
  t.diagnostic(`built JS: ${files.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzip`);
  assert.ok(gzipped <= BUDGET_BYTES, `built JS is ${(gzipped / 1024).toFixed(1)} KB gzip, over the 150 KB budget`);
});

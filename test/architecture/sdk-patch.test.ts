// The agent SDK runs with patches/@openai+agents-core+*.patch applied (npm's postinstall runs patch-package):
// without a session, run() skips the session persistence tracker, whose per-step bookkeeping grew with the
// replayed history (bench/sdk-overhead.ts: 41 input items, ~5 ms a run unpatched, ~1 ms patched). An install
// that skipped the postinstall (npm ci --ignore-scripts) would serve every turn slower with nothing failing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
// Its package.json is not exported; its entry point is dist/index.js.
const sdkDir = path.resolve(path.dirname(require.resolve('@openai/agents-core')), '..');
const installed: { version: string } = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8'));

test('the agent SDK patch matches the installed version and is applied to both its builds', () => {
  const patches = readdirSync('patches').filter((name) => name.startsWith('@openai+agents-core+'));
  assert.deepEqual(patches, [`@openai+agents-core+${installed.version}.patch`], 'a patch for exactly the installed @openai/agents-core');
  for (const file of ['dist/run.mjs', 'dist/run.js']) {
    const source = readFileSync(path.join(sdkDir, file), 'utf8');
    assert.match(source, /const sessionPersistence = session === undefined \? undefined : /, `${file} is patched`);
  }
});

// The repository stands alone: a clone with nothing beside it must build and pass its tests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOTS = ['src', 'test', 'bench', 'web'];
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'fixtures']);
const CODE = /\.(?:ts|tsx|js|mjs|cjs|json|html)$/;
// Built from parts so this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./', '(?:\\.\\./)*', 'shared\\b'].join('') + '|' + ['/work', '/shared'].join(''));

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (CODE.test(entry.name)) yield full;
  }
}

test('regression: nothing under src/, test/, bench/ or web/ reads the sibling shared/ folder (npm test failed on a clone without it)', () => {
  const readers = ROOTS.flatMap((root) => [...files(root)]).filter((file) => OUTSIDE.test(readFileSync(file, 'utf8')));
  assert.deepEqual(readers, []);
});

test('the public examples the tests use are kept in test/fixtures', () => {
  const examples = JSON.parse(readFileSync('test/fixtures/nl-examples.json', 'utf8')) as { cases: unknown[] };
  assert.ok(examples.cases.length > 0);
});

// Which way the imports run: a folder of src/ may import only the folders its rule names (npm
// packages and node built-ins are not app modules). The calendar is pure and stands alone; the
// engine reads turns and answers with tool calls, using only the calendar; the domain knows no
// framework; only entry points import the composition root; and nothing anywhere imports in a circle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const SRC = path.resolve('src');

/** For each folder of src/ checked, the folders of src/ it may import from (itself included; "src root" is errors.ts, config.ts…). */
const RULES: Record<string, readonly string[]> = {
  calendar: ['calendar'],
  engine: ['engine', 'calendar'],
  domain: ['domain', 'db', 'calendar', 'src root'],
};

/** npm packages a folder must not import: the domain knows no transport, protocol or model SDK. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  domain: /^(?:fastify|@fastify\/|@modelcontextprotocol\/|@openai\/agents|openai$|better-auth)/,
};

/** The composition root and the server entry: only entry points (main.ts, cli/) import them. */
const ROOTS = new Set(['compose.ts', 'main.ts']);

/** Every .ts file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The src/ folder a specifier imported from `file` points into ("src root" for a file directly in src/); null for a package. */
function srcFolderOf(specifier: string, file: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.relative(SRC, path.resolve(path.dirname(file), specifier));
  if (target.startsWith('..') || path.isAbsolute(target)) return 'outside src';
  const [folder] = target.split(path.sep);
  return folder === undefined || !target.includes(path.sep) ? 'src root' : folder;
}

/** The files a source file imports from src/ (relative specifiers, resolved to their .ts file). */
function localImports(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** Every import cycle among some files, each written "a.ts -> b.ts -> a.ts" (type-only imports count: they tie the files together too). */
function cycles(files: readonly string[]): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of localImports(file)) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(' -> '));
      else if (!state.has(next) && files.includes(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

/** The imports of one source text (static, type-only, re-exports and dynamic) that break the rule of `folder`. */
function violations(folder: string, file: string, source: string): string[] {
  const allowed = RULES[folder] ?? [];
  const forbidden = FORBIDDEN_PACKAGES[folder];
  const imports = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  return imports.flatMap((specifier) => {
    const target = srcFolderOf(specifier, file);
    if (target === null) return forbidden?.test(specifier) ? [`${path.relative(SRC, file)} imports ${specifier} (a framework)`] : [];
    return allowed.includes(target) ? [] : [`${path.relative(SRC, file)} imports ${specifier} (${target})`];
  });
}

for (const [folder, allowed] of Object.entries(RULES)) {
  test(`src/${folder} imports only ${allowed.map((f) => `src/${f}`).join(' and ')} (and npm packages)`, () => {
    const files = sourceFiles(path.join(SRC, folder));
    assert.ok(files.length > 0, `no files under src/${folder}`);
    assert.deepEqual(files.flatMap((file) => violations(folder, file, readFileSync(file, 'utf8'))), []);
  });
}

test('regression: src/ has no import cycles (engine/intent.ts, detail-update.ts and update-intent.ts imported each other for the Request type)', () => {
  assert.deepEqual(cycles(sourceFiles(SRC)), []);
});

test('only entry points (src/main.ts, src/cli/) import the composition root or main.ts', () => {
  const importers = sourceFiles(SRC).filter((file) => {
    const relative = path.relative(SRC, file);
    if (relative === 'main.ts' || relative.startsWith(`cli${path.sep}`)) return false;
    return localImports(file).some((target) => ROOTS.has(path.relative(SRC, target)));
  });
  assert.deepEqual(importers.map((file) => path.relative(SRC, file)), []);
});

test('the check sees every kind of import: static, type-only, re-export and dynamic, to a folder or to the src root', () => {
  const file = path.join(SRC, 'engine', 'example.ts');
  const source = [
    "import { z } from 'zod';",
    "import { addDays } from '../calendar/local.js';",
    "import { plan } from './plan.js';",
    "import type { TaskService } from '../domain/tasks.js';",
    "export { AppError } from '../errors.js';",
    "const later = () => import('../db/client.js');",
  ].join('\n');
  assert.deepEqual(violations('engine', file, source), [
    'engine/example.ts imports ../domain/tasks.js (domain)',
    'engine/example.ts imports ../errors.js (src root)',
    'engine/example.ts imports ../db/client.js (db)',
  ]);
  assert.deepEqual(violations('calendar', path.join(SRC, 'calendar', 'x.ts'), "import { clockOf } from '../engine/clock.js';"), [
    'calendar/x.ts imports ../engine/clock.js (engine)',
  ]);
  assert.deepEqual(violations('domain', path.join(SRC, 'domain', 'x.ts'), "import type { FastifyInstance } from 'fastify';\nimport { Agent } from '@openai/agents';\nimport { z } from 'zod';"), [
    'domain/x.ts imports fastify (a framework)',
    'domain/x.ts imports @openai/agents (a framework)',
  ]);
});

// Before/after on one machine in one run: two source trees (this one and BENCH_BEFORE_DIR, e.g. a worktree of
// main) are compiled side by side and measured interleaved round by round (start-up, turn latency per kind,
// closed-loop throughput, RSS), so the load other people put on a shared machine hits both alike.
// Usage: BENCH_BEFORE_DIR=/path/to/main-worktree BENCH_DATABASE_URL=postgres://... npx tsx bench/compare-trees.ts
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createScratchDatabase } from '../test/helpers/db.js';
import { freePort } from '../test/helpers/test-app.js';
import { bundleIfShipped } from './lib/build.js';
import { addProbe, completeProbe, Conversation, listProbe, mixedUser } from './lib/scenarios.js';
import { startServer, type Entry } from './lib/server-process.js';
import { cell, summarize } from './lib/stats.js';
import { prepareTarget, type Sizes, type Target } from './lib/target.js';
import { closedLoop, interleave, type Probe } from './lib/workload.js';

const beforeDir = process.env.BENCH_BEFORE_DIR;
const adminUrl = process.env.BENCH_DATABASE_URL;
if (!beforeDir || !adminUrl) throw new Error('set BENCH_BEFORE_DIR (the tree to compare against) and BENCH_DATABASE_URL (an admin URL)');
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const starts = Number(process.env.BENCH_STARTS ?? 3);
const sizes: Sizes = { smallHistory: 10, windowHistory: 40, largeHistory: 40, historyConversations: 2, largeTasks: 50, loopUsers: 8 };

/**
 * Compile `tree`'s src/ inside its own node_modules (so its code runs on its own packages and patches: each tree
 * needs its `npm ci`), with its migrations and PGlite template.
 */
function build(tree: string, name: string): Entry {
  const root = path.resolve(tree, 'node_modules/.cache', `compare-${name}`);
  const outDir = path.join(root, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', path.join(tree, 'tsconfig.build.json'), '--outDir', outDir, '--sourceMap', 'false'], { stdio: 'inherit' });
  if (!existsSync(path.join(outDir, 'main.js'))) throw new Error(`${tree}: tsc emitted no server`);
  cpSync(path.join(tree, 'src/db/migrations'), path.join(outDir, 'db/migrations'), { recursive: true });
  cpSync(path.join(tree, 'package.json'), path.join(root, 'package.json'));
  const template = path.join(outDir, 'cli/build-template.js');
  if (existsSync(template) && spawnSync(process.execPath, [template], { stdio: 'inherit' }).status !== 0) throw new Error(`${tree}: template build failed`);
  bundleIfShipped(tree, outDir);
  return { label: name, args: [path.join(outDir, 'main.js')] };
}

async function timeStart(entry: Entry, dataDir: string, databaseUrl?: string): Promise<{ ms: number; rssMb: number }> {
  const server = await startServer({ entry, port: await freePort(), dataDir, databaseUrl, secret: randomBytes(32).toString('base64') });
  const rssMb = server.rssMb();
  await server.stop();
  return { ms: server.startupMs, rssMb };
}

const line = (label: string, values: Record<string, string>) => console.log(`| ${label} | ${Object.values(values).join(' | ')} |`);

// BENCH_REUSE=1 measures the builds a previous run left (rebuilding both trees takes minutes on a loaded machine).
const reused = (tree: string, name: string): Entry | undefined => {
  const main = path.resolve(tree, 'node_modules/.cache', `compare-${name}`, 'dist/main.js');
  return process.env.BENCH_REUSE === '1' && existsSync(main) ? { label: name, args: [main] } : undefined;
};
const entries = { before: reused(beforeDir, 'before') ?? build(beforeDir, 'before'), after: reused(process.cwd(), 'after') ?? build(process.cwd(), 'after') };
const sides = ['before', 'after'] as const;
console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}`);

// Turns on Postgres, both sides running at once and probed alternately.
const targets: Record<string, Target> = {};
const cleanups: Array<() => Promise<unknown>> = [];
try {
  for (const side of sides) {
    const db = await createScratchDatabase(adminUrl, `compare_${side}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cmp-'));
    cleanups.push(async () => (await db.drop(), rmSync(dir, { recursive: true, force: true })));
    targets[side] = await prepareTarget('Postgres', entries[side], dir, sizes, db.url);
    cleanups.unshift(() => targets[side]!.server.stop());
  }
  console.log(`\nturn latency through HTTP on Postgres, ms (median / p95), ${rounds} rounds interleaved`);
  for (const kind of ['add', 'list', 'complete'] as const) {
    const variants: Record<string, Probe> = {};
    for (const side of sides) {
      const t = targets[side]!;
      const conversation = new Conversation(t.api, t.users[kind]);
      variants[side] = kind === 'add' ? addProbe(conversation) : kind === 'list' ? listProbe(conversation) : completeProbe(t.api, conversation);
    }
    const measured = await interleave(variants, rounds, 5);
    line(kind, { before: cell(measured.before), after: cell(measured.after) });
  }
  console.log('\nclosed loop, 8 users, mixed turns on Postgres: turns/s (latency median ms) per round, sides alternating');
  let tag = 100;
  for (let round = 0; round < 4; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const t = targets[side]!;
      const result = await closedLoop(t.users.loop.map((u) => mixedUser(t.api, u, (tag += 1))), 4000, 1000);
      line(`${side} round ${round + 1}`, { perSecond: result.perSecond.toFixed(1), median: result.latency.median.toFixed(1), failures: String(result.failures) });
    }
  }
  for (const side of sides) line(`${side} RSS after the turns, MB`, { mb: targets[side]!.server.rssMb().toFixed(0) });
} finally {
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.warn(`cleanup failed: ${String(error)}`));
}
// Start-up to healthy, alternating sides: a new PGlite DATA_DIR, the same one reopened, a migrated Postgres database.
const startup: Record<string, number[]> = {};
const idleRss: Record<string, number[]> = {};
const dirs: string[] = [];
const database = await createScratchDatabase(adminUrl, 'compare_start');
try {
  await timeStart(entries.before, mkdtempSync(path.join(os.tmpdir(), 'cmp-')), database.url); // migrates it once
  for (let i = 0; i < starts; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cmp-'));
      dirs.push(dir);
      const fresh = await timeStart(entries[side], dir);
      const reopened = await timeStart(entries[side], dir);
      const postgres = await timeStart(entries[side], dir, database.url);
      (startup[`${side} PGlite new`] ??= []).push(fresh.ms);
      (startup[`${side} PGlite existing`] ??= []).push(reopened.ms);
      (startup[`${side} Postgres migrated`] ??= []).push(postgres.ms);
      (idleRss[`${side} PGlite`] ??= []).push(reopened.rssMb);
      (idleRss[`${side} Postgres`] ??= []).push(postgres.rssMb);
    }
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await database.drop();
}
console.log('\nstart-up to healthy, ms (median / p95)');
for (const [k, v] of Object.entries(startup)) line(k, { ms: cell(summarize(v)) });
console.log('\nRSS right after start, MB (median)');
for (const [k, v] of Object.entries(idleRss)) line(k, { mb: summarize(v).median.toFixed(0) });

console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}`);

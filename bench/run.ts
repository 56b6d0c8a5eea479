// The benchmark: `npx tsx bench/run.ts` (BENCH_DATABASE_URL=postgres://… adds Postgres; BENCH_QUICK=1 is a
// short smoke run). Writes docs/benchmarks.md (or BENCH_OUT).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServer } from './lib/build.js';
import { createScratchDatabase } from '../test/helpers/db.js';
import { captureTurnSql, openFloor, type Statement } from './lib/capture.js';
import { renderReport } from './lib/report.js';
import type { Results } from './lib/results.js';
import { COMPLETE_TARGET, turnKinds } from './lib/scenarios.js';
import { tsxEntry } from './lib/server-process.js';
import { checkTargets, largestGap } from './lib/targets.js';
import { prepareTarget, type Target } from './lib/target.js';
import { measureEndpoints, measureThroughput, soak } from './phases/load.js';
import { profileWorkload } from './phases/profile-run.js';
import { measureStartup } from './phases/startup.js';
import { measureGrowth, measureTurnLatency, probeOldestByName } from './phases/turns.js';

const quick = process.env.BENCH_QUICK === '1';
const adminUrl = process.env.BENCH_DATABASE_URL;
const outFile = process.env.BENCH_OUT ?? 'docs/benchmarks.md';
const plan = quick
  ? { sizes: { smallHistory: 10, windowHistory: 40, largeHistory: 200, historyConversations: 4, largeTasks: 1000, loopUsers: 8 }, latency: { rounds: 15, warmup: 3 }, growth: { rounds: 8, warmup: 2 }, endpoints: 30, levels: [1, 8], throughputRounds: 1, throughputMs: 1500, soakTurns: 1000, startup: { fresh: 1, reopen: 1 }, profileMs: 2000 }
  : { sizes: { smallHistory: 10, windowHistory: 40, largeHistory: 2000, historyConversations: 20, largeTasks: 10_000, loopUsers: 32 }, latency: { rounds: 100, warmup: 10 }, growth: { rounds: 40, warmup: 5 }, endpoints: 200, levels: [1, 8, 32], throughputRounds: 3, throughputMs: 3000, soakTurns: 10_000, startup: { fresh: 3, reopen: 4 }, profileMs: 8000 };

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v);
  } finally {
    await client.end();
  }
}

function machine(): Record<string, string> {
  const cpus = os.cpus();
  const pglite = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version?: unknown };
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    'server NODE_OPTIONS': process.env.BENCH_SERVER_NODE_OPTIONS ?? '(none)',
    pglite: String(pglite.version),
    'load average at start (1/5/15 min)': os.loadavg().map((x) => x.toFixed(2)).join(' / '),
  };
}

const cleanups: Array<() => Promise<unknown> | unknown> = [];
const stamp = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
const t0 = performance.now();

async function main(): Promise<void> {
  const results: Results = { startedAt: new Date(), machine: machine(), drivers: ['PGlite'], notes: [], statements: {}, latency: [], growth: [], endpoints: [], throughput: [], startup: [], rss: {}, probes: [] };
  if (quick) results.notes.push('BENCH_QUICK=1: a short smoke run with small sizes; figures are not representative.');
  if (!adminUrl) results.notes.push('BENCH_DATABASE_URL was not set: PGlite only, no floor.');
  else results.machine.postgres = `${await postgresVersion(adminUrl)} at ${new URL(adminUrl).host}`;

  console.log(`[${stamp()}] building the server`);
  const { entry, profileEntry, buildMs, typeErrors, template } = buildServer();
  results.notes.push(
    `Server compiled with tsc in ${(buildMs / 1000).toFixed(1)} s${typeErrors ? ' (the tree had type errors at the time; the emitted JavaScript was measured)' : ''}; ` +
      (template ? 'the build ships a migrated PGlite template, so a new DATA_DIR loads it' : 'no PGlite template is shipped: a new DATA_DIR runs initdb') +
      (readdirSync('src/db').some((f) => f.startsWith('pglite-template-')) ? '; src/db holds one for the tsx entry too.' : '; the tsx entry finds none in src/db and runs initdb.'),
  );

  console.log(`[${stamp()}] start-up`);
  results.startup = await measureStartup([entry, tsxEntry], plan.startup, adminUrl);

  let captured: Record<string, Statement[]> = {};
  let floor: Awaited<ReturnType<typeof openFloor>> | undefined;
  const targets: Target[] = [];
  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
  cleanups.push(() => rmSync(pgliteDir, { recursive: true, force: true }));
  if (adminUrl) {
    console.log(`[${stamp()}] capturing the SQL of each turn kind`);
    const captureDb = await createScratchDatabase(adminUrl, 'bench_floor');
    cleanups.push(() => captureDb.drop());
    captured = await captureTurnSql(captureDb.url, [`add ${COMPLETE_TARGET}`, 'add Buy lamp 0', ...Array.from({ length: 8 }, (_, i) => `add Fix fence ${i}`), 'list my tasks'], {
      add: turnKinds.add.message(1),
      list: turnKinds.list.message(),
      complete: turnKinds.complete.message(),
    });
    results.statements = Object.fromEntries(Object.entries(captured).map(([k, v]) => [k, v.length]));
    floor = await openFloor(captureDb.url);
    const openedFloor = floor;
    cleanups.unshift(() => openedFloor.close());
  }

  console.log(`[${stamp()}] preparing PGlite${adminUrl ? ' and Postgres' : ''} (sign-ups, seeding ${plan.sizes.largeTasks} tasks and ${plan.sizes.largeHistory}-message histories)`);
  targets.push(await prepareTarget('PGlite', entry, pgliteDir, plan.sizes));
  cleanups.unshift(() => targets[0]?.server.stop());
  if (adminUrl) {
    const benchDb = await createScratchDatabase(adminUrl, 'bench');
    cleanups.push(() => benchDb.drop());
    const pgDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
    cleanups.push(() => rmSync(pgDir, { recursive: true, force: true }));
    targets.push(await prepareTarget('Postgres', entry, pgDir, plan.sizes, benchDb.url));
    cleanups.unshift(() => targets[1]?.server.stop());
    results.drivers.push('Postgres');
  }

  console.log(`[${stamp()}] turn latency`);
  results.latency = await measureTurnLatency(targets, floor?.run, captured, plan.latency);
  console.log(`[${stamp()}] cost growth`);
  results.growth = await measureGrowth(targets, plan.sizes, plan.growth);
  for (const t of targets) results.probes.push(await probeOldestByName(t, plan.sizes.largeTasks));
  console.log(`[${stamp()}] other requests`);
  results.endpoints = await measureEndpoints(targets, plan.endpoints, Math.ceil(plan.endpoints / 10));
  console.log(`[${stamp()}] throughput`);
  results.throughput = await measureThroughput(targets, plan.levels, plan.throughputRounds, plan.throughputMs);
  const main = targets.at(-1)!;
  console.log(`[${stamp()}] memory soak (${main.name} to ${plan.soakTurns} turns served)`);
  results.rss = await soak(main, targets.filter((t) => t !== main), plan.soakTurns, plan.soakTurns / 10);

  const gap = largestGap(checkTargets(results, main.name));
  if (gap) {
    console.log(`[${stamp()}] profiling "${gap.workload}" on ${main.name} (largest gap: ${gap.target})`);
    const summary = await profileWorkload(main, gap.workload, plan.profileMs, profileEntry);
    results.profile = { ...summary, workload: `${gap.workload} on ${main.name}`, reason: `${gap.target}: ${gap.measured}` };
  }
  results.machine['load average at end (1/5/15 min)'] = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
  results.finishedAt = new Date();
  writeFileSync(outFile, renderReport(results));
  console.log(`[${stamp()}] wrote ${outFile}`);
}

try {
  await main();
} finally {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      console.warn(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

// Start-up to healthy: spawn the entry point, poll /health until 200, stop it. A new PGlite data directory
// is created (from the build's migrated template when one ships, else initdb + migrations); an existing one
// is reopened; Postgres is either a new or a migrated database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/test-app.js';
import { createScratchDatabase } from '../../test/helpers/db.js';
import type { Row } from '../lib/results.js';
import { startServer, type Entry } from '../lib/server-process.js';
import { summarize } from '../lib/stats.js';

/** How many starts of each kind. */
export interface StartupRuns {
  fresh: number;
  reopen: number;
}

async function timeStart(entry: Entry, dataDir: string, databaseUrl?: string): Promise<number> {
  const server = await startServer({ entry, port: await freePort(), dataDir, databaseUrl, secret: randomBytes(32).toString('base64') });
  const code = await server.stop();
  if (code !== 0) throw new Error(`server exited ${code} after start-up: ${server.stderr()}`);
  return server.startupMs;
}

function row(label: string, samples: number[]): Row {
  return { label, cells: { 'start-up': { ...summarize(samples), failures: 0 } } };
}

/** Measure start-up for each entry on PGlite (fresh and reopened) and, with an admin URL, on Postgres. */
export async function measureStartup(entries: Entry[], runs: StartupRuns, adminUrl?: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const entry of entries) {
    // The first entry (what production runs) gets every run; the others a short sample.
    const isFirst = entry === entries[0];
    const reopenRuns = isFirst ? runs.reopen : Math.min(2, runs.reopen);
    const fresh: number[] = [];
    const dirs: string[] = [];
    try {
      for (let i = 0; i < (isFirst ? runs.fresh : 1); i++) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
        dirs.push(dir);
        fresh.push(await timeStart(entry, dir));
      }
      rows.push(row(`${entry.label}, PGlite, new DATA_DIR`, fresh));
      const reopen: number[] = [];
      for (let i = 0; i < reopenRuns; i++) reopen.push(await timeStart(entry, dirs[0]!));
      rows.push(row(`${entry.label}, PGlite, existing DATA_DIR`, reopen));
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
    if (!adminUrl) continue;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-start-pg-'));
    const newDatabase: number[] = [];
    const again: number[] = [];
    try {
      for (let i = 0; i < (isFirst ? runs.fresh : 1); i++) {
        const database = await createScratchDatabase(adminUrl, 'bench_start');
        try {
          newDatabase.push(await timeStart(entry, dataDir, database.url));
          if (i === 0) for (let k = 0; k < reopenRuns; k++) again.push(await timeStart(entry, dataDir, database.url));
        } finally {
          await database.drop();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    rows.push(row(`${entry.label}, Postgres, new database (migrations)`, newDatabase));
    rows.push(row(`${entry.label}, Postgres, migrated database`, again));
  }
  return rows;
}

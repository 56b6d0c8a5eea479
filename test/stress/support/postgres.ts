// Postgres for the stress suite: scratch databases on the server named by TEST_DATABASE_URL, and a throwaway
// cluster (initdb + pg_ctl in a temp dir) that a test may stop and start at will.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../helpers/test-app.js';

/** The admin URL of the Postgres server the stress suite runs on, or a failure naming the fix. */
export function requirePostgres(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('The stress suite runs on Postgres: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  return url;
}

/** A Postgres cluster of our own on a free loopback port. */
export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  /** Stop the server: `fast` disconnects clients cleanly, `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stop for good and delete the data directory. */
  destroy(): void;
  /** The server log so far (for failure messages). */
  log(): string;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('pg_ctl not found: install PostgreSQL server binaries or set PG_BIN to their directory');
  return path.join(root, newest, 'bin');
}

/** Postgres refuses to run as root: as root, run its tools as the `postgres` user and give it the directory. */
function asServerUser(dir: string): (tool: string, args: string[]) => void {
  const bin = binDir();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  return (tool, args) => {
    const file = isRoot ? 'runuser' : path.join(bin, tool);
    const argv = isRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
}

/** initdb a throwaway cluster in a temp dir and start it on a free port. */
export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stress-pg-'));
  const run = asServerUser(dir);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=100`;
  const start = () => run('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '30', '-o', options]);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
  start();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      stop('immediate');
    } catch (error) {
      // Already stopped by the test: nothing left to stop.
      if (!/server running/i.test(String(error))) console.warn(`stopping the throwaway cluster: ${String(error)}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run that ends abruptly (a crash, a cancelled suite) must not leave a server behind.
  process.once('exit', destroy);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

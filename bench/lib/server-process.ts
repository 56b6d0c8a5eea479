// The server under test runs in its own process, exactly as deployed (its entry point, production
// settings, JSON logs at info), so the load generator never shares its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sleep } from './stats.js';

/** How to launch the server: node arguments before the script, and a label for the report. */
export interface Entry {
  label: string;
  args: string[];
}

/** What one server instance runs on. */
export interface ServerSpec {
  entry: Entry;
  port: number;
  dataDir: string;
  /** Postgres when set, else PGlite in dataDir. */
  databaseUrl?: string;
  secret: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/** A started server. */
export interface RunningServer {
  url: string;
  pid: number;
  /** Spawn to the first /health 200, in ms. */
  startupMs: number;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): number;
  stderr(): string;
  /** SIGTERM and wait for exit (the server drains and closes its database). */
  stop(): Promise<number | null>;
}

/** The tsx entry (what `npm run dev` and the tests run). */
export const tsxEntry: Entry = { label: 'node --import tsx src/main.ts', args: ['--import', 'tsx', 'src/main.ts'] };

/** Spawn the server and wait until /health answers 200. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const url = `http://127.0.0.1:${spec.port}`;
  const webDist = path.resolve('web/dist');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(spec.port),
    PUBLIC_URL: url,
    DATA_DIR: spec.dataDir,
    BETTER_AUTH_SECRET: spec.secret,
    MODEL_PROVIDER: 'local',
    LOG_LEVEL: 'info',
    // The benchmark signs up dozens of users from one address; the per-IP auth limit would refuse them.
    AUTH_RATE_LIMIT_MAX: '1000000',
    JWT_TTL_SECONDS: '7200',
    ...(spec.databaseUrl ? { DATABASE_URL: spec.databaseUrl } : {}),
    // BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=256 measures the server as the container image runs it.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    ...(existsSync(path.join(webDist, 'index.html')) ? { WEB_DIST_DIR: webDist } : {}),
  };
  const started = performance.now();
  // stdout (one JSON line per request) goes to /dev/null: the cost of writing it stays, the pipe does not.
  const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), ...spec.entry.args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await sleep(10);
  }
  const startupMs = performance.now() - started;
  if (child.pid === undefined || Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`server did not become healthy: ${stderr}`);
  }
  const pid = child.pid;
  return { url, pid, startupMs, rssMb: () => readRssMb(pid), stderr: () => stderr, stop: () => stopChild(child) };
}

function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

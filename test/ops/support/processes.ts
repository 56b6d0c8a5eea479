// The real entry point as a child process, on a Postgres database of its own: what the drain and
// two-instance tests run against (the same start-up path as production, through tsx).
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { z } from 'zod';

/** The admin URL of the test Postgres server, or undefined (Postgres-only tests then skip). */
export const adminUrl = process.env.TEST_DATABASE_URL;

/** Why Postgres-only tests skip, shown by the runner. */
export const skipWithoutPostgres = adminUrl ? false : 'TEST_DATABASE_URL is not set: this test needs a Postgres server';

/** Create an empty database (no migrations: the server runs them) and return its URL and a drop. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `todo_ops_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)) };
}

async function admin(fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

const logLine = z.record(z.string(), z.unknown());

/** A spawned server: its URL, everything it printed, and how to stop it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** stdout and stderr so far. */
  output(): string;
  /** JSON log lines so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit code (SIGKILL after 30 s). */
  stop(): Promise<number | null>;
}

/** Spawn `src/main.ts` with the given environment; resolve once /health/ready answers 200. */
export async function spawnServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    child,
    url,
    output: () => output,
    logLines: () => output.split('\n').filter((l) => l.startsWith('{')).map((l) => logLine.parse(JSON.parse(l))),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.status === 200, () => false);
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${output}`);
}

/** A user signed up over HTTP, with a JWT for the API. */
export interface HttpUser {
  id: string;
  jwt: string;
  headers: { authorization: string; 'content-type': string };
}

/** Sign up a fresh user against a running server (`origin` must be its PUBLIC_URL). */
export async function signUpOver(url: string, origin: string): Promise<HttpUser> {
  const email = `ops-${randomBytes(5).toString('hex')}@example.com`;
  const res = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: 'Ops', email, password: 'a long enough password' }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { user } = z.object({ user: z.object({ id: z.string() }) }).parse(await res.json());
  const token = await fetch(`${url}/api/auth/token`, { headers: { authorization: `Bearer ${res.headers.get('set-auth-token')}` } });
  const { token: jwt } = z.object({ token: z.string() }).parse(await token.json());
  return { id: user.id, jwt, headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' } };
}

// Several instances of the real entry point (src/main.ts) on one database, as a horizontally scaled
// deployment runs: a test spreads its users across them and so also proves the server keeps no state.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../helpers/test-app.js';

/** One running instance. */
export interface Instance {
  url: string;
  /** Log lines at level error or fatal so far (JSON strings). */
  errors(): string[];
  /** The last 10 kB of stderr (where an uncaught exception is printed). */
  stderr(): string;
  /** The exit code once the process has ended, else null. */
  exitCode(): number | null;
  /** Everything written to stdout and stderr (the first 20 MB), to search for leaked secrets. */
  output(): string;
}

/** A group of instances sharing a database, secret and public URL. */
export interface Fleet {
  instances: Instance[];
  /** The public URL every instance signs tokens for (the first instance's address). */
  publicUrl: string;
  /** SIGTERM every instance; resolves with their exit codes. */
  stop(): Promise<Array<number | null>>;
}

async function waitHealthy(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited ${child.exitCode}: ${stderr()}`);
    if (await fetch(`${url}/health`).then((r) => r.status === 200, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance at ${url} did not become healthy: ${stderr()}`);
}

/** Start `count` instances of `node --import tsx src/main.ts` on `databaseUrl`. */
export async function startFleet(count: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Fleet> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const secret = randomBytes(32).toString('base64');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stress-fleet-'));
  const children: ChildProcess[] = [];
  const instances: Instance[] = [];
  // A test run that ends abruptly must not leave servers behind.
  const killAll = () => children.forEach((child) => child.kill('SIGKILL'));
  process.once('exit', killAll);
  try {
    for (const port of ports) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          PORT: String(port),
          PUBLIC_URL: publicUrl,
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: '10',
          BETTER_AUTH_SECRET: secret,
          MODEL_PROVIDER: 'local',
          AUTH_RATE_LIMIT_MAX: '100000',
          JWT_TTL_SECONDS: '3600',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const errors: string[] = [];
      let stderr = '';
      let pending = '';
      let output = '';
      const keep = (chunk: Buffer) => {
        if (output.length < 20_000_000) output += chunk.toString();
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.stdout?.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split('\n');
        pending = lines.pop() ?? '';
        errors.push(...lines.filter((line) => /"level":"(error|fatal)"/.test(line)));
      });
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
      const url = `http://127.0.0.1:${port}`;
      // Start them one by one: the first runs the migrations, the others find them applied.
      await waitHealthy(url, child, () => stderr);
      instances.push({ url, errors: () => [...errors], stderr: () => stderr, exitCode: () => child.exitCode, output: () => output });
    }
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    instances,
    publicUrl,
    async stop() {
      const codes = await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null) return Promise.resolve(child.exitCode);
          const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
          child.kill('SIGTERM');
          return exited;
        }),
      );
      process.removeListener('exit', killAll);
      rmSync(dataDir, { recursive: true, force: true });
      return codes;
    },
  };
}

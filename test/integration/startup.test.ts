import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { freePort } from '../helpers/test-app.js';

/** Start the real entry point; resolve once /health answers 200. */
async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; url: string; stderr: () => string; stdout: () => string }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) return { child, url, stderr: () => stderr, stdout: () => stdout };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy: ${stderr}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('start-up', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-start-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a fresh DATA_DIR serves /health 200; a restart keeps the data; SIGTERM exits 0', async () => {
    // Same port both times: the JWT issuer is the public URL, which defaults to http://localhost:PORT.
    const port = await freePort();
    const first = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, port);
    // Regression: the server printed http://127.0.0.1:PORT and signing up there was 403 "Invalid origin".
    const messages = first.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => String((JSON.parse(l) as { msg: unknown }).msg));
    const ready = messages.filter((m) => m.startsWith('server ready'));
    assert.deepEqual(ready, [`server ready: open http://localhost:${port}`], 'one URL to open');
    assert.ok(messages.includes(`listening on ${first.url}`), messages.join('\n'));
    const email = `start-${Date.now()}@example.com`;
    const signUp = await fetch(`${first.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url, cookie: 'better-auth.session_token=none' },
      body: JSON.stringify({ name: 'Start', email, password: 'a long enough password' }),
    });
    assert.equal(signUp.status, 200, await signUp.clone().text());
    const { user } = (await signUp.json()) as { user: { id: string } };
    const jwt = ((await (await fetch(`${first.url}/api/auth/token`, { headers: { authorization: `Bearer ${signUp.headers.get('set-auth-token')}` } })).json()) as { token: string }).token;
    const created = await fetch(`${first.url}/api/${user.id}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Survive a restart' }),
    });
    assert.equal(created.status, 201);
    assert.equal(await stop(first.child), 0);

    const second = await startServer({ DATA_DIR: dataDir }, port);
    try {
      // The generated development secret was kept, so the JWT minted before the restart still verifies.
      const list = await fetch(`${second.url}/api/${user.id}/tasks`, { headers: { authorization: `Bearer ${jwt}` } });
      assert.equal(list.status, 200);
      assert.deepEqual(((await list.json()) as { title: string }[]).map((x) => x.title), ['Survive a restart']);
    } finally {
      assert.equal(await stop(second.child), 0);
    }
  });

  test('a second server on the same DATA_DIR stops with one line naming the fixes, the first keeps serving', async () => {
    const port = await freePort();
    const first = await startServer({ DATA_DIR: dataDir }, port);
    try {
      const second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(await freePort()) } });
      let stderr = '';
      second.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      second.stdout.resume();
      assert.equal(await new Promise<number | null>((resolve) => second.once('exit', resolve)), 1);
      assert.match(stderr, /^Start-up error: DATA_DIR .* is in use by process \d+/);
      assert.equal((await fetch(`${first.url}/health`)).status, 200);
    } finally {
      assert.equal(await stop(first.child), 0);
    }
  });

  test('bad configuration stops start-up with one line naming the variable and the fix', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ NODE_ENV: 'production' }, /BETTER_AUTH_SECRET is missing: set it to 32\+ random characters/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL is invalid: must be a postgres:\/\/ or postgresql:\/\/ URL/],
      [{ PORT: 'eighty' }, /PORT is invalid/],
      [{ CORS_ORIGINS: 'not an origin' }, /CORS_ORIGINS is invalid/],
      [{ MODEL_PROVIDER: 'openai' }, /OPENAI_API_KEY is missing/],
    ];
    for (const [env, expected] of cases) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 1, JSON.stringify(env));
      assert.match(stderr, expected);
      assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
    }
  });
});

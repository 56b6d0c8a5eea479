// The server as it ships: dist/main.js is an esbuild bundle (tools/build/bundle-server.ts), not the tsc output the
// rest of the suite exercises through src/. This runs the bundle as a process: the smoke checks on the embedded
// database with a log file (pino's worker thread), the MCP endpoint, the OpenAI provider (a chunk loaded on
// demand), and SIGTERM; and it pins which packages the bundle still takes from node_modules.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { runSmoke } from '../../tools/smoke/run.js';
import { SmokeClient } from '../../tools/smoke/client.js';
import { signUp } from '../../tools/smoke/session.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { ensureServerBuild, ROOT } from '../helpers/server-build.js';
import { freePort } from '../helpers/test-app.js';

/**
 * What the bundle may still import from node_modules: packages that read their own files at run time (pino-roll too,
 * which pino's worker loads by name), and ws's optional add-ons bufferutil and utf-8-validate, which are absent.
 */
const EXTERNAL = ['@electric-sql/pglite', '@sentry/node', 'bufferutil', 'pg-native', 'pino', 'utf-8-validate'];

interface Running {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Start `node dist/main.js` on a new DATA_DIR and wait for /health/ready. */
async function startBundle(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'info', BETTER_AUTH_SECRET: 'bundle-test-secret-0123456789abcdef', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the bundle exited ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (waited > 60_000) throw new Error(`the bundle did not get ready in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, output: () => output };
}

/** SIGTERM, and the exit code of the graceful drain. */
async function stop(running: Running): Promise<number | null> {
  if (running.child.exitCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGTERM');
  return exited;
}

describe('the server bundle (dist/main.js)', () => {
  const dirs: string[] = [];
  before(async () => {
    await ensureServerBuild('dist/main.js');
  });
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'todo-bundle-'));
    dirs.push(dir);
    return dir;
  };

  test('takes from node_modules only the packages that read their own files; the lazy parts are chunks', () => {
    // The build's own record (esbuild's metafile) of every import it left to Node at run time.
    const imports = z.array(z.string()).parse(JSON.parse(readFileSync(path.join(ROOT, 'dist/main.imports.json'), 'utf8')));
    const packages = new Set(
      imports.filter((i) => !i.startsWith('node:') && !builtinModules.includes(i.split('/')[0] ?? i)).map((i) => (i.startsWith('@') ? i.split('/').slice(0, 2).join('/') : (i.split('/')[0] ?? i))),
    );
    assert.deepEqual([...packages].sort(), EXTERNAL, `packages the bundle imports at run time: ${[...packages].join(', ')}`);
    const chunks = readdirSync(path.join(ROOT, 'dist/chunks')).filter((f) => f.endsWith('.js'));
    assert.ok(chunks.length > 1, 'the agent runtime and the providers are chunks loaded on demand');
    // What Node loads at start: main.js and the chunks it imports statically, transitively (import() excluded).
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) visit(path.resolve(path.dirname(file), match[1] ?? ''));
    };
    visit(path.join(ROOT, 'dist/main.js'));
    assert.ok(loaded.size > 1 && loaded.size < chunks.length, `start-up loads ${loaded.size} of ${chunks.length + 1} files`);
    const openaiClient = [...loaded].filter((file) => readFileSync(file, 'utf8').includes('https://api.openai.com/v1'));
    assert.deepEqual(openaiClient, [], 'the OpenAI client loads only with MODEL_PROVIDER=openai');
  });

  test('on the embedded database with a log file: the smoke checks pass, /mcp answers, SIGTERM exits 0', async () => {
    const dataDir = tempDir();
    const logFile = path.join(tempDir(), 'app.log');
    const running = await startBundle({ DATA_DIR: dataDir, LOG_FILE: logFile });
    try {
      const report = await runSmoke({ url: running.url, maxChatMs: 30_000, maxDbLatencyMs: 1_000, timeoutMs: 30_000 });
      const failed = report.results.filter((r) => !r.ok).map((r) => `${r.title}: ${r.detail}`);
      assert.deepEqual(failed, [], running.output());
      assert.equal(report.results.length, 12);

      const client = new SmokeClient(`${running.url}/`, running.url, 30_000);
      const user = await signUp(client, `bundle-${Date.now()}@example.com`, 'correct horse battery staple');
      const mcp = new Client({ name: 'bundle-test', version: '1.0.0' });
      await mcp.connect(new StreamableHTTPClientTransport(new URL(`${running.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${user.jwt}` } } }));
      try {
        const tools = await mcp.listTools();
        assert.deepEqual(tools.tools.map((t) => t.name).filter((n) => ['add_task', 'list_tasks', 'complete_task', 'delete_task', 'update_task'].includes(n)).sort(), [
          'add_task',
          'complete_task',
          'delete_task',
          'list_tasks',
          'update_task',
        ]);
        const added = await mcp.callTool({ name: 'add_task', arguments: { title: 'from the bundle' } });
        assert.equal(added.isError ?? false, false, JSON.stringify(added.content));
      } finally {
        await mcp.close();
      }
    } finally {
      assert.equal(await stop(running), 0, running.output());
    }
    const lines = readdirSync(path.dirname(logFile))
      .flatMap((f) => readFileSync(path.join(path.dirname(logFile), f), 'utf8').split('\n'))
      .filter(Boolean);
    assert.ok(lines.some((l) => /server ready/.test(l)), `the log file has the ready line: ${lines.slice(0, 3).join('\n')}`);
  });

  test('with MODEL_PROVIDER=openai the provider chunk loads and a turn reaches the provider', async () => {
    const provider = await startFakeOpenAI(() => ({ kind: 'text', text: 'Hello from the provider.' }));
    const running = await startBundle({ DATA_DIR: tempDir(), MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-bundle-test', OPENAI_BASE_URL: provider.url });
    try {
      const client = new SmokeClient(`${running.url}/`, running.url, 30_000);
      const user = await signUp(client, `bundle-openai-${Date.now()}@example.com`, 'correct horse battery staple');
      const res = await fetch(`${running.url}/api/${user.id}/chat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'hello' }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(((await res.json()) as { response: string }).response, 'Hello from the provider.');
      assert.equal(provider.requests.length, 1);
      assert.ok(!running.output().includes('sk-bundle-test'), 'the key never reaches a log line');
    } finally {
      assert.equal(await stop(running), 0, running.output());
      await provider.close();
    }
  });
});

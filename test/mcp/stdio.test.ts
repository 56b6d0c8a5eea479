import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { createRuntime } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { TaskService } from '../../src/domain/tasks/service.js';
import { createLogger } from '../../src/observability/logger.js';
import { readVersion } from '../../src/version.js';
import { ensureServerBuild } from '../helpers/server-build.js';
import { pgliteTemplate } from '../helpers/db.js';
import { buildTestApp, testDrivers, type Driver } from '../helpers/test-app.js';
import { callTool, expectChange, expectList, expectToolError, TOOL_NAMES } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const entry = path.join(repoRoot, 'src/cli/mcp-stdio.ts');
const nodeArgs = (email?: string) => ['--import', 'tsx', entry, ...(email === undefined ? [] : ['--user', email])];

/** A database the child process can open, with one signed-up user, and a way to look at it from the test. */
interface Prepared {
  env: Record<string, string>;
  email: string;
  userId: string;
  /** Run against the same database (PGlite: only while no child holds it). */
  withTasks<T>(fn: (tasks: TaskService) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

const silentLogger = () =>
  createLogger({ level: 'warn', version: 'test', environment: 'test', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

/** PGlite: a DATA_DIR on disk, migrated, with a user signed up through Better Auth, then closed for the child. */
async function preparePglite(): Promise<Prepared> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-mcp-stdio-'));
  const email = `stdio-${process.pid}@example.com`;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, BETTER_AUTH_SECRET: 'stdio-test-secret-stdio-test-secret-0123' }, 'test');
  const runtime = await createRuntime(config, { logger: silentLogger(), database: { template: new Blob([await pgliteTemplate()]) } });
  const { user } = await runtime.auth.api.signUpEmail({ body: { name: 'Stdio', email, password: 'correct horse battery staple' } });
  await runtime.close();
  return {
    env: { DATA_DIR: dataDir },
    email,
    userId: user.id,
    async withTasks(fn) {
      const reopened = await createRuntime(config, { logger: silentLogger() });
      try {
        return await fn(reopened.tasks);
      } finally {
        await reopened.close();
      }
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Postgres: the test app's own database, shared live with the child. */
async function preparePostgres(): Promise<Prepared> {
  const t = await buildTestApp({ driver: 'postgres' });
  const user = await t.signUp();
  assert.ok(t.databaseUrl);
  return {
    env: { DATABASE_URL: t.databaseUrl, DATA_DIR: path.join(os.tmpdir(), 'todo-mcp-stdio-unused') },
    email: user.email,
    userId: user.id,
    withTasks: (fn) => fn(t.deps.tasks),
    dispose: () => t.close(),
  };
}

const prepare = (driver: Driver) => (driver === 'pglite' ? preparePglite() : preparePostgres());

/** The child's environment: PATH/HOME and the database settings only, so the runner's DATABASE_URL never leaks in. */
function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: 'test', LOG_LEVEL: 'info', ...extra };
  for (const key of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/** Spawn the real command with raw pipes; resolves with its exit code and everything it wrote. */
/** Every CLI a test started: killed when the file ends, so a test that failed half-way cannot hold the run open. */
const spawned = new Set<ChildProcess>();

function spawnCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  // Generous: a cold PGlite open took 36 s on a loaded 2-core box (the child writes nothing until then).
  const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 120_000) => {
    const started = Date.now();
    while (!predicate()) {
      if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        assert.fail(`timed out waiting for ${what}; stderr: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, exited, waitFor, stdout: () => stdout, stderr: () => stderr };
}

for (const driver of testDrivers) {
  describe(`MCP over stdio: npm run mcp -- --user <email> (${driver})`, () => {
    let prepared: Prepared;
    before(async () => {
      prepared = await prepare(driver);
    });
    after(() => {
      spawned.forEach((child) => child.kill('SIGKILL'));
      return prepared.dispose();
    });

    test('a real MCP client spawns the command, lists the tools and calls them for that user', async () => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: nodeArgs(prepared.email),
        cwd: repoRoot,
        env: childEnv(prepared.env),
        stderr: 'pipe',
      });
      let stderr = '';
      transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const client = new Client({ name: 'stdio-test', version: '1.0.0' });
      const transportErrors: Error[] = [];
      client.onerror = (error) => transportErrors.push(error);
      await client.connect(transport);

      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOL_NAMES);
      const added = expectChange(await callTool(client, 'add_task', { title: 'From the desktop' }), 'created');
      expectChange(await callTool(client, 'complete_task', { task_id: added.task_id }), 'completed');
      assert.deepEqual(expectList(await callTool(client, 'list_tasks', { status: 'completed' })).map((task) => task.id), [added.task_id]);
      expectToolError(await callTool(client, 'delete_task', { task_id: 2_000_000_000 }), /^Task 2000000000 not found$/);
      expectToolError(await callTool(client, 'add_task', { title: 'x', user_id: 'someone-else' }), /user_id does not match/);

      await client.close();
      assert.match(stderr, /shutting down: stdin ended/, 'the server stops on stdin end, before the client resorts to SIGTERM');
      assert.deepEqual(transportErrors, [], 'nothing but JSON-RPC arrived on stdout');
      assert.match(stderr, /MCP server ready on stdio/);

      const row = await prepared.withTasks((tasks) => tasks.get(prepared.userId, added.task_id));
      assert.deepEqual([row.title, row.completed, row.user_id], ['From the desktop', true, prepared.userId]);
    });

    test('issue 17: the built CLI runs from the image layout with NODE_ENV=production and no auth secret, and reports the app version', async () => {
      await ensureServerBuild('dist/cli/mcp-stdio.js');
      // The Docker runtime stage: package.json, dist/ and node_modules, no src/ (and so no tsx path).
      const image = mkdtempSync(path.join(os.tmpdir(), 'todo-mcp-image-'));
      try {
        copyFileSync(path.join(repoRoot, 'package.json'), path.join(image, 'package.json'));
        symlinkSync(path.join(repoRoot, 'dist'), path.join(image, 'dist'));
        symlinkSync(path.join(repoRoot, 'node_modules'), path.join(image, 'node_modules'));
        const env = childEnv({ ...prepared.env, NODE_ENV: 'production' });
        for (const [command, args] of [
          ['npm', ['run', '--silent', 'mcp', '--', '--user', prepared.email]],
          [process.execPath, ['dist/cli/mcp-stdio.js', '--user', prepared.email]],
        ] as const) {
          const transport = new StdioClientTransport({ command, args: [...args], cwd: image, env, stderr: 'pipe' });
          let stderr = '';
          transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
          const client = new Client({ name: 'stdio-built-test', version: '1.0.0' });
          const transportErrors: Error[] = [];
          client.onerror = (error) => transportErrors.push(error);
          try {
            // The child opens the database before it answers initialize: a cold PGlite open took 36 s on a loaded CI box.
            await client.connect(transport, { timeout: 180_000 });
            assert.equal(client.getServerVersion()?.version, readVersion(), `${command}: the app's version, not 0.0.0`);
            assert.notEqual(readVersion(), '0.0.0');
            const { tools } = await client.listTools();
            assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOL_NAMES, stderr);
            expectList(await callTool(client, 'list_tasks'));
          } finally {
            // Also on failure: a child left running would hold the PGlite data directory for the next tests.
            await client.close();
          }
          assert.deepEqual(transportErrors, [], `${command}: nothing but JSON-RPC on stdout`);
          assert.doesNotMatch(stderr, /BETTER_AUTH_SECRET/);
        }
      } finally {
        rmSync(image, { recursive: true, force: true });
      }
    });

    test('every stdout line is JSON-RPC, junk on stdin is ignored, and the process exits 0 when stdin ends', async () => {
      const cli = spawnCli(nodeArgs(prepared.email), childEnv(prepared.env));
      const send = (message: object | string) => cli.child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
      const responses = () => cli.stdout().split('\n').filter(Boolean).length;
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send('this is not json');
      send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'add_task', arguments: { title: 'Raw pipe' } } });
      send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'add_task', arguments: { title: { $gt: '' } } } });
      send({ jsonrpc: '2.0', id: 5, method: 'no/such/method' });
      await cli.waitFor(() => responses() >= 5, 'five responses');
      cli.child.stdin.end();
      const { code } = await cli.exited;
      assert.equal(code, 0, cli.stderr());

      const lines = cli.stdout().split('\n').filter(Boolean);
      const messages = lines.map((line) => JSONRPCMessageSchema.parse(JSON.parse(line)));
      const byId = new Map(messages.map((m) => ['id' in m ? m.id : undefined, m]));
      assert.deepEqual([...byId.keys()].sort(), [1, 2, 3, 4, 5]);
      assert.ok('result' in (byId.get(3) ?? {}), 'add_task answered');
      const invalid = byId.get(4);
      assert.ok(invalid && 'result' in invalid && invalid.result.isError === true, 'bad arguments are a tool error');
      assert.ok(byId.get(5) && 'error' in (byId.get(5) ?? {}), 'unknown method is a JSON-RPC error');
      assert.match(cli.stderr(), /ignored a malformed message/);
    });

    test('SIGTERM closes the database and exits 0', async () => {
      const cli = spawnCli(nodeArgs(prepared.email), childEnv(prepared.env));
      await cli.waitFor(() => /ready/.test(cli.stderr()), 'the ready line');
      cli.child.kill('SIGTERM');
      const { code } = await cli.exited;
      assert.equal(code, 0, cli.stderr());
      assert.match(cli.stderr(), /shutting down: SIGTERM/);
      assert.equal(cli.stdout(), '');
      // PGlite: the data directory reopens cleanly, so the child did close it.
      assert.ok((await prepared.withTasks((tasks) => tasks.count(prepared.userId))) >= 1);
    });

    test('an unknown user or a missing --user exits non-zero with a clear message on stderr and nothing on stdout', async () => {
      const unknown = spawnCli(nodeArgs('nobody@example.com'), childEnv(prepared.env));
      unknown.child.stdin.end();
      assert.equal((await unknown.exited).code, 1);
      assert.match(unknown.stderr(), /No user with email nobody@example\.com: sign up/);
      assert.equal(unknown.stdout(), '');

      const missing = spawnCli(nodeArgs(), childEnv(prepared.env));
      missing.child.stdin.end();
      assert.equal((await missing.exited).code, 2);
      assert.match(missing.stderr(), /--user is missing.*Usage: npm run mcp -- --user <email>/);
      assert.equal(missing.stdout(), '');
    });
  });
}

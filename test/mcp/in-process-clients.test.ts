import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, describe, test } from 'node:test';
import { InProcessMcpServer } from '../../src/agent/mcp-bridge.js';
import { createInProcessMcpClients, type InProcessMcpClients } from '../../src/mcp/in-process-clients.js';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { callTool, expectChange, expectList, expectToolError } from './helpers.js';

/** The text of the single text part an InProcessMcpServer call returns. */
function textOf(content: Awaited<ReturnType<InProcessMcpServer['callTool']>>): string {
  const [part] = content;
  assert.ok(content.length === 1 && part?.type === 'text' && typeof part.text === 'string', `expected one text part, got ${JSON.stringify(content)}`);
  return part.text;
}

for (const driver of testDrivers) {
  describe(`in-process MCP clients kept across turns (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let clients: InProcessMcpClients;
    const reported: unknown[] = [];

    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp({ name: 'Alice' });
      bob = await t.signUp({ name: 'Bob' });
      clients = createInProcessMcpClients({ tasks: t.deps.tasks, reportError: (error) => reported.push(error) });
    });
    after(async () => {
      await clients.close();
      await t.close();
      assert.deepEqual(reported, [], 'no tool hit an internal error');
    });

    /** One turn's tools for `user` over the shared clients; closed when `body` is done, as the chat does. */
    async function turn<T>(user: TestUser, body: (tools: InProcessMcpServer) => Promise<T>): Promise<T> {
      const tools = new InProcessMcpServer(clients, user.id);
      await tools.connect();
      try {
        return await body(tools);
      } finally {
        await tools.close();
      }
    }

    test("the tool list the agent sees is each user's server's own tools/list", async () => {
      for (const user of [alice, bob]) {
        const seen = await turn(user, (tools) => tools.listTools());
        const { client, close } = await createInProcessMcpClient({ user: { id: user.id }, tasks: t.deps.tasks });
        try {
          const { tools } = await client.listTools();
          assert.deepEqual(
            seen,
            tools.map((tool) => ({
              name: tool.name,
              description: tool.description,
              inputSchema: { type: 'object', properties: tool.inputSchema.properties, required: tool.inputSchema.required ?? [], additionalProperties: false },
            })),
          );
        } finally {
          await close();
        }
      }
    });

    test('two users taking turns over the shared clients each see and change only their own tasks', async () => {
      const added = await turn(alice, async (tools) => JSON.parse(textOf(await tools.callTool('add_task', { title: 'Alice secret plan' }))) as { task_id: number });
      const bobsView = await turn(bob, async (tools) => textOf(await tools.callTool('list_tasks', {})));
      assert.doesNotMatch(bobsView, /Alice secret plan/);
      const bobCompletes = await turn(bob, (tools) => tools.callTool('complete_task', { task_id: added.task_id }));
      assert.equal(bobCompletes.isError, true, 'Bob cannot complete Alice’s task by id');
      const bobClaims = await turn(bob, (tools) => tools.callTool('list_tasks', { user_id: alice.id }));
      assert.equal(bobClaims.isError, true, 'a user_id naming someone else is refused');
      const alicesView = await turn(alice, async (tools) => textOf(await tools.callTool('list_tasks', {})));
      assert.match(alicesView, /Alice secret plan/);
      assert.equal((await t.deps.tasks.get(alice.id, added.task_id)).completed, false);
    });

    test('concurrent turns of different users interleave without crossing', async () => {
      const users = [alice, bob, alice, bob, alice, bob];
      const results = await Promise.all(
        users.map((user, i) => turn(user, async (tools) => {
          await tools.callTool('add_task', { title: `Parallel ${user.name} ${i}` });
          return textOf(await tools.callTool('list_tasks', { query: 'Parallel' }));
        })),
      );
      results.forEach((listed, i) => {
        const other = users[i] === alice ? 'Bob' : 'Alice';
        assert.doesNotMatch(listed, new RegExp(`Parallel ${other}`), `turn ${i} saw ${other}'s tasks: ${listed}`);
      });
    });

    test("a user's connection is kept for their next turn and shared by their concurrent turns; each user has their own", async () => {
      const [first, second] = await Promise.all([clients.forUser(alice.id), clients.forUser(alice.id)]);
      assert.equal(first, second, 'concurrent first turns share one connection');
      assert.equal(await clients.forUser(alice.id), first, 'the next turn reuses it');
      assert.notEqual(await clients.forUser(bob.id), first);
      // Closing a turn leaves the kept connection open for the next one.
      await turn(alice, async (tools) => tools.listTools());
      expectList(await callTool(first, 'list_tasks'));
    });

    test('the tools are listed once for all users', async () => {
      assert.equal(await clients.tools(alice.id), await clients.tools(bob.id));
    });

    test('beyond maxUsers the least recently used connection is dropped, and a turn still holding it can finish', async () => {
      const small = createInProcessMcpClients({ tasks: t.deps.tasks, maxUsers: 2 });
      try {
        const carol = await t.signUp({ name: 'Carol' });
        const alices = await small.forUser(alice.id);
        const bobs = await small.forUser(bob.id);
        assert.equal(await small.forUser(alice.id), alices, 'a hit makes Alice the most recent');
        await small.forUser(carol.id);
        assert.equal(await small.forUser(alice.id), alices, 'Alice was used more recently than Bob and is kept');
        assert.notEqual(await small.forUser(bob.id), bobs, 'Bob was dropped and gets a new connection');
        expectChange(await callTool(bobs, 'add_task', { title: 'Finished on a dropped connection' }), 'created');
      } finally {
        await small.close();
      }
    });

    // The chat runs a turn's writes in a transaction the domain finds through AsyncLocalStorage: a kept
    // connection must run each tool in the async context of the call, not of the turn that connected it.
    test("a tool runs in the caller's async context, not the one its kept connection was made in", async () => {
      const context = new AsyncLocalStorage<string>();
      const seen: Array<string | undefined> = [];
      const tasks: typeof t.deps.tasks = {
        ...t.deps.tasks,
        list: (userId, input) => {
          seen.push(context.getStore());
          return t.deps.tasks.list(userId, input);
        },
      };
      const traced = createInProcessMcpClients({ tasks });
      try {
        const client = await context.run('first turn', () => traced.forUser(alice.id));
        await context.run('second turn', () => callTool(client, 'list_tasks'));
        await Promise.all(['a', 'b', 'c'].map((turn) => context.run(turn, () => callTool(client, 'list_tasks'))));
        await callTool(client, 'list_tasks');
        assert.equal(seen.length, 5);
        assert.equal(seen[0], 'second turn');
        assert.deepEqual(seen.slice(1, 4).sort(), ['a', 'b', 'c']);
        assert.equal(seen[4], undefined, 'a call made outside any context sees none');
      } finally {
        await traced.close();
      }
    });

    test('after close() the clients refuse new turns', async () => {
      const short = createInProcessMcpClients({ tasks: t.deps.tasks });
      const client = await short.forUser(alice.id);
      await short.close();
      await assert.rejects(short.forUser(alice.id), /after close/);
      await assert.rejects(callTool(client, 'list_tasks'));
    });

    test('a tool error still comes back as data through a kept connection', async () => {
      const result = await turn(alice, (tools) => tools.callTool('delete_task', { task_id: 2_000_000_000 }));
      assert.equal(result.isError, true);
      expectToolError(await callTool(await clients.forUser(alice.id), 'delete_task', { task_id: 2_000_000_000 }), /not found/i);
    });
  });
}

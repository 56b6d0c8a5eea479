import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { InProcessMcpServer } from '../../src/agent/mcp-bridge.js';
import { createInProcessMcpClients, type InProcessMcpClients } from '../../src/mcp/in-process-clients.js';
import { DomainLoans } from '../../src/mcp/tool-work.js';
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
      clients = createInProcessMcpClients({ work: () => t.deps.toolWork, reportError: (error) => reported.push(error) });
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
        const { client, close } = await createInProcessMcpClient({ user: { id: user.id }, work: t.deps.toolWork });
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
      const small = createInProcessMcpClients({ work: () => t.deps.toolWork, maxUsers: 2 });
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

    // The chat runs a turn's changes in its own transaction and lends that transaction's domain to one tool call
    // at a time, named in the request's _meta: a kept connection must use the loan of the call, and only its user's.
    test("a change runs on the domain lent to that call and to that user; other calls use a transaction of their own", async () => {
      const loans = new DomainLoans();
      const lentCalls: string[] = [];
      const lent = (label: string) => ({
        ...t.deps.domain,
        tasks: { ...t.deps.tasks, create: (userId: string, input: Parameters<typeof t.deps.tasks.create>[1]) => (lentCalls.push(label), t.deps.tasks.create(userId, input)) },
      });
      const traced = createInProcessMcpClients({ work: (userId) => loans.work(userId, t.deps.toolWork) });
      try {
        const alices = await traced.forUser(alice.id);
        const bobs = await traced.forUser(bob.id);
        const add = (client: typeof alices, title: string, meta?: Record<string, string>) =>
          client.callTool({ name: 'add_task', arguments: { title }, ...(meta ? { _meta: meta } : {}) });
        await loans.lend(alice.id, lent('alice turn'), (meta) => add(alices, 'Lent to Alice', meta));
        await add(alices, 'No loan');
        await loans.lend(alice.id, lent('stolen'), (meta) => add(bobs, 'Bob with Alice loan', meta));
        const stale: Record<string, string> = await loans.lend(alice.id, lent('expired'), async (meta) => meta);
        await add(alices, 'After the loan ended', stale);
        assert.deepEqual(lentCalls, ['alice turn'], "only Alice's call during her loan used the lent domain");
        const titles = (await t.deps.tasks.list(bob.id)).map((task) => task.title);
        assert.ok(titles.includes('Bob with Alice loan'), "Bob's call ran on his own transaction");
      } finally {
        await traced.close();
      }
    });

    test('after close() the clients refuse new turns', async () => {
      const short = createInProcessMcpClients({ work: () => t.deps.toolWork });
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

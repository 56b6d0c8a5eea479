import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { numberBeyond } from '../helpers/seed-tasks.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { callTool, expectChange, expectList, expectRefused, expectToolError, fuzzCases, TOOL_NAMES } from './helpers.js';


for (const driver of testDrivers) {
  describe(`MCP tools over an in-memory transport (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let client: Client;
    let closeClient: () => Promise<void>;
    const reported: unknown[] = [];

    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp({ name: 'Alice' });
      bob = await t.signUp({ name: 'Bob' });
      ({ client, close: closeClient } = await createInProcessMcpClient({
        user: { id: alice.id },
        work: t.deps.toolWork,
        reportError: (error) => reported.push(error),
      }));
    });
    after(async () => {
      await closeClient();
      await t.close();
      assert.deepEqual(reported, [], 'no tool hit an internal error');
    });

    test('lists the five tools with input and output schemas and annotations, and no user_id', async () => {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOL_NAMES);
      for (const tool of tools) {
        assert.ok(tool.description && tool.description.length > 20, `${tool.name} has a description`);
        assert.equal(tool.inputSchema.type, 'object');
        assert.equal(tool.inputSchema.additionalProperties, false, `${tool.name} rejects unknown arguments`);
        assert.ok(!('user_id' in (tool.inputSchema.properties ?? {})), `${tool.name} does not ask the model for user_id`);
        assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has an output schema`);
        assert.equal(tool.annotations?.openWorldHint, false);
      }
      const byName = new Map(tools.map((tool) => [tool.name, tool]));
      assert.deepEqual(byName.get('add_task')?.inputSchema.required, ['title']);
      assert.equal(byName.get('list_tasks')?.inputSchema.required, undefined);
      for (const name of ['complete_task', 'delete_task', 'update_task']) assert.deepEqual(byName.get(name)?.inputSchema.required, ['task_id']);
      assert.equal(byName.get('list_tasks')?.annotations?.readOnlyHint, true);
      assert.equal(byName.get('delete_task')?.annotations?.destructiveHint, true);
      assert.equal(byName.get('add_task')?.annotations?.destructiveHint, false);
      assert.equal(byName.get('add_task')?.annotations?.idempotentHint, false);
      for (const name of ['complete_task', 'delete_task', 'update_task']) assert.equal(byName.get(name)?.annotations?.idempotentHint, true, name);
    });

    test('add_task creates a trimmed task for the bound user only', async () => {
      const added = expectChange(await callTool(client, 'add_task', { title: '  Buy milk  ', description: 'two litres' }), 'created');
      assert.equal(added.title, 'Buy milk');
      const row = await t.deps.tasks.get(alice.id, added.task_id);
      assert.deepEqual([row.user_id, row.title, row.description, row.completed], [alice.id, 'Buy milk', 'two litres', false]);
      await assert.rejects(t.deps.tasks.get(bob.id, added.task_id), /not found/);
    });

    test('list_tasks filters by status, newest first, as {"tasks": [...]} in structured content and the same JSON in text', async () => {
      const first = expectChange(await callTool(client, 'add_task', { title: 'Call mom' }), 'created');
      const second = expectChange(await callTool(client, 'add_task', { title: 'Water plants' }), 'created');
      await t.deps.tasks.complete(alice.id, first.task_id);
      const all = expectList(await callTool(client, 'list_tasks'));
      assert.deepEqual(all.map((task) => task.id), (await t.deps.tasks.list(alice.id)).map((task) => task.id));
      assert.equal(all[0]?.id, second.task_id, 'newest first');
      assert.deepEqual(expectList(await callTool(client, 'list_tasks', { status: 'all' })), all);
      const completed = expectList(await callTool(client, 'list_tasks', { status: 'completed' }));
      assert.deepEqual(completed.map((task) => task.id), [first.task_id]);
      const pending = expectList(await callTool(client, 'list_tasks', { status: 'pending' }));
      assert.ok(pending.every((task) => !task.completed) && pending.some((task) => task.id === second.task_id));
    });

    test('complete_task marks the task done, and again leaves it done', async () => {
      const { task_id } = expectChange(await callTool(client, 'add_task', { title: 'Pay rent' }), 'created');
      assert.deepEqual(expectChange(await callTool(client, 'complete_task', { task_id }), 'completed'), { task_id, status: 'completed', title: 'Pay rent' });
      assert.equal((await t.deps.tasks.get(alice.id, task_id)).completed, true);
      expectChange(await callTool(client, 'complete_task', { task_id }), 'completed');
      assert.equal((await t.deps.tasks.get(alice.id, task_id)).completed, true);
    });

    test('update_task changes title and description; null clears the description; nothing to change is a tool error', async () => {
      const { task_id } = expectChange(await callTool(client, 'add_task', { title: 'Book dentist', description: 'before May' }), 'created');
      const renamed = expectChange(await callTool(client, 'update_task', { task_id, title: 'Book the dentist' }), 'updated');
      assert.equal(renamed.title, 'Book the dentist');
      assert.equal((await t.deps.tasks.get(alice.id, task_id)).description, 'before May');
      expectChange(await callTool(client, 'update_task', { task_id, description: 'call at 9' }), 'updated');
      assert.equal((await t.deps.tasks.get(alice.id, task_id)).description, 'call at 9');
      expectChange(await callTool(client, 'update_task', { task_id, description: null }), 'updated');
      const row = await t.deps.tasks.get(alice.id, task_id);
      assert.deepEqual([row.title, row.description], ['Book the dentist', null]);
      expectToolError(await callTool(client, 'update_task', { task_id }), new RegExp(`^Nothing to update: .*task ${task_id}$`));
      // The tool's input schema is the domain's field rule (fields.ts): a blank title is refused before the domain is asked.
      expectToolError(await callTool(client, 'update_task', { task_id, title: '   ' }), /must not be empty at title$/);
    });

    test('delete_task removes the task; deleting it again is "Task N not found"', async () => {
      const { task_id } = expectChange(await callTool(client, 'add_task', { title: 'Old note' }), 'created');
      assert.deepEqual(expectChange(await callTool(client, 'delete_task', { task_id }), 'deleted'), { task_id, status: 'deleted', title: 'Old note' });
      await assert.rejects(t.deps.tasks.get(alice.id, task_id), /not found/);
      assert.equal(expectToolError(await callTool(client, 'delete_task', { task_id })), `Task ${task_id} not found`);
    });

    test('a missing task is a tool error with a plain message, for every tool that takes an id', async () => {
      for (const name of ['complete_task', 'delete_task']) {
        assert.equal(expectToolError(await callTool(client, name, { task_id: 2_147_483_647 })), 'Task 2147483647 not found');
      }
      assert.equal(expectToolError(await callTool(client, 'update_task', { task_id: 999_999, title: 'x' })), 'Task 999999 not found');
    });

    test("another user's task is 'not found' and their row is unchanged", async () => {
      await numberBeyond(t.deps.db.db, alice.id, bob.id);
      const bobTask = await t.deps.tasks.create(bob.id, { title: 'Bob secret', description: 'private' });
      const before = await t.deps.tasks.get(bob.id, bobTask.id);
      for (const [name, args] of [
        ['complete_task', { task_id: bobTask.id }],
        ['update_task', { task_id: bobTask.id, title: 'hacked' }],
        ['delete_task', { task_id: bobTask.id }],
      ] as const) {
        assert.equal(expectToolError(await callTool(client, name, args)), `Task ${bobTask.id} not found`, name);
      }
      assert.deepEqual(await t.deps.tasks.get(bob.id, bobTask.id), before);
      const listed = expectList(await callTool(client, 'list_tasks'));
      assert.ok(!listed.some((task) => task.id === bobTask.id || task.title === 'Bob secret'));
    });

    test("a user_id argument is tolerated when it is the caller's and refused otherwise", async () => {
      const own = expectChange(await callTool(client, 'add_task', { title: 'With my id', user_id: alice.id }), 'created');
      assert.equal((await t.deps.tasks.get(alice.id, own.task_id)).user_id, alice.id);
      const bobCount = await t.deps.tasks.count(bob.id);
      const aliceCount = await t.deps.tasks.count(alice.id);
      const bobTask = await t.deps.tasks.create(bob.id, { title: 'Bob only' });
      for (const [name, args] of [
        ['add_task', { title: 'Into Bob', user_id: bob.id }],
        ['list_tasks', { user_id: bob.id }],
        ['complete_task', { task_id: bobTask.id, user_id: bob.id }],
        ['delete_task', { task_id: bobTask.id, user_id: bob.id }],
        ['update_task', { task_id: bobTask.id, title: 'x', user_id: bob.id }],
      ] as const) {
        const message = expectToolError(await callTool(client, name, args), /user_id does not match the authenticated user/);
        assert.ok(!message.includes('Bob only'), 'nothing of the other user leaks');
      }
      assert.equal(await t.deps.tasks.count(bob.id), bobCount + 1);
      assert.equal(await t.deps.tasks.count(alice.id), aliceCount);
      assert.equal((await t.deps.tasks.get(bob.id, bobTask.id)).title, 'Bob only');
    });

    test('fuzzed arguments are refused cleanly (invalid params), nothing is stored, and the server keeps answering', async () => {
      const { task_id } = expectChange(await callTool(client, 'add_task', { title: 'Fuzz target' }), 'created');
      const before = await t.deps.tasks.list(alice.id);
      const bobBefore = await t.deps.tasks.list(bob.id);
      for (const [name, args] of fuzzCases(task_id)) {
        const outcome = await expectRefused(client, name, args);
        assert.ok(outcome.length > 0 && outcome.length < 5000, `a short message for ${name}: ${outcome.slice(0, 200)}`);
      }
      assert.match(await expectRefused(client, 'add_task', { title: 42 }), /MCP error -32602: Input validation error/);
      // zod drops an own "__proto__" key before any check sees it (Fastify refuses it outright over HTTP): the call
      // may succeed, but the key must have no effect.
      const proto = await callTool(client, 'add_task', JSON.parse('{"title":"Proto","__proto__":{"polluted":true,"title":"evil"}}'));
      const protoTask = expectChange(proto, 'created');
      assert.equal(protoTask.title, 'Proto');
      assert.equal(Object.hasOwn(Object.prototype, 'polluted'), false, 'no prototype pollution');
      await t.deps.tasks.remove(alice.id, protoTask.task_id);
      assert.deepEqual(await t.deps.tasks.list(alice.id), before);
      assert.deepEqual(await t.deps.tasks.list(bob.id), bobBefore);
      assert.ok(expectList(await callTool(client, 'list_tasks')).some((task) => task.id === task_id), 'still answering');
    });

    test('a database outage is a tool error that leaks no internals, and it is reported', async () => {
      const broken = await buildTestApp({ driver });
      const errors: unknown[] = [];
      const outage = await createInProcessMcpClient({
        user: { id: alice.id },
        work: broken.deps.toolWork,
        reportError: (error) => errors.push(error),
      });
      await broken.deps.db.close();
      try {
        for (const [name, args] of [['list_tasks', {}], ['add_task', { title: 'x' }], ['complete_task', { task_id: 1 }]] as const) {
          const message = expectToolError(await callTool(outage.client, name, args));
          assert.match(message, /unavailable right now|internal error; it has been logged/, name);
          assert.doesNotMatch(message, /select|insert|update|pool|pglite/i, 'no SQL or driver detail');
        }
        assert.equal(errors.length, 3, 'each failure was reported');
      } finally {
        await outage.close();
        await broken.close();
      }
    });
  });
}

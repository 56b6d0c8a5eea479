// list_tasks' optional `limit` (docs/task-details.md): at most that many tasks, in the list's order; the text
// is still the contract's bare array; a limit outside 1–1000 is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { callTool, expectList, expectRefused } from './helpers.js';

for (const driver of testDrivers) {
  describe(`list_tasks limit (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    let client: Client;
    let closeClient: () => Promise<void>;

    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp({ name: 'Alice' });
      ({ client, close: closeClient } = await createInProcessMcpClient({ user: { id: alice.id }, work: t.deps.toolWork, reportError: () => {} }));
      for (const title of ['Walk the dog', 'Pay the rent', 'Call mom', 'Buy milk', 'Book flights']) await t.deps.tasks.create(alice.id, { title });
      await t.deps.tasks.complete(alice.id, (await t.deps.tasks.list(alice.id, { query: 'rent' }))[0]!.id);
    });
    after(async () => {
      await closeClient();
      await t.close();
    });

    test('the schema offers limit as an optional integer from 1 to 1000', async () => {
      const { tools } = await client.listTools();
      const schema = tools.find((x) => x.name === 'list_tasks')?.inputSchema;
      assert.deepEqual(schema?.properties?.limit, {
        type: 'integer',
        minimum: 1,
        maximum: 1000,
        description: 'At most this many tasks, in the order above (default and maximum 1000)',
      });
      assert.equal(schema?.required, undefined);
    });

    test('limit keeps the first tasks of the list, with its filters and sort; without it, all', async () => {
      const titles = async (args: Record<string, unknown>) => expectList(await callTool(client, 'list_tasks', args)).map((x) => x.title);
      assert.deepEqual(await titles({ limit: 2 }), ['Book flights', 'Buy milk']);
      assert.deepEqual(await titles({ status: 'pending', sort: 'title', limit: 3 }), ['Book flights', 'Buy milk', 'Call mom']);
      assert.deepEqual(await titles({ query: 'the', limit: 1 }), ['Pay the rent']);
      assert.deepEqual(await titles({ limit: 1000 }), ['Book flights', 'Buy milk', 'Call mom', 'Pay the rent', 'Walk the dog']);
      assert.equal((await titles({})).length, 5);
    });

    test('a limit that is not an integer from 1 to 1000 is refused', async () => {
      for (const limit of [0, -1, 1001, 2.5, '10', null]) await expectRefused(client, 'list_tasks', { limit });
    });
  });
}

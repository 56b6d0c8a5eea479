// A user with more tasks than list_tasks returns at once (1,000), through the chat route with the built-in
// engine, on every driver: a name is found by the server's search, and a list reply is one page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertTasks } from '../helpers/seed-tasks.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

const FILLER = 1_100;
const OLDEST = 'Renew the passport';

type ChatBody = { response: string; tool_calls: { name: string; arguments: Record<string, unknown>; result: unknown }[] };

for (const driver of testDrivers) {
  describe(`more tasks than one list holds (${driver})`, () => {
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      u = await t.signUp();
      // Inserted in one statement: 1,100 chat turns would take minutes. The oldest task comes first.
      const filler = Array.from({ length: FILLER }, (_v, i) => ({ title: `Fix fence ${i + 1}`, completed: i % 3 === 0 }));
      await insertTasks(t.deps.db.db, u.id, [{ title: OLDEST }, ...filler]);
    });
    after(() => t.close());

    const chat = async (message: string): Promise<ChatBody> => {
      const res = await t.app.inject({ method: 'POST', url: `/api/${u.id}/chat`, headers: u.headers, payload: { message } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as ChatBody;
    };
    const listed = (body: ChatBody): number[] =>
      body.tool_calls.filter((c) => c.name === 'list_tasks').map((c) => (Array.isArray(c.result) ? c.result.length : -1));

    test('regression: completing the oldest of 1,101 tasks by name works (it was "not found": beyond the 1,000 a list returns)', async () => {
      const body = await chat(`complete ${OLDEST.toLowerCase()}`);
      assert.match(body.response, new RegExp(`^Completed #\\d+ ${OLDEST}\\.$`));
      assert.deepEqual(listed(body), [1], 'one list_tasks call, narrowed by the words of the name');
      const [oldest] = await t.deps.tasks.list(u.id, { query: 'passport' });
      assert.equal(oldest?.completed, true);
    });

    test('"list my tasks" shows the 20 newest, says there are more than 50 and how to narrow; 51 tasks cross the tool', async () => {
      const body = await chat('list my tasks');
      assert.deepEqual(body.tool_calls.map((c) => c.arguments), [{ status: 'all', limit: 51 }]);
      assert.deepEqual(listed(body), [51]);
      const lines = body.response.split('\n');
      assert.equal(lines[0], 'You have more than 50 tasks. The 20 newest:');
      assert.equal(lines[1], `1. #${await newestId()} Fix fence ${FILLER}`);
      assert.equal(lines.filter((l) => /^\d+\. #\d+ /.test(l)).length, 20);
      assert.match(lines.at(-1) ?? '', /^To see others, narrow it down: "search <words>"/);
    });

    test('"what\'s pending?" is one page too', async () => {
      const body = await chat("what's pending?");
      assert.deepEqual(listed(body), [51]);
      assert.match(body.response, /^You have more than 50 pending tasks\. The 20 newest:\n/);
    });

    async function newestId(): Promise<number> {
      const [newest] = await t.deps.tasks.list(u.id, { limit: 1 });
      return newest?.id ?? -1;
    }
  });
}

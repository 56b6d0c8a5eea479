import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { callTool, expectChange, expectToolError } from '../mcp/helpers.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

// The rule (docs/api.md "Text fields"): control characters other than tab and newline are removed from every
// text field before it is checked, so "\r\n" becomes "\n"; a field left empty is refused as an empty one.
for (const driver of testDrivers) {
  describe(`regression: a NUL or other control character in a text field was a 500 INTERNAL (${driver})`, () => {
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      u = await t.signUp();
    });
    after(() => t.close());

    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/${u.id}${url}`, headers: u.headers, ...(payload ? { payload } : {}) });

    test('REST tasks: title and description are stored without them; a title of only controls is 400 naming it', async () => {
      const created = await api('POST', '/tasks', { title: '\u0000nul\u0007 title', description: 'line one\r\nline\u0000 two\ttab' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().title, 'nul title');
      assert.equal(created.json().description, 'line one\nline two\ttab');
      const updated = await api('PUT', `/tasks/${created.json().id}`, { title: 'renamed\u0000', description: '\u001b[31mred\u001b[0m' });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.deepEqual([updated.json().title, updated.json().description], ['renamed', '[31mred[0m']);
      const empty = await api('POST', '/tasks', { title: '\u0000\u0001' });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.code, 'VALIDATION_FAILED');
      assert.match(empty.json().error.message, /title must not be empty/);
      assert.equal((await api('GET', '/tasks?query=%00milk')).statusCode, 200, 'a search with a NUL');
    });

    test('a lone surrogate is stored as U+FFFD, not refused by the database', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/${u.id}/tasks`,
        headers: { ...u.headers, 'content-type': 'application/json' },
        payload: '{"title":"a\\ud800b"}',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().title, 'a\uFFFDb');
    });

    test('chat: a message of only a NUL is 400 before any model call; one with a NUL is stored cleaned', async () => {
      const empty = await api('POST', '/chat', { message: '\u0000' });
      assert.equal(empty.statusCode, 400, empty.body);
      assert.match(empty.json().error.message, /message must not be empty/);
      const res = await api('POST', '/chat', { message: 'add buy\u0000 oat milk' });
      assert.equal(res.statusCode, 200, res.body);
      const messages = (await api('GET', `/conversations/${res.json().conversation_id}/messages`)).json() as { content: string }[];
      assert.equal(messages[0]!.content, 'add buy oat milk');
      const tasks = (await api('GET', '/tasks?query=oat')).json() as { title: string }[];
      assert.deepEqual(tasks.map((x) => x.title), ['Buy oat milk']);
      const renamed = await api('PATCH', `/conversations/${res.json().conversation_id}`, { title: 'Milk\u0000 run' });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().title, 'Milk run');
    });

    test('MCP: add_task with a NUL in the title stores it cleaned; only controls is a tool error', async () => {
      const { client, close } = await createInProcessMcpClient({ user: { id: u.id }, work: t.deps.toolWork });
      try {
        const added = expectChange(await callTool(client, 'add_task', { title: 'mcp\u0000 task' }), 'created');
        assert.equal(added.title, 'mcp task');
        expectToolError(await callTool(client, 'add_task', { title: '\u0000' }), /must not be empty at title/);
      } finally {
        await close();
      }
    });

    test('sign-up: a NUL in the name is removed instead of a bare "Failed to create user"', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        headers: { origin: 'http://localhost:3000' },
        payload: { name: 'Ada\u0000 Lovelace', email: `nul-${Date.now()}@example.com`, password: 'a long password' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().user.name, 'Ada Lovelace');
    });
  });
}

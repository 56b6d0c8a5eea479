// Issue 17: personal API keys (Better Auth's api-key plugin), scoped to MCP or REST, shown once, stored
// hashed, with optional expiry and a per-key rate limit, revocable at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { API_KEY_REQUESTS_PER_MINUTE } from '../../src/auth/api-keys.js';
import { apikey } from '../../src/db/schema.js';
import { startTestServer, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { callTool, connectHttpClient, expectChange, TOOL_NAMES } from '../mcp/helpers.js';

const createdSchema = z.object({ id: z.string(), key: z.string(), name: z.string(), start: z.string(), configId: z.string(), expiresAt: z.string().nullable() });
const listedSchema = z.object({ apiKeys: z.array(z.object({ id: z.string(), name: z.string(), start: z.string(), configId: z.string() }).loose()) });

for (const driver of testDrivers) {
  describe(`personal API keys (${driver})`, () => {
    let t: TestApp & { url: string };
    let alice: TestUser;

    before(async () => {
      t = await startTestServer({ driver });
      alice = await t.signUp({ name: 'Alice' });
    });
    after(() => t.close());

    /** Call the auth routes the UI calls, with Alice's session. */
    const authCall = (method: 'GET' | 'POST', path: string, payload?: object) =>
      t.app.inject({ method, url: `/api/auth${path}`, headers: { authorization: `Bearer ${alice.sessionToken}`, origin: t.url }, ...(payload ? { payload } : {}) });
    async function createKey(scope: 'mcp' | 'rest', extra: object = {}) {
      const res = await authCall('POST', '/api-key/create', { name: `${scope} key`, configId: scope, ...extra });
      assert.equal(res.statusCode, 200, res.body);
      return createdSchema.parse(res.json());
    }
    const mcpPost = (key: string, header: 'bearer' | 'x-api-key' = 'bearer') =>
      fetch(`${t.url}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(header === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key }),
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    const restGet = (key: string) => t.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks`, headers: { authorization: `Bearer ${key}` } });

    test('an MCP key is shown once, stored hashed, opens /mcp (Bearer or x-api-key) and not the REST API; revoked, its next call is 401', async () => {
      const created = await createKey('mcp');
      assert.match(created.key, /^todo_mcp_[A-Za-z0-9]{64}$/);
      assert.ok(created.key.startsWith(created.start) && created.start.length < 20, 'only the first characters are kept for display');
      const [row] = await t.deps.db.db.select().from(apikey).where(eq(apikey.id, created.id));
      assert.ok(row);
      assert.notEqual(row.key, created.key, 'the database holds a hash, not the key');
      assert.ok(!JSON.stringify(await authCall('GET', '/api-key/list').then((res) => res.json())).includes(created.key), 'the list never shows the key again');

      const client = await connectHttpClient(`${t.url}/mcp`, created.key);
      assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name).sort(), TOOL_NAMES);
      const added = expectChange(await callTool(client, 'add_task', { title: 'Added with a key' }), 'created');
      assert.equal((await t.deps.tasks.get(alice.id, added.task_id)).title, 'Added with a key');
      await client.close();
      assert.equal((await mcpPost(created.key, 'x-api-key')).status, 200, 'x-api-key works too');

      const rest = await restGet(created.key);
      assert.equal(rest.statusCode, 401, 'an MCP key does not open the REST API');
      assert.match(rest.json().error.message, /not for this endpoint/);

      const listed = listedSchema.parse((await authCall('GET', '/api-key/list')).json());
      assert.deepEqual(listed.apiKeys.map((key) => [key.id, key.name, key.configId]), [[created.id, 'mcp key', 'mcp']]);
      const revoked = await authCall('POST', '/api-key/delete', { keyId: created.id, configId: 'mcp' });
      assert.equal(revoked.statusCode, 200, revoked.body);
      const after = await mcpPost(created.key);
      assert.equal(after.status, 401, 'revoked: the next call fails');
      assert.match(after.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
      assert.deepEqual(listedSchema.parse((await authCall('GET', '/api-key/list')).json()).apiKeys, []);
    });

    test('a REST key opens /api/{its owner}/… only: not /mcp, not another user', async () => {
      const created = await createKey('rest');
      assert.match(created.key, /^todo_api_/);
      assert.equal((await restGet(created.key)).statusCode, 200);
      assert.equal((await mcpPost(created.key)).status, 401, 'a REST key does not open /mcp');
      const bob = await t.signUp({ name: 'Bob' });
      const other = await t.app.inject({ method: 'GET', url: `/api/${bob.id}/tasks`, headers: { authorization: `Bearer ${created.key}` } });
      assert.equal(other.statusCode, 403);
      for (const junk of ['todo_api_nope', `${created.key}x`, created.key.slice(0, -1)]) assert.equal((await restGet(junk)).statusCode, 401, junk);
    });

    test('an optional expiry: a key past its expiry is refused', async () => {
      const created = await createKey('mcp', { expiresIn: 86_400 });
      assert.ok(created.expiresAt);
      const expires = Date.parse(created.expiresAt);
      assert.ok(Math.abs(expires - (Date.now() + 86_400_000)) < 60_000, 'expires a day from now');
      assert.equal((await mcpPost(created.key)).status, 200);
      await t.deps.db.db.update(apikey).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apikey.id, created.id));
      const res = await mcpPost(created.key);
      assert.equal(res.status, 401);
      assert.match(JSON.stringify(await res.json()), /expired/);
      assert.equal((await authCall('POST', '/api-key/create', { name: 'too short', configId: 'mcp', expiresIn: 60 })).statusCode, 400, 'under a day is refused');
    });

    test(`each key is rate limited on its own (${API_KEY_REQUESTS_PER_MINUTE} a minute): 429, and another key still works`, async () => {
      const limited = await createKey('rest');
      const fresh = await createKey('rest');
      // Start the window, then fill it as if the minute's requests had been made.
      assert.equal((await restGet(limited.key)).statusCode, 200);
      await t.deps.db.db.update(apikey).set({ requestCount: API_KEY_REQUESTS_PER_MINUTE }).where(eq(apikey.id, limited.id));
      const refused = await restGet(limited.key);
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'RATE_LIMITED');
      assert.equal((await restGet(fresh.key)).statusCode, 200, 'the limit is per key');
    });

    test('keys cannot be created or listed without a session, nor with server-only settings', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/auth/api-key/create', headers: { origin: t.url }, payload: { name: 'x', configId: 'mcp' } });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/api-key/list' })).statusCode, 401);
      assert.equal((await authCall('POST', '/api-key/create', { name: 'x', configId: 'mcp', rateLimitMax: 1_000_000 })).statusCode, 400);
      assert.deepEqual(
        t.logs.filter((line) => line.includes('todo_mcp_') || line.includes('todo_api_')),
        [],
        'no key in any log line',
      );
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SignJWT, generateKeyPair } from 'jose';
import { z } from 'zod';
import { startTestServer, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { numberBeyond } from '../helpers/seed-tasks.js';
import { callTool, connectHttpClient, expectChange, expectList, expectRefused, expectToolError, fuzzCases, TOOL_NAMES } from './helpers.js';

const EXTRA_ORIGIN = 'http://localhost:5173';
const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '1.0.0' } },
};

for (const driver of testDrivers) {
  describe(`MCP over Streamable HTTP at /mcp (${driver})`, () => {
    let t: TestApp & { url: string };
    let mcpUrl: string;
    let alice: TestUser;
    let bob: TestUser;
    let aliceClient: Client;
    let bobClient: Client;

    before(async () => {
      t = await startTestServer({ driver, env: { CORS_ORIGINS: EXTRA_ORIGIN } });
      mcpUrl = `${t.url}/mcp`;
      alice = await t.signUp({ name: 'Alice' });
      bob = await t.signUp({ name: 'Bob' });
      aliceClient = await connectHttpClient(mcpUrl, alice.jwt);
      bobClient = await connectHttpClient(mcpUrl, bob.jwt);
    });
    after(async () => {
      await aliceClient.close();
      await bobClient.close();
      await t.close();
    });

    /** POST a raw JSON-RPC body to /mcp. */
    const post = (body: unknown, headers: Record<string, string> = {}, path = '/mcp') =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
    const errorOf = async (res: Response) => {
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body: unknown = await res.json();
      assert.ok(body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object');
      return body.error;
    };

    async function assertUnauthorized(res: Response, why: string): Promise<void> {
      assert.equal(res.status, 401, why);
      const challenge = res.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer /, why);
      assert.ok(challenge.includes(`resource_metadata="${t.url}/.well-known/oauth-protected-resource/mcp"`), `${why}: ${challenge}`);
      const error = await errorOf(res);
      assert.ok('code' in error && error.code === 'UNAUTHENTICATED', why);
    }

    test('serves RFC 9728 protected-resource metadata for /mcp', async () => {
      for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
        const res = await fetch(`${t.url}${path}`);
        assert.equal(res.status, 200);
        const doc: unknown = await res.json();
        assert.ok(doc && typeof doc === 'object');
        assert.equal('resource' in doc && doc.resource, mcpUrl);
        assert.deepEqual('authorization_servers' in doc && doc.authorization_servers, [t.url]);
        assert.deepEqual('bearer_methods_supported' in doc && doc.bearer_methods_supported, ['header']);
        assert.ok('resource_name' in doc && typeof doc.resource_name === 'string');
      }
    });

    test('lists the five tools and runs each one against the database, statelessly', async () => {
      const { tools } = await aliceClient.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOL_NAMES);
      const added = expectChange(await callTool(aliceClient, 'add_task', { title: 'Buy milk', description: 'oat' }), 'created');
      assert.equal((await t.deps.tasks.get(alice.id, added.task_id)).description, 'oat');
      assert.deepEqual(expectList(await callTool(aliceClient, 'list_tasks', { status: 'pending' })), [
        { id: added.task_id, title: 'Buy milk', description: 'oat', completed: false, due_at: null, priority: null, tags: [], repeat: null, reminders: [], overdue: false },
      ]);
      expectChange(await callTool(aliceClient, 'update_task', { task_id: added.task_id, title: 'Buy oat milk' }), 'updated');
      expectChange(await callTool(aliceClient, 'complete_task', { task_id: added.task_id }), 'completed');
      const row = await t.deps.tasks.get(alice.id, added.task_id);
      assert.deepEqual([row.title, row.completed], ['Buy oat milk', true]);
      assert.deepEqual(expectChange(await callTool(aliceClient, 'delete_task', { task_id: added.task_id }), 'deleted').title, 'Buy oat milk');
      await assert.rejects(t.deps.tasks.get(alice.id, added.task_id), /not found/);

      const res = await post(INITIALIZE, bearer(alice.jwt));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('mcp-session-id'), null, 'stateless: no session id');
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    });

    test('no token, a malformed one, and a token in the query string are 401 with the metadata challenge', async () => {
      await assertUnauthorized(await post(INITIALIZE), 'no Authorization header');
      await assertUnauthorized(await post(INITIALIZE, { authorization: 'Bearer not-a-jwt' }), 'garbage token');
      await assertUnauthorized(await post(INITIALIZE, { authorization: alice.jwt }), 'no Bearer scheme');
      await assertUnauthorized(await post(INITIALIZE, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), 'Basic auth');
      await assertUnauthorized(await post(INITIALIZE, {}, `/mcp?access_token=${alice.jwt}`), 'token in the query string');
      await assert.rejects(connectHttpClient(mcpUrl, 'nope'), 'the SDK client cannot connect with a bad token');
    });

    test('tokens for another audience, issuer or key are 401; the same claims for /mcp are accepted', async () => {
      const now = Math.floor(Date.now() / 1000);
      const sign = async (payload: Record<string, unknown>) =>
        (await t.deps.auth.api.signJWT({ body: { payload: { sub: alice.id, iat: now, exp: now + 300, iss: t.url, ...payload } } })).token;
      const accepted = await post(INITIALIZE, bearer(await sign({ aud: mcpUrl })));
      assert.equal(accepted.status, 200, 'control: a server-signed token for the MCP audience works');
      await assertUnauthorized(await post(INITIALIZE, bearer(await sign({ aud: 'https://other.example' }))), 'foreign audience');
      await assertUnauthorized(await post(INITIALIZE, bearer(await sign({ aud: `${t.url}/api` }))), 'the REST API audience only');
      await assertUnauthorized(await post(INITIALIZE, bearer(await sign({ aud: mcpUrl, iss: 'https://evil.example' }))), 'foreign issuer');
      await assertUnauthorized(await post(INITIALIZE, bearer(await sign({ aud: mcpUrl, exp: now - 60 }))), 'expired');
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'EdDSA', kid: 'forged' })
        .setSubject(alice.id)
        .setIssuer(t.url)
        .setAudience(mcpUrl)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      await assertUnauthorized(await post(INITIALIZE, bearer(forged)), 'signed with a key the server does not have');
    });

    test('an Origin that is neither this server nor in CORS_ORIGINS is 403; allowed ones pass', async () => {
      for (const origin of ['https://evil.example', 'null', `${t.url}.evil.example`, 'http://localhost:3000']) {
        const res = await post(INITIALIZE, { ...bearer(alice.jwt), origin });
        assert.equal(res.status, 403, origin);
        const error = await errorOf(res);
        assert.ok('code' in error && error.code === 'FORBIDDEN', origin);
      }
      assert.equal((await post(INITIALIZE, { origin: 'https://evil.example' })).status, 403, 'the Origin check comes first');
      for (const origin of [t.url, EXTRA_ORIGIN]) assert.equal((await post(INITIALIZE, { ...bearer(alice.jwt), origin })).status, 200, origin);
    });

    test('issue 17: an allowed origin gets CORS headers on the 200, the 401 and the preflight, with the MCP headers exposed', async () => {
      const preflight = await fetch(mcpUrl, {
        method: 'OPTIONS',
        headers: { origin: EXTRA_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, mcp-protocol-version' },
      });
      assert.ok(preflight.status < 300, `preflight: ${preflight.status}`);
      assert.equal(preflight.headers.get('access-control-allow-origin'), EXTRA_ORIGIN);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
      const exposed = (res: Response) => (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const origin of [EXTRA_ORIGIN, t.url]) {
        const ok = await post(INITIALIZE, { ...bearer(alice.jwt), origin });
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('access-control-allow-origin'), origin, `200 from ${origin} carries CORS headers`);
        for (const header of ['mcp-session-id', 'mcp-protocol-version', 'www-authenticate']) assert.ok(exposed(ok).includes(header), header);
        await ok.body?.cancel();
      }
      const refused = await post(INITIALIZE, { origin: EXTRA_ORIGIN });
      assert.equal(refused.headers.get('access-control-allow-origin'), EXTRA_ORIGIN, 'the 401 carries CORS headers');
      assert.ok(exposed(refused).includes('www-authenticate'));
      await assertUnauthorized(refused, 'no token, from an allowed origin');
    });

    test('issue 17: malformed JSON is a JSON-RPC parse error, an empty batch an invalid request', async () => {
      const jsonRpcError = async (res: Response) => {
        assert.equal(res.status, 400);
        const body = z.object({ jsonrpc: z.literal('2.0'), id: z.null(), error: z.object({ code: z.number(), message: z.string() }) }).parse(await res.json());
        return body.error.code;
      };
      for (const body of ['{"jsonrpc": "2.0", "id": 1, "method": ', '', 'not json', '{"a":1,"__proto__":{"x":1}}']) {
        assert.equal(await jsonRpcError(await post(body, bearer(alice.jwt))), -32700, JSON.stringify(body));
      }
      assert.equal(await jsonRpcError(await post([], bearer(alice.jwt))), -32600, 'empty batch');
      await assertUnauthorized(await post('not json'), 'authentication still comes first');
    });

    test('issue 17: initialize claims tools without listChanged (a stateless server never sends it)', async () => {
      const res = await post(INITIALIZE, bearer(alice.jwt));
      const body = z.object({ result: z.object({ capabilities: z.record(z.string(), z.unknown()), serverInfo: z.object({ version: z.string() }) }) }).parse(await res.json());
      assert.deepEqual(body.result.capabilities.tools, { listChanged: false });
      assert.deepEqual(aliceClient.getServerCapabilities()?.tools, { listChanged: false });
    });

    test('GET and DELETE are 405 in stateless mode', async () => {
      for (const method of ['GET', 'DELETE']) {
        const res = await fetch(mcpUrl, { method, headers: { ...bearer(alice.jwt), accept: 'text/event-stream' } });
        assert.equal(res.status, 405, method);
        assert.equal(res.headers.get('allow'), 'POST');
        const error = await errorOf(res);
        assert.ok('code' in error && error.code === 'METHOD_NOT_ALLOWED');
      }
    });

    test('two users interleaved each see only their own tasks', async () => {
      const titles = (who: string) => Array.from({ length: 6 }, (_, i) => `${who} task ${i}`);
      await Promise.all(
        titles('alice').flatMap((title, i) => [
          callTool(aliceClient, 'add_task', { title }),
          callTool(bobClient, 'add_task', { title: titles('bob')[i] ?? 'x' }),
        ]),
      );
      const [aliceList, bobList] = await Promise.all([callTool(aliceClient, 'list_tasks'), callTool(bobClient, 'list_tasks')]);
      assert.deepEqual(expectList(aliceList).map((task) => task.title).sort(), titles('alice').sort());
      assert.deepEqual(expectList(bobList).map((task) => task.title).sort(), titles('bob').sort());
    });

    test("user A with B's task id gets a tool error and B's row is unchanged; a user_id naming B is refused", async () => {
      await numberBeyond(t.deps.db.db, alice.id, bob.id);
      const bobTask = expectChange(await callTool(bobClient, 'add_task', { title: 'Bob private', description: 'd' }), 'created');
      const before = await t.deps.tasks.get(bob.id, bobTask.task_id);
      for (const [name, args] of [
        ['complete_task', { task_id: bobTask.task_id }],
        ['update_task', { task_id: bobTask.task_id, title: 'pwned' }],
        ['delete_task', { task_id: bobTask.task_id }],
      ] as const) {
        assert.equal(expectToolError(await callTool(aliceClient, name, args)), `Task ${bobTask.task_id} not found`, name);
      }
      const refused = await callTool(aliceClient, 'list_tasks', { user_id: bob.id });
      assert.doesNotMatch(expectToolError(refused, /user_id does not match/), /Bob private/);
      expectToolError(await callTool(aliceClient, 'complete_task', { task_id: bobTask.task_id, user_id: bob.id }), /user_id does not match/);
      assert.deepEqual(await t.deps.tasks.get(bob.id, bobTask.task_id), before);
    });

    test('junk over the wire is refused with an error, never a crash, and the server keeps answering', async () => {
      const { task_id } = expectChange(await callTool(aliceClient, 'add_task', { title: 'Survivor' }), 'created');
      const before = await t.deps.tasks.list(alice.id);
      for (const [name, args] of fuzzCases(task_id)) await expectRefused(aliceClient, name, args);
      const auth = bearer(alice.jwt);
      assert.equal((await post('{"jsonrpc": "2.0", "id": 1, "method": ', auth)).status, 400, 'invalid JSON');
      assert.equal((await post('{"title":"x","__proto__":{"a":1}}', auth)).status, 400, 'prototype poisoning');
      assert.equal((await post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'add_task', arguments: { title: 'x'.repeat(2_000_000) } } }, auth)).status, 413);
      const notJsonRpc = await post({ hello: 'world' }, auth);
      assert.ok(notJsonRpc.status >= 400 && notJsonRpc.status < 500, `not JSON-RPC: ${notJsonRpc.status}`);
      const textPlain = await fetch(mcpUrl, { method: 'POST', headers: { ...auth, accept: 'application/json, text/event-stream', 'content-type': 'text/plain' }, body: 'hi' });
      assert.equal(textPlain.status, 415);
      assert.deepEqual(await t.deps.tasks.list(alice.id), before);
      assert.ok(expectList(await callTool(aliceClient, 'list_tasks')).some((task) => task.id === task_id), 'still answering');
      assert.deepEqual(t.logs.filter((line) => /"level":"(error|fatal|warn)"/.test(line)), [], 'no errors or warnings were logged');
    });
  });
}

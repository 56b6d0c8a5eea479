// The attack list, part 1: bad tokens on every surface (REST, chat, conversations, MCP), and path/body id swaps
// across REST, MCP and chat. Every attempt is refused, and refused without side effects.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, generateKeyPair } from 'jose';
import { z } from 'zod';
import { startTestServer, type TestApp, type TestUser } from '../helpers/test-app.js';
import { requirePostgres } from './support/postgres.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const mcpResult = z.object({ result: z.object({ isError: z.boolean().optional(), content: z.array(z.object({ text: z.string().optional() })) }) });

describe('attacks: tokens and id swaps (Postgres)', () => {
  let t: TestApp & { url: string };
  let alice: TestUser;
  let bob: TestUser;
  let bobTask: number;
  let bobConversation: number;
  let snapshot: () => Promise<string>;

  before(async () => {
    requirePostgres();
    t = await startTestServer({ driver: 'postgres' });
    alice = await t.signUp({ name: 'Alice' });
    bob = await t.signUp({ name: 'Bob' });
    bobTask = (await t.deps.tasks.create(bob.id, { title: 'Bob private task' })).id;
    const chat = await t.app.inject({ method: 'POST', url: `/api/${bob.id}/chat`, headers: bob.headers, payload: { message: 'add Bob private note' } });
    bobConversation = z.object({ conversation_id: z.number() }).parse(chat.json()).conversation_id;
    snapshot = async () =>
      JSON.stringify({
        tasks: await t.deps.tasks.list(bob.id),
        conversations: await t.deps.conversations.list(bob.id),
        messages: await t.deps.conversations.messages(bob.id, bobConversation),
        aliceTasks: await t.deps.tasks.list(alice.id),
      });
  });
  after(() => t?.close());

  /** Every authenticated surface, called with an Authorization header. */
  const surfaces = (userId: string) => [
    { name: 'REST list', method: 'GET' as const, url: `/api/${userId}/tasks` },
    { name: 'REST create', method: 'POST' as const, url: `/api/${userId}/tasks`, payload: { title: 'should not exist' } },
    { name: 'chat', method: 'POST' as const, url: `/api/${userId}/chat`, payload: { message: 'add should not exist' } },
    { name: 'conversations', method: 'GET' as const, url: `/api/${userId}/conversations` },
    {
      name: 'MCP tools/call',
      method: 'POST' as const,
      url: '/mcp',
      headers: { accept: 'application/json, text/event-stream' },
      payload: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'add_task', arguments: { title: 'should not exist' } } },
    },
  ];

  async function expectRejected(authorization: string, why: string, status = 401, pathUser = alice.id): Promise<void> {
    // /mcp has no user in its path: a path swap does not apply to it.
    for (const surface of surfaces(pathUser).filter((x) => status === 401 || x.url !== '/mcp')) {
      const res = await t.app.inject({ ...surface, headers: { ...surface.headers, authorization } });
      const label = `${why} on ${surface.name}`;
      assert.equal(res.statusCode, status, `${label}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), /application\/json/, label);
      assert.equal(z.object({ error: z.object({ code: z.string() }) }).parse(res.json()).error.code, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', label);
      if (surface.url === '/mcp' && status === 401) assert.match(String(res.headers['www-authenticate']), /^Bearer .*resource_metadata=/, label);
    }
  }

  test('forged, expired, alg none, wrong audience/issuer and tampered tokens are 401 on REST, chat, conversations and MCP', async () => {
    const before = await snapshot();
    const [header, payload, signature] = alice.jwt.split('.') as [string, string, string];
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const claimSet = z.record(z.string(), z.unknown()).parse(claims);
    const kid = z.object({ kid: z.string() }).parse(JSON.parse(Buffer.from(header, 'base64url').toString())).kid;
    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const now = Math.floor(Date.now() / 1000);
    const serverSigned = async (extra: Record<string, unknown>) =>
      (await t.deps.auth.api.signJWT({ body: { payload: { sub: alice.id, iat: now, exp: now + 300, iss: t.url, ...extra } } })).token;

    await expectRejected(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'alg none');
    await expectRejected(`Bearer ${await new SignJWT(claimSet).setProtectedHeader({ alg: 'EdDSA', kid }).sign(foreign.privateKey)}`, 'forged with a foreign key and our kid');
    await expectRejected(`Bearer ${await new SignJWT(claimSet).setProtectedHeader({ alg: 'EdDSA', kid: 'not-a-key-we-have' }).sign(foreign.privateKey)}`, 'an unknown kid');
    await expectRejected(`Bearer ${header}.${b64({ ...claimSet, exp: now + 86_400 })}.${signature}`, 'a tampered expiry');
    await expectRejected(`Bearer ${await serverSigned({ exp: now - 60, iat: now - 1000, aud: [`${t.url}/api`, `${t.url}/mcp`] })}`, 'expired');
    await expectRejected(`Bearer ${await serverSigned({ aud: 'https://other.example' })}`, 'wrong audience');
    await expectRejected(`Bearer ${await serverSigned({ aud: [`${t.url}/api`, `${t.url}/mcp`], iss: 'https://evil.example' })}`, 'wrong issuer');
    await expectRejected(`Bearer ${alice.sessionToken}`, 'a session token instead of a JWT');
    // A token for one surface is not a token for the other.
    const apiOnly = await serverSigned({ aud: `${t.url}/api` });
    const mcp = await t.app.inject({ ...surfaces(alice.id)[4]!, headers: { ...surfaces(alice.id)[4]!.headers, authorization: `Bearer ${apiOnly}` } });
    assert.equal(mcp.statusCode, 401, 'an API-only token is refused by /mcp');
    const mcpOnly = await serverSigned({ aud: `${t.url}/mcp` });
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks`, headers: { authorization: `Bearer ${mcpOnly}` } })).statusCode, 401, 'an MCP-only token is refused by the API');
    assert.equal(await snapshot(), before, 'no refused request changed anything');
  });

  test("another user's id in the path is 403 on every /api/{user_id} route", async () => {
    const before = await snapshot();
    await expectRejected(alice.headers.authorization, "alice's token on bob's path", 403, bob.id);
    for (const [method, path] of [
      ['GET', `/tasks/${bobTask}`], ['PUT', `/tasks/${bobTask}`], ['DELETE', `/tasks/${bobTask}`], ['PATCH', `/tasks/${bobTask}/complete`],
      ['GET', `/conversations/${bobConversation}/messages`], ['PATCH', `/conversations/${bobConversation}`], ['DELETE', `/conversations/${bobConversation}`],
    ] as const) {
      const res = await t.app.inject({ method, url: `/api/${bob.id}${path}`, headers: alice.headers, payload: method === 'PUT' || method === 'PATCH' ? { title: 'pwned' } : undefined });
      assert.equal(res.statusCode, 403, `${method} ${path}: ${res.body}`);
    }
    assert.equal(await snapshot(), before);
  });

  test("another user's task and conversation ids on one's own path are 404, as if missing", async () => {
    const before = await snapshot();
    const aliceConversations = await t.deps.conversations.list(alice.id);
    for (const [method, path, payload] of [
      ['GET', `/tasks/${bobTask}`], ['PUT', `/tasks/${bobTask}`, { title: 'pwned', completed: true }], ['PATCH', `/tasks/${bobTask}/complete`], ['DELETE', `/tasks/${bobTask}`],
      ['GET', `/conversations/${bobConversation}/messages`], ['PATCH', `/conversations/${bobConversation}`, { title: 'pwned' }], ['DELETE', `/conversations/${bobConversation}`],
    ] as const) {
      const res = await t.app.inject({ method, url: `/api/${alice.id}${path}`, headers: alice.headers, payload });
      assert.equal(res.statusCode, 404, `${method} ${path}: ${res.body}`);
      assert.doesNotMatch(res.body, /Bob private/);
    }
    const chat = await t.app.inject({ method: 'POST', url: `/api/${alice.id}/chat`, headers: alice.headers, payload: { message: 'list my tasks', conversation_id: bobConversation } });
    assert.equal(chat.statusCode, 404, `a foreign conversation_id in the chat body: ${chat.body}`);
    const smuggled = await t.app.inject({ method: 'POST', url: `/api/${alice.id}/chat`, headers: alice.headers, payload: { message: 'list my tasks', user_id: bob.id } });
    assert.equal(smuggled.statusCode, 400, `a user_id in the chat body is refused: ${smuggled.body}`);
    assert.equal(await snapshot(), before);
    assert.deepEqual(await t.deps.conversations.list(alice.id), aliceConversations, 'refused chats started no conversation');
  });

  test("chat and MCP naming another user's task id change nothing and reveal nothing", async () => {
    const before = await snapshot();
    for (const message of [`complete task ${bobTask}`, `delete task ${bobTask}`, `rename task ${bobTask} to pwned`, `show task ${bobTask}`]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/${alice.id}/chat`, headers: alice.headers, payload: { message } });
      assert.equal(res.statusCode, 200, `${message}: ${res.body}`);
      assert.doesNotMatch(res.body, /Bob private/, `${message}: nothing of bob's leaks`);
    }
    const call = async (name: string, args: Record<string, unknown>) => {
      const res = await fetch(`${t.url}/mcp`, {
        method: 'POST',
        headers: { ...alice.headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
      });
      const text = await res.text();
      assert.doesNotMatch(text, /Bob private/, `${name}: nothing of bob's leaks`);
      return { status: res.status, body: mcpResult.safeParse(JSON.parse(text)).data, text };
    };
    for (const [name, args] of [
      ['complete_task', { task_id: bobTask }], ['delete_task', { task_id: bobTask }], ['update_task', { task_id: bobTask, title: 'pwned' }],
      ['add_task', { title: 'as bob', user_id: bob.id }], ['list_tasks', { user_id: bob.id }],
    ] as const) {
      const res = await call(name, args);
      assert.ok(res.body?.result.isError === true || /"error"/.test(res.text), `${name}(${JSON.stringify(args)}) is refused: ${res.text.slice(0, 200)}`);
    }
    assert.equal(await snapshot(), before, "bob's data and alice's tasks are unchanged");
  });
});

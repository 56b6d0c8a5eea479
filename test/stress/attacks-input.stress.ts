// The attack list, part 2: oversized and deeply nested bodies on every body-taking route, CRLF and huge
// x-request-id headers (some sent over a raw socket, as fetch refuses them), and secrets never logged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { startTestServer, type TestApp, type TestUser } from '../helpers/test-app.js';
import { captureOutput } from '../helpers/capture-output.js';
import { requirePostgres } from './support/postgres.js';
import { sendRaw } from '../helpers/raw-http.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const PASSWORD = 'attack suite password 0123';

describe('attacks: hostile bodies and headers (Postgres)', () => {
  let t: TestApp & { url: string };
  let user: TestUser;
  let port: number;

  before(async () => {
    requirePostgres();
    t = await startTestServer({ driver: 'postgres' });
    user = await t.signUp({ password: PASSWORD });
    port = Number(new URL(t.url).port);
  });
  after(() => t?.close());

  /** Every route that takes a JSON body. */
  const bodyRoutes = (): Array<{ name: string; url: string; headers: Record<string, string> }> => [
    { name: 'REST create', url: `/api/${user.id}/tasks`, headers: user.headers },
    { name: 'chat', url: `/api/${user.id}/chat`, headers: user.headers },
    { name: 'MCP', url: '/mcp', headers: { ...user.headers, accept: 'application/json, text/event-stream' } },
    { name: 'sign-in', url: '/api/auth/sign-in/email', headers: { origin: t.url } },
    { name: 'sign-up', url: '/api/auth/sign-up/email', headers: { origin: t.url } },
  ];

  async function postRaw(route: ReturnType<typeof bodyRoutes>[number], payload: string) {
    const res = await fetch(`${t.url}${route.url}`, { method: 'POST', headers: { ...route.headers, 'content-type': 'application/json' }, body: payload });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  test('bodies over the limit are 413 JSON on every route, before any work', async () => {
    const tasksBefore = await t.deps.tasks.count(user.id);
    const huge = JSON.stringify({ title: 'x'.repeat(2_000_000), message: 'y'.repeat(2_000_000) });
    for (const route of bodyRoutes()) {
      const res = await postRaw(route, huge);
      assert.equal(res.status, 413, `${route.name}: ${res.text.slice(0, 200)}`);
      assert.match(res.contentType, /application\/json/, route.name);
      assert.equal(errorBody.parse(JSON.parse(res.text)).error.code, 'PAYLOAD_TOO_LARGE', route.name);
    }
    const long = await postRaw(bodyRoutes()[1]!, JSON.stringify({ message: 'add '.repeat(2000) }));
    assert.equal(long.status, 400, `an over-long chat message is refused before the model: ${long.text.slice(0, 200)}`);
    assert.equal(await t.deps.tasks.count(user.id), tasksBefore);
  });

  test('deeply nested JSON (100,000 levels) is a 4xx JSON error on every route, never a 500 or a crash', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const shapes = [
      `{"title":${nested(100_000)}}`,
      `{"message":"hi","conversation_id":${nested(100_000)}}`,
      `{"email":${nested(100_000)},"password":"x"}`,
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":${nested(100_000)}}}}`,
      `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    ];
    const failures: string[] = [];
    for (const route of bodyRoutes()) {
      for (const payload of shapes) {
        const res = await postRaw(route, payload);
        // /mcp answers JSON-RPC errors inside a 200 or 400; anything but a 5xx with a JSON body is a clean refusal.
        if (res.status >= 500 || !/application\/json/.test(res.contentType)) failures.push(`${route.name} ${payload.slice(0, 40)}… → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.equal((await fetch(`${t.url}/health`)).status, 200, 'the server is still up');
  });

  test('a CRLF or an invalid x-request-id is replaced, never echoed, and cannot split the response', async () => {
    for (const hostile of ['abc\r\nSet-Cookie: evil=1', 'abc\nx-injected: 1', '\r\n\r\n<html>', 'a'.repeat(129), '../../etc', 'id with spaces']) {
      // inject passes header values through as given: the app itself must refuse them.
      const res = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': hostile } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['x-request-id']), UUID, `replaced: ${JSON.stringify(hostile)}`);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.equal(res.headers['x-injected'], undefined);
    }
    // On the wire, a bare CR or a folded header is a malformed request: refused before the app, as JSON.
    for (const header of ['x-request-id: abc\rSet-Cookie: evil=1', 'x-request-id: abc\r\n Set-Cookie: evil=1']) {
      const res = await sendRaw(port, `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n${header}\r\nConnection: close\r\n\r\n`);
      assert.equal(res.status, 400, `${JSON.stringify(header)}: ${res.raw.slice(0, 200)}`);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.match(res.headers['content-type'] ?? '', /application\/json/);
    }
  });

  test('a huge x-request-id is replaced; one past the header limit is a 431 JSON error', async () => {
    const big = await sendRaw(port, `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: ${'a'.repeat(10_000)}\r\nConnection: close\r\n\r\n`);
    assert.equal(big.status, 200, big.raw.slice(0, 200));
    assert.match(big.headers['x-request-id'] ?? '', UUID);
    const huge = await sendRaw(port, `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`);
    assert.equal(huge.status, 431, huge.raw.slice(0, 200));
    assert.match(huge.headers['content-type'] ?? '', /application\/json/);
    assert.equal((await fetch(`${t.url}/health`)).status, 200, 'the server is still up');
  });

  test("requests refused before routing (malformed header, headers too large, path parameter too long) answer the contract's error shape", async () => {
    const refusals = [
      await sendRaw(port, 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: abc\rdef\r\nConnection: close\r\n\r\n'),
      await sendRaw(port, `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`),
      await sendRaw(port, `GET /api/${'u'.repeat(150)}/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.jwt}\r\nConnection: close\r\n\r\n`),
    ];
    const offContract = refusals.filter((r) => !errorBody.safeParse(JSON.parse(r.body || 'null')).success).map((r) => `${r.status} ${r.body.slice(0, 160)}`);
    assert.deepEqual(offContract, []);
  });

  test('no password, session token, JWT, cookie or auth secret reaches a log line or the console', async () => {
    // Traffic that carries every kind of secret, in headers, bodies and query strings, valid and not.
    const consoleOutput = await captureOutput(async () => {
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: t.url }, payload: { email: user.email, password: PASSWORD } });
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: t.url }, payload: { email: user.email, password: `${PASSWORD}-wrong` } });
      await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks?token=${user.jwt}`, headers: { cookie: `better-auth.session_token=${user.sessionToken}` } });
      await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: `my password is ${PASSWORD}`, conversation_id: 'x' } });
      await t.app.inject({ method: 'POST', url: '/mcp', headers: { authorization: `Bearer ${user.jwt}tampered` }, payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' } });
      await t.app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${user.sessionToken}` } });
    });
    const output = `${t.logs.join('\n')}\n${consoleOutput}`;
    assert.ok(t.logs.length > 20, 'the suite produced logs to check');
    const secrets = { password: PASSWORD, 'session token': user.sessionToken, jwt: user.jwt, 'JWT header': user.jwt.split('.')[0]!, 'auth secret': 'test-secret-test-secret' };
    for (const [what, secret] of Object.entries(secrets)) assert.ok(!output.includes(secret), `a ${what} was logged`);
    assert.doesNotMatch(output, /Bearer [A-Za-z0-9]/, 'no bearer credential in any form');
  });
});

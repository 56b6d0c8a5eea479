// Errors answered outside the routes — by Node's HTTP parser, Fastify's router, the CORS plugin or Better
// Auth — still carry the contract's {error: {code, message}} with a JSON content type.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sendRaw } from '../helpers/raw-http.js';
import { startTestServer, type TestApp, type TestUser } from '../helpers/test-app.js';

interface ContractError {
  error: { code: string; message: string };
}

function assertContractError(status: number, contentType: string | undefined, body: string, expected: { status: number; code: string }): ContractError {
  assert.equal(status, expected.status, body);
  assert.match(contentType ?? '', /application\/json/);
  const parsed = JSON.parse(body) as ContractError;
  assert.equal(parsed.error.code, expected.code, body);
  assert.ok(parsed.error.message.length > 0, body);
  return parsed;
}

describe('the error contract outside the routes', () => {
  let t: TestApp & { url: string };
  let port: number;
  let user: TestUser;

  before(async () => {
    t = await startTestServer();
    port = Number(new URL(t.url).port);
    user = await t.signUp();
  });
  after(() => t.close());

  test('a malformed header line is a 400 VALIDATION_FAILED', async () => {
    const res = await sendRaw(port, 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: abc\rdef\r\nConnection: close\r\n\r\n');
    assertContractError(res.status, res.headers['content-type'], res.body, { status: 400, code: 'VALIDATION_FAILED' });
  });

  test('headers over the limit are a 431 HEADERS_TOO_LARGE', async () => {
    const res = await sendRaw(port, `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`);
    assertContractError(res.status, res.headers['content-type'], res.body, { status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  test('a path parameter over the router limit is a 414 URI_TOO_LONG', async () => {
    const res = await fetch(`${t.url}/api/${'u'.repeat(150)}/tasks`, { headers: user.headers });
    assertContractError(res.status, res.headers.get('content-type') ?? undefined, await res.text(), { status: 414, code: 'URI_TOO_LONG' });
  });

  test('an OPTIONS request that is not a valid CORS preflight is a JSON 400, not plain text', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: `/api/${user.id}/tasks` });
    assertContractError(res.statusCode, res.headers['content-type'] as string, res.body, { status: 400, code: 'VALIDATION_FAILED' });
  });

  test('an unknown /api/auth path is a JSON 404 (Better Auth answers it with no body)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/no-such-endpoint' });
    assertContractError(res.statusCode, res.headers['content-type'] as string, res.body, { status: 404, code: 'NOT_FOUND' });
  });

  test("Better Auth's own errors carry the contract's error and keep its message and code for its client", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: t.url },
      payload: { email: user.email, password: 'not the password' },
    });
    const body = assertContractError(res.statusCode, res.headers['content-type'] as string, res.body, { status: 401, code: 'UNAUTHENTICATED' }) as ContractError & { message: string; code: string };
    assert.equal(body.code, 'INVALID_EMAIL_OR_PASSWORD');
    assert.equal(body.error.message, body.message);
  });

  test('a session token that is not valid is still a 401 from /api/auth/token while the database is up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: 'Bearer not-a-session' } });
    assertContractError(res.statusCode, res.headers['content-type'] as string, res.body, { status: 401, code: 'UNAUTHENTICATED' });
  });
});

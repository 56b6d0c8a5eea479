import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { captureOutput } from '../helpers/capture-output.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { censor, createLogger } from '../../src/observability/logger.js';
import { Writable } from 'node:stream';

/** The app's logger writing into an array: one JSON string per line. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    version: 'v',
    environment: 'test',
    destination: new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }),
  });
  return { lines, logger };
}

describe('JSON logs: request ids and redaction', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  test('no password, bearer token, cookie or sk- key reaches a log line; every request line has a request id', async () => {
    const password = 'hunter2-Sup3r-Secret-Pass';
    const apiKey = 'sk-test-abcdefghijklmnopqrstuvwxyz123456';
    const user = await t.signUp({ password });
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: 'http://localhost:3000' }, payload: { email: user.email, password } });
    await t.app.inject({
      method: 'POST',
      url: `/api/${user.id}/tasks?api_key=${apiKey}`,
      headers: { ...user.headers, cookie: `better-auth.session_token=${user.sessionToken}`, 'x-api-key': apiKey },
      payload: { title: `remember ${apiKey}`, description: password },
    });
    await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: { authorization: `Bearer ${user.jwt}x` } });
    await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: '{bad json' });

    const output = t.logs.join('\n');
    assert.ok(t.logs.length >= 5, 'requests were logged');
    for (const secret of [password, user.jwt, user.sessionToken, apiKey, 'sk-test']) {
      assert.ok(!output.includes(secret), `log output contains a secret: ${secret.slice(0, 12)}…`);
    }
    const requestLines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
    assert.ok(requestLines.length >= 5);
    for (const line of requestLines) {
      assert.match(line.request_id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof line.timestamp, 'string');
      assert.equal(line.level, 'info');
      assert.equal(typeof line.duration_ms, 'number');
      assert.equal(typeof line.status_code, 'number');
      assert.equal(line.version, 'test');
      assert.equal(line.environment, 'test');
      assert.ok(!line.path.includes('?'), 'query strings (which may carry secrets) are not logged');
    }
    const authed = requestLines.find((l) => l.status_code === 201);
    assert.equal(authed.user_id, user.id.slice(0, 8), 'user ids are anonymised to 8 characters');
  });

  test('a valid incoming x-request-id is echoed and logged; a hostile one is replaced', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'abc-123.trace' } });
    assert.equal(ok.headers['x-request-id'], 'abc-123.trace');
    assert.ok(t.logs.some((l) => JSON.parse(l).request_id === 'abc-123.trace'));
    for (const hostile of ['a'.repeat(500), 'evil id with spaces', 'x\u0000y']) {
      const res = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': hostile } });
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    }
  });

  test("pino's redaction masks database URL passwords and credential fields", () => {
    const { lines, logger } = capturingLogger();
    logger.info({ databaseUrl: 'postgres://app:pa55word@db:5432/todo', password: 'pw-123', apiKey: 'sk-live-1', headers: { authorization: 'Bearer abc' } }, 'config');
    const line = JSON.parse(lines[0]!);
    assert.equal(line.databaseUrl, 'postgres://app:***@db:5432/todo');
    assert.equal(line.password, '[REDACTED]');
    assert.equal(line.apiKey, '[REDACTED]');
    assert.equal(line.headers.authorization, '[REDACTED]');
    assert.equal(censor('plain', ['token']), '[REDACTED]');
  });

  test('regression: a failed query logged as err no longer leaks its bound parameters (session tokens) in the message', () => {
    const { lines, logger } = capturingLogger();
    const error = new Error('Failed query: select * from "session" where "token" = $1\nparams: s3ss10nT0kenSecretValue');
    logger.error({ err: error }, 'query failed');
    assert.ok(!lines.join('').includes('s3ss10nT0kenSecretValue'));
    assert.match(JSON.parse(lines[0]!).err.message, /Failed query: select/);
  });

  test("regression: drizzle's params property on a failed query's error is not logged either", () => {
    const { lines, logger } = capturingLogger();
    const error = Object.assign(new Error('Failed query: select 1'), { query: 'select 1', params: ['s3ss10nT0kenSecretValue'] });
    logger.error({ err: new Error('outer', { cause: error }) }, 'query failed');
    logger.error({ err: error }, 'query failed');
    assert.ok(!lines.join('').includes('s3ss10nT0kenSecretValue'), lines.join(''));
    assert.equal(JSON.parse(lines[1]!).err.query, 'select 1');
  });
});

describe("Better Auth's own log lines", () => {
  test('go through the redacting JSON logger, not the console: a failed session lookup does not print the session token', async () => {
    const t = await buildTestApp();
    try {
      const user = await t.signUp();
      await t.deps.db.close();
      const console = await captureOutput(async () => {
        await t.app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${user.sessionToken}` } });
      });
      const logged = t.logs.join('\n');
      assert.ok(!console.includes(user.sessionToken) && !logged.includes(user.sessionToken), 'the session token was printed');
      assert.doesNotMatch(console, /Better Auth/, 'Better Auth printed to the console');
      const authLines = t.logs.map((line) => JSON.parse(line) as { source?: string; level: string }).filter((line) => line.source === 'better-auth');
      assert.ok(authLines.some((line) => line.level === 'error'), 'the failure is logged as a JSON error line');
    } finally {
      await t.close();
    }
  });
});

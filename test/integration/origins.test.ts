import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

let counter = 0;
const signUpFrom = (t: TestApp, origin: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    payload: { name: 'Ada', email: `origin${++counter}-${process.pid}@example.com`, password: 'a long password' },
  });

const signInFrom = (t: TestApp, origin: string, email: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', origin, cookie: 'better-auth.session_token=stale' },
    payload: { email, password: 'a long password' },
  });

describe('origins in development: every loopback spelling of the port works (regression: sign-up at the printed http://127.0.0.1:3000 was 403 "Invalid origin")', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { NODE_ENV: 'development', PORT: '3000', PUBLIC_URL: 'http://localhost:3000', CORS_ORIGINS: 'https://app.example.com' } });
  });
  after(() => t.close());

  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'https://app.example.com']) {
    test(`sign-up and sign-in (with a cookie, which forces the origin check) from ${origin}`, async () => {
      const res = await signUpFrom(t, origin);
      assert.equal(res.statusCode, 200, res.body);
      const email = (res.json() as { user: { email: string } }).user.email;
      const signIn = await signInFrom(t, origin, email);
      assert.equal(signIn.statusCode, 200, signIn.body);
    });
  }

  test('another port, or a LAN address, is refused with a message naming the URL to open', async () => {
    for (const origin of ['http://127.0.0.1:4000', 'http://192.168.1.20:3000', 'http://localhost.evil.example:3000']) {
      const res = await signInFrom(t, origin, 'nobody@example.com');
      assert.equal(res.statusCode, 403, origin);
      const body = res.json() as { error: { code: string; message: string }; message: string };
      assert.equal(body.error.code, 'FORBIDDEN');
      assert.match(body.error.message, /open http:\/\/localhost:3000 instead/);
      assert.ok(body.error.message.includes(origin), 'names the refused origin');
      assert.equal(body.message, body.error.message, "Better Auth's client reads the top-level message too");
    }
  });

  test('/mcp from a browser trusts the same origins', async () => {
    const mcp = (origin: string) => t.app.inject({ method: 'POST', url: '/mcp', headers: { origin, 'content-type': 'application/json' }, payload: {} });
    assert.equal((await mcp('http://127.0.0.1:3000')).statusCode, 401, 'a loopback spelling passes the origin check and reaches auth');
    const refused = await mcp('http://127.0.0.1:4000');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().error.message, /open http:\/\/localhost:3000 instead/);
  });
});

describe('origins in production: only PUBLIC_URL and CORS_ORIGINS', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { NODE_ENV: 'production', PORT: '3000', PUBLIC_URL: 'https://todo.example.com', CORS_ORIGINS: 'https://app.example.com' } });
  });
  after(() => t.close());

  test('PUBLIC_URL and a CORS_ORIGINS entry sign in; loopback spellings are refused', async () => {
    for (const origin of ['https://todo.example.com', 'https://app.example.com']) {
      const res = await signUpFrom(t, origin);
      assert.equal(res.statusCode, 200, `${origin}: ${res.body}`);
      assert.equal((await signInFrom(t, origin, res.json().user.email)).statusCode, 200, origin);
    }
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const res = await signInFrom(t, origin, 'nobody@example.com');
      assert.equal(res.statusCode, 403, origin);
      assert.match(res.json().error.message, /open https:\/\/todo\.example\.com instead/);
    }
  });
});

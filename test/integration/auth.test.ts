import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const driver of testDrivers) {
  describe(`auth and isolation (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let bobTaskId: number;
    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp({ name: 'Alice' });
      bob = await t.signUp({ name: 'Bob' });
      const res = await t.app.inject({ method: 'POST', url: `/api/${bob.id}/tasks`, headers: bob.headers, payload: { title: 'Bob secret' } });
      bobTaskId = res.json().id;
    });
    after(() => t.close());

    const listAs = (authorization?: string, userId = alice.id) =>
      t.app.inject({ method: 'GET', url: `/api/${userId}/tasks`, headers: authorization ? { authorization } : {} });

    async function assertRejected(authorization: string | undefined, why: string) {
      const res = await listAs(authorization);
      assert.equal(res.statusCode, 401, why);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED', why);
    }

    test('sign-in returns a session that mints a JWT with sub, issuer and both audiences', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'http://localhost:3000' },
        payload: { email: alice.email, password: alice.password },
      });
      assert.equal(res.statusCode, 200);
      const token = await t.app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${res.headers['set-auth-token']}` } });
      const payload = JSON.parse(Buffer.from(token.json().token.split('.')[1], 'base64url').toString());
      assert.equal(payload.sub, alice.id);
      assert.equal(payload.iss, 'http://localhost:3000');
      assert.deepEqual(payload.aud, ['http://localhost:3000/api', 'http://localhost:3000/mcp']);
      assert.equal(payload.emailVerified, undefined, 'the payload is trimmed to what the API needs');
      assert.equal((await listAs(`Bearer ${token.json().token}`)).statusCode, 200);
    });

    test('wrong password is refused without a session', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'http://localhost:3000' },
        payload: { email: alice.email, password: 'wrong password!' },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers['set-auth-token'], undefined);
    });

    test('no token, garbage and malformed headers are 401', async () => {
      await assertRejected(undefined, 'no header');
      await assertRejected('Bearer garbage', 'garbage');
      await assertRejected('Bearer a.b.c', 'three garbage parts');
      await assertRejected(`Basic ${Buffer.from('a:b').toString('base64')}`, 'basic auth');
      await assertRejected(`Bearer ${alice.sessionToken}`, 'a session token is not a JWT');
    });

    test('a token in the query string is never accepted', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks?token=${alice.jwt}&access_token=${alice.jwt}` });
      assert.equal(res.statusCode, 401);
    });

    test('alg none, HMAC with the public key, a foreign key, tampered payload are 401', async () => {
      const [header, payload] = alice.jwt.split('.') as [string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      await assertRejected(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'alg none');
      const jwks = (await t.app.inject({ method: 'GET', url: '/api/auth/jwks' })).json() as { keys: { x: string; kid: string }[] };
      const publicKeyBytes = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: jwks.keys[0]!.kid }).sign(publicKeyBytes);
      await assertRejected(`Bearer ${hmac}`, 'HMAC confusion with the JWK');
      const rawX = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from(jwks.keys[0]!.x, 'base64url'));
      await assertRejected(`Bearer ${rawX}`, 'HMAC confusion with the raw public key');
      const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: jwks.keys[0]!.kid }).sign(foreign.privateKey);
      await assertRejected(`Bearer ${forged}`, 'signed by a foreign key with our kid');
      assert.ok(await exportJWK(foreign.publicKey));
      const tampered = `${header}.${b64({ ...claims, sub: bob.id })}.${alice.jwt.split('.')[2]}`;
      const res = await t.app.inject({ method: 'GET', url: `/api/${bob.id}/tasks`, headers: { authorization: `Bearer ${tampered}` } });
      assert.equal(res.statusCode, 401, 'payload tampered to name bob');
    });

    test('expired, wrong audience and wrong issuer tokens (signed by the server key) are 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const sign = (payload: Record<string, unknown>) => t.deps.auth.api.signJWT({ body: { payload: { sub: alice.id, iat: now, ...payload } } });
      const good = await sign({ exp: now + 300, iss: 'http://localhost:3000', aud: 'http://localhost:3000/api' });
      assert.equal((await listAs(`Bearer ${good.token}`)).statusCode, 200, 'control: a well-formed server-signed token works');
      await assertRejected(`Bearer ${(await sign({ exp: now - 60, iat: now - 1000, iss: 'http://localhost:3000', aud: 'http://localhost:3000/api' })).token}`, 'expired');
      await assertRejected(`Bearer ${(await sign({ exp: now + 300, iss: 'http://localhost:3000', aud: 'https://other.example' })).token}`, 'wrong audience');
      await assertRejected(`Bearer ${(await sign({ exp: now + 300, iss: 'https://evil.example', aud: 'http://localhost:3000/api' })).token}`, 'wrong issuer');
      await assertRejected(`Bearer ${(await sign({ exp: now + 300, iss: 'http://localhost:3000', aud: 'http://localhost:3000/mcp' })).token}`, 'an MCP-only token is not an API token');
    });

    test("a valid token on another user's path is 403", async () => {
      const res = await listAs(alice.headers.authorization, bob.id);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    });

    test("reading, updating, completing and deleting another user's task id is 404 and leaves it unchanged", async () => {
      const base = `/api/${alice.id}/tasks/${bobTaskId}`;
      const attempts = [
        await t.app.inject({ method: 'GET', url: base, headers: alice.headers }),
        await t.app.inject({ method: 'PUT', url: base, headers: alice.headers, payload: { title: 'pwned', completed: true } }),
        await t.app.inject({ method: 'PATCH', url: `${base}/complete`, headers: alice.headers }),
        await t.app.inject({ method: 'DELETE', url: base, headers: alice.headers }),
      ];
      for (const res of attempts) {
        assert.equal(res.statusCode, 404);
        assert.deepEqual(res.json(), { error: { code: 'NOT_FOUND', message: `Task ${bobTaskId} not found` } });
      }
      const bobs = await t.app.inject({ method: 'GET', url: `/api/${bob.id}/tasks/${bobTaskId}`, headers: bob.headers });
      assert.equal(bobs.json().title, 'Bob secret');
      assert.equal(bobs.json().completed, false);
      const aliceList = (await listAs(alice.headers.authorization)).json() as unknown[];
      assert.equal(aliceList.length, 0);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

function assertJsonError(res: LightMyRequestResponse, status: number, code: string, messageMatch?: RegExp) {
  assert.equal(res.statusCode, status, `${res.statusCode} ${res.body}`);
  const body = res.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  if (messageMatch) assert.match(body.error.message, messageMatch);
}

for (const driver of testDrivers) {
  describe(`bad input gets a clear 4xx JSON error (${driver})`, () => {
    let t: TestApp;
    let u: TestUser;
    let taskId: number;
    before(async () => {
      t = await buildTestApp({ driver, env: { BODY_LIMIT_BYTES: '10000' } });
      u = await t.signUp();
      taskId = (await t.app.inject({ method: 'POST', url: `/api/${u.id}/tasks`, headers: u.headers, payload: { title: 'Keep me' } })).json().id;
    });
    after(() => t.close());

    const send = (method: 'POST' | 'PUT', url: string, payload: string, contentType = 'application/json') =>
      t.app.inject({ method, url: `/api/${u.id}${url}`, headers: { ...u.headers, 'content-type': contentType }, payload });

    test('invalid JSON on create and update', async () => {
      assertJsonError(await send('POST', '/tasks', '{"title": '), 400, 'VALIDATION_FAILED', /JSON/);
      assertJsonError(await send('PUT', `/tasks/${taskId}`, '{nope}'), 400, 'VALIDATION_FAILED', /JSON/);
    });

    test('missing, empty, whitespace and over-long titles name the field', async () => {
      assertJsonError(await send('POST', '/tasks', '{}'), 400, 'VALIDATION_FAILED', /title/);
      assertJsonError(await send('POST', '/tasks', '{"title": ""}'), 400, 'VALIDATION_FAILED', /title must not be empty/);
      assertJsonError(await send('POST', '/tasks', '{"title": "   "}'), 400, 'VALIDATION_FAILED', /title must not be empty/);
      assertJsonError(await send('POST', '/tasks', JSON.stringify({ title: 'x'.repeat(501) })), 400, 'VALIDATION_FAILED', /title must be at most 500/);
      const ok = await send('POST', '/tasks', JSON.stringify({ title: 'x'.repeat(500) }));
      assert.equal(ok.statusCode, 201, 'exactly 500 characters is allowed');
      assertJsonError(await send('POST', '/tasks', JSON.stringify({ title: 'a', description: 'd'.repeat(5001) })), 400, 'VALIDATION_FAILED', /description must be at most 5000/);
    });

    test('wrong types and unknown fields', async () => {
      assertJsonError(await send('POST', '/tasks', '{"title": 42}'), 400, 'VALIDATION_FAILED', /title must be a string/);
      assertJsonError(await send('POST', '/tasks', '{"title": ["a"]}'), 400, 'VALIDATION_FAILED', /title/);
      assertJsonError(await send('POST', '/tasks', '{"title": null}'), 400, 'VALIDATION_FAILED', /title/);
      assertJsonError(await send('POST', '/tasks', '[1,2]'), 400, 'VALIDATION_FAILED', /body must be a JSON object/);
      assertJsonError(await send('POST', '/tasks', '"just a string"'), 400, 'VALIDATION_FAILED');
      assertJsonError(await send('POST', '/tasks', '{"title": "a", "user_id": "someone"}'), 400, 'VALIDATION_FAILED', /unknown field.*user_id/);
      assertJsonError(await send('PUT', `/tasks/${taskId}`, '{"completed": "yes"}'), 400, 'VALIDATION_FAILED', /completed must be true or false/);
      assertJsonError(await send('PUT', `/tasks/${taskId}`, '{}'), 400, 'VALIDATION_FAILED', /at least one of/);
    });

    test('negative, zero, non-numeric and huge ids', async () => {
      for (const id of ['-1', '0', 'abc', '1.5', '99999999999', '1e3x']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks/${id}`, headers: u.headers });
        assertJsonError(res, 400, 'VALIDATION_FAILED', /id/);
      }
      assertJsonError(await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks/2147483647`, headers: u.headers }), 404, 'NOT_FOUND');
    });

    test('bad query parameters', async () => {
      assertJsonError(await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks?status=done`, headers: u.headers }), 400, 'VALIDATION_FAILED', /status/);
      assertJsonError(await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks?limit=-5`, headers: u.headers }), 400, 'VALIDATION_FAILED', /limit/);
      assertJsonError(await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks?offset=x`, headers: u.headers }), 400, 'VALIDATION_FAILED', /offset/);
    });

    test('oversize body is 413, wrong content type is 415', async () => {
      assertJsonError(await send('POST', '/tasks', JSON.stringify({ title: 'a', description: 'x'.repeat(20_000) })), 413, 'PAYLOAD_TOO_LARGE');
      assertJsonError(await send('POST', '/tasks', 'title=a', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    test('unknown routes and methods are JSON 404s', async () => {
      assertJsonError(await t.app.inject({ method: 'GET', url: '/api/nope' }), 404, 'NOT_FOUND');
      assertJsonError(await t.app.inject({ method: 'DELETE', url: `/api/${u.id}/tasks`, headers: u.headers }), 404, 'NOT_FOUND');
    });

    test('nothing above was stored and the original task is intact', async () => {
      const list = (await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks`, headers: u.headers })).json() as { title: string }[];
      assert.deepEqual(list.map((x) => x.title.length).sort((a, b) => a - b), [7, 500]);
    });
  });
}

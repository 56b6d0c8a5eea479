import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

for (const driver of testDrivers) {
  describe(`quick add: POST /tasks/parse (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp();
      await t.app.inject({ method: 'PUT', url: `/api/${alice.id}/settings`, headers: alice.headers, payload: { timezone: 'Europe/Paris' } });
    });
    after(() => t.close());

    const parse = (payload: unknown) =>
      t.app.inject({ method: 'POST', url: `/api/${alice.id}/tasks/parse`, headers: alice.headers, payload: payload as object });

    test('reads the details the chat reads, creates nothing, and its result is accepted by POST /tasks', async () => {
      const res = await parse({ text: 'call mom friday 5pm p1 #family every week' });
      assert.equal(res.statusCode, 200);
      const { tasks } = res.json() as { tasks: { title: string; due_at: string; priority: string; tags: string[]; repeat: string }[] };
      assert.equal(tasks.length, 1);
      const [task] = tasks;
      assert.equal(task!.title, 'Call mom');
      assert.match(task!.due_at, /^\d{4}-\d{2}-\d{2}T17:00$/);
      assert.equal(new Date(`${task!.due_at.slice(0, 10)}T12:00:00Z`).getUTCDay(), 5, 'friday');
      assert.equal(task!.priority, 'high');
      assert.deepEqual(task!.tags, ['family']);
      assert.match(task!.repeat, /^weekly/);
      const listed = await t.app.inject({ method: 'GET', url: `/api/${alice.id}/tasks`, headers: alice.headers });
      assert.deepEqual(listed.json(), [], 'parsing created nothing');
      const created = await t.app.inject({ method: 'POST', url: `/api/${alice.id}/tasks`, headers: alice.headers, payload: task });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().priority, 'high');
    });

    test('a blank line, a missing text and an unknown field are 400 VALIDATION_FAILED naming the field', async () => {
      for (const [payload, field] of [[{ text: '   ' }, 'text'], [{}, 'text'], [{ text: 'milk', extra: 1 }, 'extra']] as const) {
        const res = await parse(payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        assert.match(res.json().error.message, new RegExp(field));
      }
    });

    test('needs the caller to be the path user', async () => {
      const bob = await t.signUp();
      const res = await t.app.inject({ method: 'POST', url: `/api/${alice.id}/tasks/parse`, headers: bob.headers, payload: { text: 'milk' } });
      assert.equal(res.statusCode, 403);
    });
  });
}

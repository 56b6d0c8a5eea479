import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

for (const driver of testDrivers) {
  describe(`tasks REST (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp();
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, user = alice) =>
      t.app.inject({ method, url: `/api/${user.id}${url}`, headers: user.headers, ...(payload ? { payload } : {}) });

    test('create trims and returns the full task with 201', async () => {
      const res = await call('POST', '/tasks', { title: '  Buy milk  ', description: ' 2 litres ' });
      assert.equal(res.statusCode, 201);
      const task = res.json();
      assert.equal(task.title, 'Buy milk');
      assert.equal(task.description, '2 litres');
      assert.equal(task.completed, false);
      assert.equal(task.user_id, alice.id);
      assert.ok(Number.isInteger(task.id));
      assert.ok(!Number.isNaN(Date.parse(task.created_at)) && !Number.isNaN(Date.parse(task.updated_at)));
    });

    test('list is newest first and filters by status, with limit and offset', async () => {
      const a = (await call('POST', '/tasks', { title: 'Alpha' })).json();
      const b = (await call('POST', '/tasks', { title: 'Beta' })).json();
      await call('PATCH', `/tasks/${a.id}/complete`);
      const all = (await call('GET', '/tasks')).json() as { id: number; title: string }[];
      assert.deepEqual(all.slice(0, 2).map((x) => x.title), ['Beta', 'Alpha']);
      const pending = (await call('GET', '/tasks?status=pending')).json() as { id: number; completed: boolean }[];
      assert.ok(pending.every((x) => !x.completed) && pending.some((x) => x.id === b.id) && !pending.some((x) => x.id === a.id));
      const completed = (await call('GET', '/tasks?status=completed')).json() as { id: number }[];
      assert.deepEqual(completed.map((x) => x.id), [a.id]);
      const page = (await call('GET', '/tasks?limit=1&offset=1')).json() as { id: number }[];
      assert.deepEqual(page.map((x) => x.id), [all[1]!.id]);
    });

    test('get, update, toggle complete and delete', async () => {
      const task = (await call('POST', '/tasks', { title: 'Walk the dog' })).json();
      assert.equal((await call('GET', `/tasks/${task.id}`)).json().title, 'Walk the dog');
      const updated = (await call('PUT', `/tasks/${task.id}`, { title: 'Walk the dog twice', description: null, completed: true })).json();
      assert.equal(updated.title, 'Walk the dog twice');
      assert.equal(updated.completed, true);
      assert.ok(Date.parse(updated.updated_at) >= Date.parse(task.updated_at));
      assert.equal((await call('PATCH', `/tasks/${task.id}/complete`)).json().completed, false);
      assert.equal((await call('PATCH', `/tasks/${task.id}/complete`)).json().completed, true);
      const del = await call('DELETE', `/tasks/${task.id}`);
      assert.equal(del.statusCode, 204);
      assert.equal(del.body, '');
      const gone = await call('GET', `/tasks/${task.id}`);
      assert.equal(gone.statusCode, 404);
      assert.deepEqual(gone.json(), { error: { code: 'NOT_FOUND', message: `Task ${task.id} not found` } });
    });

    test('a description can be cleared with an empty string', async () => {
      const task = (await call('POST', '/tasks', { title: 'Note', description: 'x' })).json();
      assert.equal((await call('PUT', `/tasks/${task.id}`, { description: '' })).json().description, null);
    });
  });
}

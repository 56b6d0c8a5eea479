import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRuntime, type Runtime } from '../../src/compose.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

for (const driver of testDrivers) {
  describe(`task numbers are each user's own (${driver})`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      alice = await t.signUp();
      bob = await t.signUp();
    });
    after(() => t.close());

    const create = (user: TestUser, title: string) =>
      t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: { title } });

    test("regression: a second account's first task was #11 (numbers were global); two users' first tasks are both #1", async () => {
      const a = await create(alice, 'Alice one');
      const b = await create(bob, 'Bob one');
      assert.deepEqual([a.json().id, b.json().id], [1, 1]);
      assert.equal((await create(alice, 'Alice two')).json().id, 2);
      const bobsOne = await t.app.inject({ method: 'GET', url: `/api/${bob.id}/tasks/1`, headers: bob.headers });
      assert.equal(bobsOne.json().title, 'Bob one', "Bob's #1 is his own");
    });

    test('a number is never given again after a delete, a purge or a restore', async () => {
      const carol = await t.signUp();
      const first = (await create(carol, 'First')).json().id as number;
      const second = (await create(carol, 'Second')).json().id as number;
      await t.app.inject({ method: 'DELETE', url: `/api/${carol.id}/tasks/${second}`, headers: carol.headers });
      assert.equal(await t.deps.purgeDeleted(new Date(Date.now() + 31 * 86_400_000)), 1);
      const third = (await create(carol, 'Third')).json().id as number;
      assert.deepEqual([first, second, third], [1, 2, 3]);
    });

    test('two instances adding 50 tasks each for one user at once give 1…100 with no gap and no duplicate', async () => {
      const dave = await t.signUp();
      // A second instance: its own runtime (its own connection pool on Postgres) on the same database.
      const other: Runtime = await createRuntime(t.deps.config, {
        logger: t.deps.logger,
        database: driver === 'postgres' ? { poolSize: 10 } : { open: t.deps.db },
      });
      try {
        const adds = (runtime: Runtime, label: string) =>
          Array.from({ length: 50 }, (_v, i) => runtime.domain.tasks.create(dave.id, { title: `${label} ${i}` }));
        const created = await Promise.all([...adds(t.deps, 'one'), ...adds(other, 'two')]);
        const ids = created.map((task) => task.id).sort((x, y) => x - y);
        assert.deepEqual(ids, Array.from({ length: 100 }, (_v, i) => i + 1));
        const listed = await t.deps.tasks.list(dave.id);
        assert.equal(listed.length, 100);
      } finally {
        await other.close();
      }
    });
  });
}

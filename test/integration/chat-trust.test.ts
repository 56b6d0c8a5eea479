// Issue 14 through the chat endpoint with the built-in engine, on both database drivers: undo of a whole turn
// and further back, "delete all my tasks" confirmed in the next message (nothing deleted before), reopening by
// name, and "what did I change today?" — checked against the REST view of the tasks and the trash.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

interface Task {
  id: number;
  title: string;
  completed: boolean;
}

for (const driver of testDrivers) {
  describe(`trust in the chat with the built-in engine (${driver})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp({ driver });
    });
    after(() => t.close());

    /** A conversation of one user: each message continues it. */
    function conversation(user: TestUser) {
      let id: number | undefined;
      return async (message: string): Promise<{ response: string; tool_calls: { name: string; arguments: Record<string, unknown>; result: unknown }[] }> => {
        const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: id ? { message, conversation_id: id } : { message } });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        id ??= body.conversation_id;
        return body;
      };
    }
    const get = async <T>(user: TestUser, path: string): Promise<T> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/${user.id}${path}`, headers: user.headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as T;
    };
    const titles = async (user: TestUser, path = '/tasks'): Promise<string[]> => (await get<Task[]>(user, path)).map((x) => x.title).sort();
    const create = async (user: TestUser, title: string): Promise<Task> => {
      const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: { title } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as Task;
    };

    test('a turn that added two tasks is undone whole; "undo" again walks further back', async () => {
      const user = await t.signUp();
      const say = conversation(user);
      await say('add walk the dog');
      const added = await say('add buy milk and call the bank');
      assert.deepEqual(added.tool_calls.map((c) => c.name), ['add_task', 'add_task']);
      assert.deepEqual(await titles(user), ['Buy milk', 'Call the bank', 'Walk the dog']);

      const undone = await say('undo');
      assert.deepEqual(undone.tool_calls.map((c) => c.name), ['undo']);
      assert.equal(undone.response, 'Undone:\n- Removed #3 Call the bank (undid adding it).\n- Removed #2 Buy milk (undid adding it).');
      assert.deepEqual(await titles(user), ['Walk the dog']);

      const further = await say('undo');
      assert.equal(further.response, 'Undone: removed #1 Walk the dog (undid adding it).');
      assert.deepEqual(await titles(user), []);
      assert.equal((await say('undo')).response, "There's nothing to undo.");
    });

    // Regression (Postgres): a step's parallel deletes ran in overlapping transactions, and one rewrote the turn's reply
    // before its insert committed ("Message N not found", 502, ~1 turn in 7); the turn now runs its changes one at a time.
    test('"delete all my tasks" lists all 5 and asks, deletes nothing; "yes" deletes all 5 to the trash; "undo" brings them back', async () => {
      const user = await t.signUp();
      const five = ['Buy groceries', 'Call mom', 'Pay the rent', 'Water the plants', 'Walk the dog'];
      for (const title of five) await create(user, title);
      const say = conversation(user);

      const asked = await say('delete all my tasks');
      assert.deepEqual(asked.tool_calls.map((c) => c.name), ['list_tasks', 'preview_bulk_change']);
      assert.equal(
        asked.response,
        "I'll delete these 5 tasks:\n1. #5 Walk the dog\n2. #4 Water the plants\n3. #3 Pay the rent\n4. #2 Call mom\n5. #1 Buy groceries\nSay yes to go ahead.",
      );
      assert.deepEqual(await titles(user), [...five].sort(), 'nothing is deleted before the yes');

      const yes = await say('yes');
      assert.equal(yes.tool_calls.length, 5);
      assert.ok(yes.tool_calls.every((c) => c.name === 'delete_task' && typeof c.arguments.confirmation === 'string'));
      assert.deepEqual(await titles(user), []);
      assert.deepEqual(await titles(user, '/trash'), [...five].sort());

      const undone = await say('undo');
      assert.match(undone.response, /^Undone:\n(?:- Brought back #\d .+\.\n?){5}$/);
      assert.deepEqual(await titles(user), [...five].sort());
      assert.deepEqual(await titles(user, '/trash'), []);
    });

    test('"no" after the bulk question deletes nothing, and a later "yes" does not either', async () => {
      const user = await t.signUp();
      for (const title of ['A1', 'A2', 'A3', 'A4']) await create(user, title);
      const say = conversation(user);
      await say('clear my list');
      assert.equal((await say('no')).response, "Okay, I won't change anything.");
      await say('yes');
      assert.deepEqual(await titles(user), ['A1', 'A2', 'A3', 'A4']);
    });

    test('"mark the passport one as not done" reopens the completed task', async () => {
      const user = await t.signUp();
      await create(user, 'Call mom');
      const passport = await create(user, 'Renew the passport');
      const done = await t.app.inject({ method: 'PATCH', url: `/api/${user.id}/tasks/${passport.id}/complete`, headers: user.headers });
      assert.equal(done.json().completed, true);
      const reply = await conversation(user)('mark the passport one as not done');
      assert.equal(reply.response, `Reopened #${passport.id} Renew the passport.`);
      const call = reply.tool_calls.at(-1);
      assert.deepEqual([call?.name, call?.arguments], ['update_task', { task_id: passport.id, completed: false }]);
      assert.equal((await get<Task>(user, `/tasks/${passport.id}`)).completed, false);
    });

    test('"what did I change today?" lists the day\'s changes, in the chat and in the app, oldest first', async () => {
      const user = await t.signUp();
      const note = await create(user, 'Old note');
      const say = conversation(user);
      await say('add buy milk');
      await say('add call mom');
      await say('complete call mom');
      await say(`delete task ${note.id}`);
      const reply = await say('what did I change today?');
      assert.deepEqual(reply.tool_calls.map((c) => c.name), ['list_activity']);
      assert.deepEqual(reply.tool_calls[0]?.arguments, { since: 'today', limit: 50 });
      const lines = reply.response.split('\n');
      assert.equal(lines[0], 'Today (5 changes):');
      assert.deepEqual(
        // "- 14:05 added …" (a change of another day would read "- Tue 1 Dec, 23:59 …").
        lines.slice(1).map((l) => l.replace(/^- (?:\w{3} \d{1,2} \w{3}, )?\d{2}:\d{2} /, '')),
        ['added #1 Old note (through the API)', 'added #2 Buy milk', 'added #3 Call mom', 'completed #3 Call mom', 'deleted #1 Old note'],
      );
    });
  });
}

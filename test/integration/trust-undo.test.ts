import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

interface TaskJson {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  due_at: string | null;
  priority: string | null;
  tags: string[];
  repeat: string | null;
}

/** What undo must put back exactly (timestamps aside). */
const state = (tasks: TaskJson[]) =>
  tasks.map(({ id, title, description, completed, due_at, priority, tags, repeat }) => ({ id, title, description, completed, due_at, priority, tags, repeat })).sort((a, b) => a.id - b.id);

const call = (name: string, args: object) => ({ name, arguments: JSON.stringify(args) });

for (const driver of testDrivers) {
  describe(`undo, activity and the trash (${driver})`, () => {
    let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      fake = await startFakeOpenAI();
      t = await buildTestApp({ driver, env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: fake.url, MODEL_MAX_RETRIES: '0' } });
      u = await t.signUp();
    });
    after(async () => {
      await t.close();
      await fake.close();
    });

    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url: `/api/${u.id}${url}`, headers: { ...u.headers, ...headers }, ...(payload ? { payload } : {}) });
    const tasks = async () => (await api('GET', '/tasks')).json() as TaskJson[];
    /** One chat turn in which the model makes these tool calls, then answers. */
    const turn = async (calls: { name: string; arguments: string }[]) => {
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls } : { kind: 'text', text: 'Done.' }));
      const res = await api('POST', '/chat', { message: 'do the things' });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { conversation_id: number; change_group?: string; tool_calls: { name: string; result: unknown }[] };
    };

    test('undo of a chat turn that added, renamed, completed and deleted tasks puts every one back exactly, in one go', async () => {
      for (const title of ['Keep me', 'Rename me', 'Finish me', 'Delete me']) await api('POST', '/tasks', { title, tags: ['home'], due_at: '2031-01-02' });
      const [keep, rename, finish, del] = (await tasks()).reverse();
      const before = state(await tasks());
      const done = await turn([
        call('add_task', { title: 'Brand new', priority: 'high' }),
        call('update_task', { task_id: rename!.id, title: 'Renamed', description: 'now with words', tags: ['work'] }),
        call('complete_task', { task_id: finish!.id }),
        call('delete_task', { task_id: del!.id }),
      ]);
      assert.ok(done.change_group, 'the reply names its change group');
      assert.equal((await tasks()).length, 4, 'one added, one deleted');
      const messages = (await api('GET', `/conversations/${done.conversation_id}/messages`)).json() as { role: string; change_group?: { id: string; undone: boolean } }[];
      assert.deepEqual(messages.at(-1)!.change_group, { id: done.change_group, undone: false });

      const res = await api('POST', '/undo', { group_id: done.change_group });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { undone: { task_id: number; op: string }[]; skipped: unknown[]; message: string };
      assert.deepEqual(body.undone.map((x) => x.op).sort(), ['complete', 'create', 'delete', 'update']);
      assert.deepEqual(body.skipped, []);
      assert.match(body.message, /Undid 4 changes/);
      assert.deepEqual(state(await tasks()), before, 'exactly as before the turn: titles, details, completion, deletion');
      assert.equal(keep!.title, 'Keep me');
      const again = (await api('GET', `/conversations/${done.conversation_id}/messages`)).json() as { change_group?: { undone: boolean } }[];
      assert.equal(again.at(-1)!.change_group!.undone, true, 'the conversation shows the turn was undone');
      const twice = await api('POST', '/undo', { group_id: done.change_group });
      assert.equal(twice.statusCode, 409, 'a group is undone once');
      assert.equal(twice.json().error.code, 'CONFLICT');
    });

    test('a task changed since its group is left alone, and the answer says so', async () => {
      const created = await api('POST', '/tasks', { title: 'Original' });
      const edit = await api('PUT', `/tasks/${created.json().id}`, { title: 'First edit' });
      const group = String(edit.headers['x-change-group']);
      await api('PUT', `/tasks/${created.json().id}`, { title: 'Second edit' });
      const res = await api('POST', '/undo', { group_id: group });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().undone, []);
      assert.deepEqual(res.json().skipped.map((s: { task_id: number; reason: string }) => [s.task_id, s.reason]), [[created.json().id, 'it changed since']]);
      assert.match(res.json().message, /Left #\d+ Second edit alone: it changed since/);
      assert.equal((await api('GET', `/tasks/${created.json().id}`)).json().title, 'Second edit');
    });

    test('undo without a group takes back the latest one, and again walks further back; then there is nothing left', async () => {
      const carol = await t.signUp();
      const as = (method: 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url: `/api/${carol.id}${url}`, headers: carol.headers, ...(payload ? { payload } : {}) });
      const a = (await as('POST', '/tasks', { title: 'A' })).json();
      await as('PUT', `/tasks/${a.id}`, { title: 'A renamed' });
      const first = await as('POST', '/undo');
      assert.equal(first.json().undone[0].op, 'update');
      const second = await as('POST', '/undo');
      assert.equal(second.json().undone[0].op, 'create');
      const list = (await t.app.inject({ method: 'GET', url: `/api/${carol.id}/tasks`, headers: carol.headers })).json();
      assert.deepEqual(list, [], 'undoing the add deletes the task');
      const none = await as('POST', '/undo');
      assert.equal(none.statusCode, 409);
      assert.match(none.json().error.message, /nothing to undo/);
      const bad = await as('POST', '/undo', { group_id: 'not-a-uuid' });
      assert.equal(bad.statusCode, 400);
    });

    test('delete is soft: the task leaves every list, sits in the trash, restores; the purge removes it after 30 days', async () => {
      const task = (await api('POST', '/tasks', { title: 'Trash me', due_at: '2031-03-04' })).json();
      const del = await api('DELETE', `/tasks/${task.id}`, undefined, { 'x-todo-client': 'web' });
      assert.equal(del.statusCode, 204);
      assert.match(String(del.headers['x-change-group']), /^[0-9a-f-]{36}$/);
      assert.equal((await api('GET', `/tasks/${task.id}`)).statusCode, 404);
      assert.ok(!(await tasks()).some((x) => x.id === task.id));
      for (const [method, url, payload] of [['PUT', `/tasks/${task.id}`, { title: 'x' }], ['PATCH', `/tasks/${task.id}/complete`], ['DELETE', `/tasks/${task.id}`]] as const) {
        assert.equal((await api(method, url, payload)).statusCode, 404, `${method} ${url} on a deleted task`);
      }
      const trash = (await api('GET', '/trash')).json() as (TaskJson & { deleted_at: string; purge_at: string })[];
      const trashed = trash.find((x) => x.id === task.id)!;
      assert.equal(trashed.title, 'Trash me');
      assert.equal(Date.parse(trashed.purge_at) - Date.parse(trashed.deleted_at), 30 * 86_400_000);
      const restored = await api('POST', `/tasks/${task.id}/restore`);
      assert.equal(restored.statusCode, 200, restored.body);
      assert.equal(restored.json().due_at, '2031-03-04');
      assert.equal((await api('POST', `/tasks/${task.id}/restore`)).statusCode, 404, 'only a deleted task restores');
      await api('DELETE', `/tasks/${task.id}`);
      assert.equal(await t.deps.purgeDeleted(new Date(Date.now() + 29 * 86_400_000)), 0, 'kept for 30 days');
      assert.ok((await t.deps.purgeDeleted(new Date(Date.now() + 31 * 86_400_000))) >= 1);
      assert.ok(!((await api('GET', '/trash')).json() as TaskJson[]).some((x) => x.id === task.id), 'purged for good');
    });

    test('the activity lists every change newest first with its source, what it changed and whether it was undone; it pages', async () => {
      const erin = await t.signUp();
      const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
        t.app.inject({ method, url: `/api/${erin.id}${url}`, headers: { ...erin.headers, ...headers }, ...(payload ? { payload } : {}) });
      const task = (await as('POST', '/tasks', { title: 'Watch' }, { 'x-todo-client': 'web' })).json();
      const edit = await as('PUT', `/tasks/${task.id}`, { title: 'Watch closely', priority: 'p1' });
      await as('POST', '/undo', { group_id: edit.headers['x-change-group'] });
      const entries = (await as('GET', '/activity')).json() as { id: number; op: string; source: string; changes: Record<string, unknown>; undone: boolean; undoes: string | null; title: string }[];
      assert.deepEqual(entries.map((e) => [e.op, e.source, e.undone]), [['update', 'rest', false], ['update', 'rest', true], ['create', 'web', false]]);
      assert.deepEqual(entries[1]!.changes, { title: { from: 'Watch', to: 'Watch closely' }, priority: { from: null, to: 'high' } });
      assert.equal(entries[0]!.undoes, edit.headers['x-change-group'], 'the undo names the group it undid');
      const page = (await as('GET', `/activity?limit=1&before=${entries[0]!.id}`)).json() as { id: number }[];
      assert.deepEqual(page.map((e) => e.id), [entries[1]!.id]);
      assert.equal((await as('GET', '/activity?limit=0')).statusCode, 400);
      const other = await t.signUp();
      assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/${other.id}/activity`, headers: other.headers })).json(), [], 'nobody sees another user\'s journal');
    });

    test('activity writes dues as tasks do (a day stays a day), and an edit that changes nothing is not history', async () => {
      const fay = await t.signUp();
      const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        t.app.inject({ method, url: `/api/${fay.id}${url}`, headers: fay.headers, ...(payload ? { payload } : {}) });
      const task = (await as('POST', '/tasks', { title: 'Dentist', due_at: '2031-05-02' })).json();
      await as('PUT', `/tasks/${task.id}`, { due_at: '2031-05-03T09:30' });
      await as('PUT', `/tasks/${task.id}`, { title: 'Dentist' });
      const entries = (await as('GET', '/activity')).json() as { op: string; changes: Record<string, { from: unknown; to: unknown }> }[];
      assert.deepEqual(entries.map((e) => e.op), ['update', 'create'], 'the same title written again is not a change');
      assert.deepEqual(entries[0]!.changes, { due_at: { from: '2031-05-02', to: '2031-05-03T09:30:00+00:00' } });
    });

    test('a chat turn that only undid something carries no change group of its own (an undo is not undone)', async () => {
      const added = await turn([call('add_task', { title: 'Soon undone' })]);
      assert.ok(added.change_group);
      const undid = await turn([call('undo', {})]);
      assert.equal((undid.tool_calls[0]!.result as { undone: unknown[] }).undone.length, 1);
      assert.equal(undid.change_group, undefined);
    });
  });
}

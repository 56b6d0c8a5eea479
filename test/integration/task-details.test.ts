import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { callTool, textOf } from '../mcp/helpers.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

type TaskJson = { id: number; title: string; due_at: string | null; priority: string | null; tags: string[]; repeat: string | null; overdue: boolean; completed: boolean; next_task?: TaskJson };

for (const driver of testDrivers) {
  describe(`task details: due dates, priorities, tags, repeats, filters and sort (${driver})`, () => {
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      t = await buildTestApp({ driver });
      u = await t.signUp();
      const res = await t.app.inject({ method: 'PUT', url: `/api/${u.id}/settings`, headers: u.headers, payload: { timezone: 'Europe/Paris' } });
      assert.equal(res.statusCode, 200);
    });
    after(() => t.close());

    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, payload?: object) =>
      t.app.inject({ method, url: `/api/${u.id}${path}`, headers: u.headers, ...(payload ? { payload } : {}) });
    const create = async (payload: object) => {
      const res = await api('POST', '/tasks', payload);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as TaskJson;
    };
    const list = async (query: string) => {
      const res = await api('GET', `/tasks?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as TaskJson[]).map((x) => x.title);
    };

    test('settings: time zone round-trips; an unknown zone is a 400 naming the fix', async () => {
      assert.deepEqual((await api('GET', '/settings')).json(), {
        timezone: 'Europe/Paris',
        locale: null,
        digest_time: null,
        webhook_url: null,
        webhook_secret: null,
        email_notifications: false,
      });
      const bad = await api('PUT', '/settings', { timezone: 'Mars/Olympus' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /timezone must be an IANA time zone name/);
    });

    test('settings: the locale is canonicalised and set on its own, leaving the zone; a malformed tag or an empty body is a 400', async () => {
      const set = await api('PUT', '/settings', { locale: 'en-gb' });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual([set.json().timezone, set.json().locale], ['Europe/Paris', 'en-GB']);
      const read = (await api('GET', '/settings')).json();
      assert.deepEqual([read.timezone, read.locale], ['Europe/Paris', 'en-GB']);
      const bad = await api('PUT', '/settings', { locale: 'not a locale!' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /locale must be a language tag/);
      const empty = await api('PUT', '/settings', {});
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.message, /at least one of timezone, locale/);
      assert.equal((await api('PUT', '/settings', { locale: null })).json().locale, null);
    });

    test('create with details: dates in the user zone, priority aliases, tags normalised, repeat canonical', async () => {
      const task = await create({ title: 'Call mom', due_at: '2031-05-02T17:00', priority: 'p1', tags: ['#Family', 'phone', 'family'] });
      assert.equal(task.due_at, '2031-05-02T17:00:00+02:00');
      assert.equal(task.priority, 'high');
      assert.deepEqual(task.tags, ['family', 'phone']);
      assert.equal(task.overdue, false);
      const plants = await create({ title: 'Water plants', repeat: 'every monday' });
      assert.equal(plants.repeat, 'weekly on mon');
      assert.match(plants.due_at!, /^\d{4}-\d{2}-\d{2}$/, 'a repeating task without a date is due on its first occurrence');
      const plain = await create({ title: 'No details' });
      assert.deepEqual([plain.due_at, plain.priority, plain.tags, plain.repeat, plain.overdue], [null, null, [], null, false]);
    });

    test('bad details are 400s naming the field', async () => {
      const cases: [object, RegExp][] = [
        [{ title: 'a', due_at: '2026-02-30' }, /due_at .* is not a date/],
        [{ title: 'a', priority: 'urgentest' }, /priority must be high, medium or low/],
        [{ title: 'a', tags: ['has space'] }, /tags must be words/],
        [{ title: 'a', tags: 'work' }, /tags must be an array/],
        [{ title: 'a', repeat: 'sometimes' }, /repeat "sometimes" is not a rule/],
      ];
      for (const [payload, message] of cases) {
        const res = await api('POST', '/tasks', payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.match(res.json().error.message, message);
      }
    });

    test('update sets and clears details; old clients sending only a title keep working', async () => {
      const task = await create({ title: 'Dentist', due_at: '2031-01-10' });
      const moved = (await api('PUT', `/tasks/${task.id}`, { due_at: '2031-01-12', tags: ['health'] })).json() as TaskJson;
      assert.deepEqual([moved.due_at, moved.tags], ['2031-01-12', ['health']]);
      const cleared = (await api('PUT', `/tasks/${task.id}`, { due_at: null, tags: null, priority: null })).json() as TaskJson;
      assert.deepEqual([cleared.due_at, cleared.tags, cleared.priority], [null, [], null]);
      const renamed = (await api('PUT', `/tasks/${task.id}`, { title: 'Dentist appointment' })).json() as TaskJson;
      assert.equal(renamed.title, 'Dentist appointment');
    });

    test('filters and sorts: overdue, due range, priority, tag, query, sort by due / priority / title', async () => {
      await create({ title: 'Overdue report', due_at: '2020-01-01', priority: 'medium', tags: ['work'] });
      await create({ title: 'Future trip booking', due_at: '2032-06-01T09:00', description: 'the summer trip', priority: 'low' });
      await create({ title: 'Alpha trip packing', due_at: '2032-05-31' });
      assert.deepEqual(await list('overdue=true'), ['Overdue report']);
      assert.deepEqual(await list('due_after=2032-05-31&due_before=2032-06-01&sort=due'), ['Alpha trip packing', 'Future trip booking']);
      assert.deepEqual(await list('due_before=2032-05-31&due_after=2032-05-31'), ['Alpha trip packing'], 'a date bound covers the whole day');
      assert.deepEqual(await list('priority=medium'), ['Overdue report']);
      assert.deepEqual(await list('tag=work'), ['Overdue report']);
      assert.deepEqual((await list('q=TRIP&sort=title')), ['Alpha trip packing', 'Future trip booking']);
      assert.deepEqual(await list('query=summer'), ['Future trip booking'], 'the description is searched too');
      assert.deepEqual(await list('query=100%25'), [], 'LIKE wildcards in a query are literal');
      const byPriority = await list('sort=priority&status=pending');
      assert.equal(byPriority[0], 'Call mom');
      assert.equal(byPriority.indexOf('Overdue report') < byPriority.indexOf('Future trip booking'), true, 'medium before low');
      const byDue = await list('sort=due');
      assert.equal(byDue[0], 'Overdue report');
      assert.equal(byDue.at(-1), 'No details', 'undated last');
      for (const bad of ['sort=random', 'priority=p9', 'overdue=maybe', 'due_before=someday-ish-nonsense-zzz', 'tag=two%20words']) {
        assert.equal((await api('GET', `/tasks?${bad}`)).statusCode, 400, bad);
      }
    });

    test('completing a repeating task keeps it as done and creates the next occurrence, once', async () => {
      const task = await create({ title: 'Pay rent', due_at: '2031-01-31', repeat: 'monthly' });
      assert.equal(task.repeat, 'monthly on day 31');
      const done = (await api('PATCH', `/tasks/${task.id}/complete`)).json() as TaskJson;
      assert.equal(done.completed, true);
      assert.equal(done.next_task!.due_at, '2031-02-28');
      assert.equal(done.next_task!.repeat, 'monthly on day 31');
      assert.equal(done.next_task!.completed, false);
      const again = (await api('PATCH', `/tasks/${done.next_task!.id}/complete`)).json() as TaskJson;
      assert.equal(again.next_task!.due_at, '2031-03-31');
      const undo = (await api('PATCH', `/tasks/${task.id}/complete`)).json() as TaskJson;
      assert.equal(undo.completed, false);
      assert.equal(undo.next_task, undefined, 'un-completing creates nothing');
      const concurrent = await create({ title: 'Water plants daily', due_at: '2031-01-01', repeat: 'daily' });
      const results = await Promise.all([1, 2, 3].map(() => t.deps.tasks.complete(u.id, concurrent.id)));
      assert.equal(results.filter((r) => r.next_task).length, 1, 'concurrent completes create one next occurrence');
      assert.equal((await list('query=water%20plants%20daily')).length, 2);
    });

    // Issue 18 merged the select for update into the update: the row each change journals as "before" must still be
    // the one it locked, not its snapshot's (two toggles journaled as two completions would undo wrongly).
    test('concurrent toggles and deletes each see the change before them: journaled once each, in order', async () => {
      const task = await create({ title: 'Toggle me twice' });
      const toggles = await Promise.all([1, 2].map(() => api('PATCH', `/tasks/${task.id}/complete`)));
      assert.deepEqual(toggles.map((r) => r.statusCode), [200, 200]);
      assert.deepEqual(toggles.map((r) => (r.json() as TaskJson).completed).sort(), [false, true]);
      assert.equal((await api('GET', `/tasks/${task.id}`)).json().completed, false, 'two toggles leave it as it was');
      const deletes = await Promise.all([1, 2].map(() => t.app.inject({ method: 'DELETE', url: `/api/${u.id}/tasks/${task.id}`, headers: u.headers })));
      assert.deepEqual(deletes.map((r) => r.statusCode).sort(), [204, 404]);
      const activity = (await api('GET', '/activity?limit=10')).json() as { op: string; task_id: number }[];
      assert.deepEqual(activity.filter((e) => e.task_id === task.id).map((e) => e.op), ['delete', 'reopen', 'complete', 'create']);
    });

    test('chat with the built-in engine sets and uses details end to end', async () => {
      const say = async (message: string) => {
        const res = await api('POST', '/chat', { message, timezone: 'Europe/Paris' });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { response: string; tool_calls: { name: string; result: { task_id?: number } }[] };
      };
      const call = await say('call grandma friday p1');
      const grandma = (await api('GET', `/tasks/${call.tool_calls.at(-1)!.result.task_id}`)).json() as TaskJson;
      assert.equal(grandma.title, 'Call grandma');
      assert.equal(grandma.priority, 'high');
      assert.match(grandma.due_at!, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(new Date(`${grandma.due_at}T12:00:00Z`).getUTCDay(), 5, 'due on a Friday');
      const report = await say('add quarterly report #work high priority');
      const reportTask = (await api('GET', `/tasks/${report.tool_calls.at(-1)!.result.task_id}`)).json() as TaskJson;
      assert.deepEqual([reportTask.title, reportTask.tags, reportTask.priority], ['Quarterly report', ['work'], 'high']);
      const plants = await say('water the ferns every monday');
      const ferns = (await api('GET', `/tasks/${plants.tool_calls.at(-1)!.result.task_id}`)).json() as TaskJson;
      assert.equal(ferns.repeat, 'weekly on mon');
      assert.equal(new Date(`${ferns.due_at}T12:00:00Z`).getUTCDay(), 1, 'first due on a Monday');
      const overdue = await say("what's overdue?");
      assert.match(overdue.response, /Overdue report/);
      assert.doesNotMatch(overdue.response, /Call grandma/);
      const stop = await say('stop repeating the ferns task');
      assert.equal(stop.tool_calls.at(-1)!.name, 'update_task');
      assert.equal(((await api('GET', `/tasks/${ferns.id}`)).json() as TaskJson).repeat, null);
    });

    test('chat with the built-in engine writes dates in the user\'s locale, as the task panel does (issue 12)', async () => {
      const v = await t.signUp();
      const say = async (message: string, locale?: string) => {
        const res = await t.app.inject({ method: 'POST', url: `/api/${v.id}/chat`, headers: v.headers, payload: { message, timezone: 'Europe/Paris', ...(locale ? { locale } : {}) } });
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as { response: string }).response.replace(/\u202f/g, ' ');
      };
      // No locale yet: the default en-GB style.
      assert.match(await say('add call mom 2031-05-02 at 5pm'), /^Added #\d+ Call mom — due Fri, 2 May 2031, 17:00\.$/);
      assert.match(await say('show my tasks', 'en-US'), /1\. #\d+ Call mom — due Fri, May 2, 2031, 5:00 PM$/);
      assert.match(await say('show my tasks', 'de-DE'), /1\. #\d+ Call mom — due Fr\., 2\. Mai 2031, 17:00$/);
    });

    test('MCP: old calls unchanged; new arguments, filters, sorts and next occurrence', async () => {
      const { client, close } = await createInProcessMcpClient({ user: { id: u.id }, work: t.deps.toolWork });
      try {
        const old = JSON.parse(textOf(await callTool(client as Client, 'add_task', { title: 'Old style' })));
        assert.deepEqual([old.status, old.title], ['created', 'Old style']);
        const added = await callTool(client, 'add_task', { title: 'Report', due: '2031-03-03T10:00', priority: 'high', tags: ['work'], repeat: 'weekdays' });
        assert.notEqual(added.isError, true, textOf(added));
        const report = JSON.parse(textOf(added));
        assert.deepEqual([report.due_at, report.priority, report.tags, report.repeat], ['2031-03-03T10:00:00+01:00', 'high', ['work'], 'weekdays']);
        const listed = JSON.parse(textOf(await callTool(client, 'list_tasks', { tag: 'work', sort: 'due', status: 'pending' }))) as TaskJson[];
        assert.deepEqual(listed.map((x) => x.title), ['Overdue report', 'Report', 'Quarterly report'], 'tagged work, pending, soonest first, undated last');
        const overdue = JSON.parse(textOf(await callTool(client, 'list_tasks', { overdue: true }))) as TaskJson[];
        assert.ok(overdue.every((x) => x.overdue));
        const done = JSON.parse(textOf(await callTool(client, 'complete_task', { task_id: report.task_id })));
        assert.equal(done.next_due_at, '2031-03-04T10:00:00+01:00');
        assert.ok(Number.isInteger(done.next_task_id));
        const stopped = JSON.parse(textOf(await callTool(client, 'update_task', { task_id: done.next_task_id, repeat: null, due: 'tomorrow' })));
        assert.equal(stopped.repeat, null);
        assert.match(stopped.due_at, /^\d{4}-\d{2}-\d{2}$/);
        const bad = await callTool(client, 'add_task', { title: 'x', due: 'the day after never' });
        assert.equal(bad.isError, true);
        assert.match(textOf(bad), /due_at .* is not a date/);
      } finally {
        await close();
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRuntime, type Runtime } from '../../src/compose.js';
import type { Scheduler } from '../../src/notify/scheduler.js';
import { startTestServer, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

interface NotificationJson {
  id: number;
  kind: string;
  task_id: number | null;
  title: string;
  fire_at: string;
  late: boolean;
  read: boolean;
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolve once `check` holds (the scheduler and the streams work on timers), or fail saying what never happened. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`never happened: ${what}`);
    await sleep(100);
  }
}

/** The events of a Server-Sent Events response as they arrive. */
function sseEvents(response: Response): { events: { id: string; event: string; data: NotificationJson }[]; stop(): void } {
  const events: { id: string; event: string; data: NotificationJson }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) events.push({ id: /^id: (.*)$/m.exec(frame)?.[1] ?? '', event: /^event: (.*)$/m.exec(frame)?.[1] ?? 'message', data: JSON.parse(data) as NotificationJson });
      }
    }
  })();
  return { events, stop: () => void reader.cancel().catch(() => undefined) };
}

for (const driver of testDrivers) {
  describe(`reminders (${driver})`, () => {
    let t: TestApp & { url: string };
    let u: TestUser;
    before(async () => {
      t = await startTestServer({ driver });
      u = await t.signUp();
      await api('PUT', '/settings', { timezone: 'Europe/Paris' });
    });
    after(() => t.close());

    const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, user = u) =>
      t.app.inject({ method, url: `/api/${user.id}${url}`, headers: user.headers, ...(payload ? { payload } : {}) });
    const notifications = async (user = u) => (await api('GET', '/notifications', undefined, user)).json() as NotificationJson[];

    test('reminders are set with a task, shown on it, replaced by an update, and a moved due moves the relative ones', async () => {
      const created = await api('POST', '/tasks', { title: 'Dentist', due_at: '2031-05-02T17:00', reminders: [{ minutes_before: 30 }, { at: '2031-05-02T09:00' }] });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().reminders, [{ minutes_before: 30 }, { at: '2031-05-02T09:00:00+02:00' }]);
      const moved = await api('PUT', `/tasks/${created.json().id}`, { due_at: '2031-05-03T18:00' });
      assert.deepEqual(moved.json().reminders, [{ minutes_before: 30 }, { at: '2031-05-02T09:00:00+02:00' }]);
      const schedule = await t.deps.domain.notifications.claimDueReminders(new Date('2031-05-03T15:31:00Z'), 10);
      assert.equal(schedule.length, 2, 'both fire by 17:31 Paris on the 3rd: the relative one moved with the due to 17:30');
      const cleared = await api('PUT', `/tasks/${created.json().id}`, { reminders: null });
      assert.deepEqual(cleared.json().reminders, []);
    });

    test('a reminder in the past, one relative to no due, or a day without a time is refused with a clear message', async () => {
      const cases: [object, RegExp][] = [
        [{ title: 'a', reminders: [{ at: '2020-01-01T09:00' }] }, /reminders\[0\] would remind at 2020-01-01T08:00:00.000Z, which has passed/],
        [{ title: 'a', reminders: [{ minutes_before: 10 }] }, /reminders\[0\] is 10 minutes before the due time, but the task has no due date/],
        [{ title: 'a', reminders: [{ at: '2031-01-01' }] }, /reminders\[0\]\.at needs a time of day/],
        [{ title: 'a', reminders: [{ minutes_before: -5 }] }, /reminders/],
        [{ title: 'a', reminders: [{ when: 'soon' }] }, /reminders/],
      ];
      for (const [payload, message] of cases) {
        const res = await api('POST', '/tasks', payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
        assert.match(res.json().error.message, message);
      }
    });

    test('a reminder 2 s ahead is delivered once, to the in-app list and to the live stream', async () => {
      const v = await t.signUp();
      const stream = await fetch(`${t.url}/api/${v.id}/notifications/stream`, { headers: v.headers });
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers.get('content-type')), /text\/event-stream/);
      const live = sseEvents(stream);
      const scheduler = t.deps.startScheduler({ pollMs: 200 });
      try {
        const task = (await api('POST', '/tasks', { title: 'Call mom', due_at: inMs(2000), reminders: [{ minutes_before: 0 }] }, v)).json();
        const [delivered] = await eventually(async () => ((await notifications(v)).length ? notifications(v) : undefined), 'the reminder reached the in-app list');
        assert.equal(delivered!.task_id, task.id);
        assert.equal(delivered!.title, 'Call mom');
        assert.equal(delivered!.late, false);
        await eventually(async () => (live.events.length ? true : undefined), 'the reminder reached the stream');
        assert.equal(live.events[0]!.event, 'notification');
        assert.equal(live.events[0]!.id, String(delivered!.id));
        await sleep(1000);
        assert.equal((await notifications(v)).length, 1, 'once');
        assert.equal(live.events.length, 1, 'once on the stream');
        const read = await api('POST', `/notifications/${delivered!.id}/read`, undefined, v);
        assert.equal(read.json().read, true);
        assert.deepEqual(await (await api('GET', '/notifications?unread=true', undefined, v)).json(), []);
        assert.equal((await api('POST', `/notifications/${delivered!.id}/read`)).statusCode, 404, "another user's notification");
      } finally {
        live.stop();
        await scheduler.stop();
      }
    });

    test('a stream resumed with Last-Event-ID gets what it missed, and only that', async () => {
      const w = await t.signUp();
      const task = (await api('POST', '/tasks', { title: 'Missed', due_at: '2031-06-01T10:00', reminders: [{ minutes_before: 0 }, { minutes_before: 5 }] }, w)).json();
      const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date('2031-06-01T10:01:00Z') });
      await scheduler.tick();
      await scheduler.stop();
      const [second, first] = await notifications(w);
      assert.equal(first!.task_id, task.id);
      const stream = await fetch(`${t.url}/api/${w.id}/notifications/stream`, { headers: { ...w.headers, 'last-event-id': String(first!.id) } });
      const live = sseEvents(stream);
      try {
        await eventually(async () => (live.events.length ? true : undefined), 'the missed notification arrived');
        await sleep(500);
        assert.deepEqual(live.events.map((e) => e.data.id), [second!.id]);
      } finally {
        live.stop();
      }
      const bad = await t.app.inject({ method: 'GET', url: `/api/${w.id}/notifications/stream`, headers: { ...w.headers, 'last-event-id': 'yesterday' } });
      assert.equal(bad.statusCode, 400);
    });

    test('a reminder due while the server was down is delivered when it starts, marked late; one a day late is dropped', async () => {
      const x = await t.signUp();
      await api('POST', '/tasks', { title: 'Missed while down', due_at: '2031-07-01T10:00', reminders: [{ minutes_before: 0 }] }, x);
      await api('POST', '/tasks', { title: 'Far too late', due_at: '2031-06-29T10:00', reminders: [{ minutes_before: 0 }] }, x);
      // The server "starts" five minutes after the first reminder's time (10:00 UTC, the user's zone), two days after the second's.
      const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date('2031-07-01T10:05:00Z') });
      await scheduler.tick();
      await scheduler.stop();
      const delivered = await notifications(x);
      assert.deepEqual(delivered.map((n) => [n.title, n.late]), [['Missed while down', true]]);
    });

    test('completing cancels a reminder and undo brings it back; every occurrence of a repeating task reminds', async () => {
      const y = await t.signUp();
      const at = (iso: string) => () => new Date(iso);
      const task = (await api('POST', '/tasks', { title: 'Water plants', due_at: '2031-08-01T09:00', repeat: 'daily', reminders: [{ minutes_before: 15 }] }, y)).json();
      const done = await api('PATCH', `/tasks/${task.id}/complete`, undefined, y);
      const next = done.json().next_task;
      assert.equal(next.due_at, '2031-08-02T09:00:00+00:00');
      assert.deepEqual(next.reminders, [{ minutes_before: 15 }]);
      let scheduler: Scheduler = t.deps.startScheduler({ pollMs: 60_000, now: at('2031-08-01T08:46:00Z') });
      await scheduler.tick();
      await scheduler.stop();
      assert.deepEqual(await notifications(y), [], 'the completed occurrence does not remind');
      await api('POST', '/undo', { group_id: done.headers['x-change-group'] }, y);
      scheduler = t.deps.startScheduler({ pollMs: 60_000, now: at('2031-08-01T08:47:00Z') });
      await scheduler.tick();
      await scheduler.stop();
      assert.deepEqual((await notifications(y)).map((n) => n.task_id), [task.id], 'undo brought the reminder back');
      await api('PATCH', `/tasks/${task.id}/complete`, undefined, y);
      scheduler = t.deps.startScheduler({ pollMs: 60_000, now: at('2031-08-02T08:46:00Z') });
      await scheduler.tick();
      await scheduler.stop();
      const titles = (await notifications(y)).map((n) => n.task_id);
      assert.equal(titles.length, 2, 'the next occurrence reminded too');
      assert.notEqual(titles[0], task.id);
    });

    test('the daily digest is written at the user\'s local time, once a day, in the "Daily digest" conversation', async () => {
      const z = await t.signUp();
      await api('PUT', '/settings', { timezone: 'Asia/Tokyo', digest_time: '08:00' }, z);
      await api('POST', '/tasks', { title: 'Pay rent', due_at: '2031-09-10T12:00' }, z);
      await api('POST', '/tasks', { title: 'Old bill', due_at: '2031-09-01' }, z);
      const tick = async (iso: string) => {
        const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date(iso) });
        await scheduler.digestTick();
        await scheduler.stop();
      };
      await tick('2031-09-09T22:59:00Z'); // 07:59 in Tokyo
      assert.deepEqual(await notifications(z), [], 'not before 08:00 local');
      await tick('2031-09-09T23:00:30Z'); // 08:00 in Tokyo on the 10th
      await tick('2031-09-10T02:00:00Z'); // later the same local day
      const digests = (await notifications(z)).filter((n) => n.kind === 'digest');
      assert.equal(digests.length, 1, 'once that day');
      const conversations = (await api('GET', '/conversations', undefined, z)).json() as { id: number; title: string }[];
      const digest = conversations.find((c) => c.title === 'Daily digest')!;
      const messages = (await api('GET', `/conversations/${digest.id}/messages`, undefined, z)).json() as { role: string; content: string }[];
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.content, /Due today: #1 Pay rent/);
      assert.match(messages[0]!.content, /Overdue: #2 Old bill/);
    });

    test('two instances on one database deliver each of 200 reminders due within 5 s exactly once', async () => {
      const owner = await t.signUp();
      const other: Runtime = await createRuntime(t.deps.config, {
        logger: t.deps.logger,
        database: driver === 'postgres' ? { poolSize: 10 } : { open: t.deps.db },
      });
      const first = t.deps.startScheduler({ pollMs: 100 });
      const second = other.startScheduler({ pollMs: 100 });
      try {
        for (let i = 0; i < 200; i++) {
          await t.deps.domain.tasks.create(owner.id, { title: `Reminder ${i}`, due_at: inMs(1500 + (i % 20) * 200), reminders: [{ minutes_before: 0 }] });
        }
        const all = await eventually(async () => {
          const rows = await t.deps.domain.notifications.list(owner.id, { limit: 200 });
          return rows.length >= 200 ? rows : undefined;
        }, '200 reminders delivered', 30_000);
        await sleep(500);
        const final = await t.deps.domain.notifications.list(owner.id, { limit: 300 });
        assert.equal(final.length, 200, 'no reminder delivered twice');
        assert.equal(new Set(all.map((n) => n.task_id)).size, 200);
      } finally {
        await first.stop();
        await second.stop();
        await other.close();
      }
    });
  });
}

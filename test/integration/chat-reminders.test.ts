// Issue 16 through the chat endpoint with the built-in engine, on both database drivers: "remind me to call mom
// at 5pm" stores the task due at the next 17:00 in the user's zone with a reminder at its due time, and the
// schedule (task_reminders) holds a row firing then; "remind me 30 minutes before" adds a second one; a time
// already past is refused and said so, with nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { addDays } from '../../src/calendar/local.js';
import { wallTime, zonedInstant } from '../../src/calendar/zones.js';
import { taskReminders } from '../../src/db/schema.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

const ZONE = 'Europe/Paris';

interface Task {
  id: number;
  title: string;
  due_at: string | null;
  reminders: ({ at: string } | { minutes_before: number })[];
}

/** The next 17:00 on the user's wall clock, as the engine reads "at 5pm". */
function next5pm(): Date {
  const local = wallTime(new Date(), ZONE);
  const today = `${local.slice(0, 10)}T17:00`;
  return zonedInstant(local < today ? today : `${addDays(local.slice(0, 10), 1)}T17:00`, ZONE);
}

for (const driver of testDrivers) {
  describe(`reminders in the chat with the built-in engine (${driver})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp({ driver });
    });
    after(() => t.close());

    function conversation(user: TestUser) {
      let id: number | undefined;
      return async (message: string): Promise<{ response: string; tool_calls: { name: string; arguments: Record<string, unknown> }[] }> => {
        const payload = { message, timezone: ZONE, locale: 'en-GB', ...(id ? { conversation_id: id } : {}) };
        const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        id ??= body.conversation_id;
        return body;
      };
    }
    const tasks = async (user: TestUser): Promise<Task[]> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: user.headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Task[];
    };
    const schedule = async (user: TestUser, taskId: number) =>
      (await t.deps.db.db.select().from(taskReminders).where(and(eq(taskReminders.userId, user.id), eq(taskReminders.taskId, taskId)))).map((r) => r.fireAt.getTime()).sort();

    test('"remind me to call mom at 5pm" stores the task with a reminder at its due time and schedules it; "remind me 30 minutes before" adds one', async () => {
      const user = await t.signUp();
      const say = conversation(user);
      const due = next5pm();
      const day = wallTime(due, ZONE).slice(0, 10) === wallTime(new Date(), ZONE).slice(0, 10) ? 'today' : 'tomorrow';

      const added = await say('remind me to call mom at 5pm');
      assert.deepEqual(added.tool_calls.map((c) => c.name), ['add_task']);
      assert.match(added.response, new RegExp(`^Added #1 Call mom — due .*17:00\\. I'll remind you at 17:00 ${day}\\.$`));
      const [task] = await tasks(user);
      assert.equal(task?.title, 'Call mom');
      assert.equal(Date.parse(task?.due_at ?? ''), due.getTime());
      assert.deepEqual(task?.reminders, [{ minutes_before: 0 }]);
      assert.deepEqual(await schedule(user, 1), [due.getTime()]);

      const earlier = await say('remind me 30 minutes before');
      assert.deepEqual(earlier.tool_calls.map((c) => c.name), ['list_tasks', 'update_task']);
      assert.match(earlier.response, new RegExp(`^Updated #1 Call mom\\. I'll remind you 30 minutes before, at 16:30 ${day} and at 17:00 ${day}\\.$`));
      assert.deepEqual((await tasks(user))[0]?.reminders, [{ minutes_before: 0 }, { minutes_before: 30 }]);
      assert.deepEqual(await schedule(user, 1), [due.getTime() - 30 * 60_000, due.getTime()]);

      const cleared = await say('no reminder for that one');
      assert.equal(cleared.response, "Updated #1 Call mom. I won't remind you about it.");
      assert.deepEqual((await tasks(user))[0]?.reminders, []);
      assert.deepEqual(await schedule(user, 1), []);
    });

    // The chat's time line gives the engine only the minute: "in 5 seconds" was up to 55 s in the past, and fired at once.
    test('regression: "remind me to stretch in 5 seconds" is due 5 s after the message, not 5 s after the start of its minute', async () => {
      const user = await t.signUp();
      const say = conversation(user);
      const sent = Date.now();
      const reply = await say('remind me to stretch in 5 seconds');
      const answered = Date.now();
      assert.match(reply.response, /^Added #1 Stretch — due .*\. I'll remind you in \d seconds?\.$/);
      const [task] = await tasks(user);
      assert.deepEqual(task?.reminders, [{ minutes_before: 0 }]);
      // The API writes the due to the second, rounded up: between 5 s after the message was sent and 5 s after its answer,
      // both to the whole second.
      const due = Date.parse(task?.due_at ?? '');
      assert.ok(due >= Math.floor(sent / 1000) * 1000 + 5000 && due <= Math.ceil((answered + 5000) / 1000) * 1000, `due ${task?.due_at} is not 5 s after the message`);
      assert.deepEqual(await schedule(user, 1), [due]);
    });

    test('a reminder time already past is refused by the server and said so; nothing is stored', async () => {
      const user = await t.signUp();
      const say = conversation(user);
      const past = await say('remind me to call the vet yesterday at 9am');
      assert.deepEqual(past.tool_calls.map((c) => c.name), ['add_task']);
      assert.match(past.response, /^That reminder time \(09:00 yesterday\) has already passed, so I didn't add "Call the vet"\. Pick a later time\.$/);
      assert.deepEqual(await tasks(user), []);
    });
  });
}

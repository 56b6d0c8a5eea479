// A user with more tasks than list_tasks returns at once (1,000), on the real task tools: names are
// looked up by the server's search first, and list replies show a page and say there are more,
// never the whole list.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { insertTasks } from '../helpers/seed-tasks.js';
import { narrowedLists } from '../../src/engine/lookup.js';
import type { TranscriptEntry } from '../../src/engine/types.js';
import { seedTasks, type SetupTask } from './domain-tasks.js';
import { zonedInstant } from '../../src/engine/index.js';
import { closeWorld, DEFAULT_NOW, DEFAULT_TIME_ZONE, runTurn } from './runner.js';
import { openSession, type Session, type SessionUser } from './world.js';

const sessions: Session[] = [];
after(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await closeWorld();
});

const FILLER = 1_200;
const NOW = zonedInstant(DEFAULT_NOW, DEFAULT_TIME_ZONE);
const context = { now: NOW, timeZone: DEFAULT_TIME_ZONE };

interface Crowd {
  session: Session;
  user: SessionUser;
  turn(text: string, transcript?: TranscriptEntry[]): ReturnType<typeof runTurn>;
  /** "#<id> <title>" of the user's task with this title. */
  label(title: string): Promise<string>;
}

/** A user with `oldest` first, then `filler` distinct other tasks ("Buy lamp 0", "Fix lamp 1", …), inserted in one statement. */
async function crowded(oldest: SetupTask[], filler = FILLER): Promise<Crowd> {
  const session = await openSession(NOW, DEFAULT_TIME_ZONE);
  sessions.push(session);
  const user = await session.addUser();
  await seedTasks(session.tasks, user.id, oldest);
  const verbs = ['Buy', 'Fix', 'Clean', 'Call', 'Email', 'Plan'];
  const objects = ['lamp', 'fence', 'garage', 'report', 'car', 'desk'];
  const rows = Array.from({ length: filler }, (_v, i) => ({ title: `${verbs[i % 6]} ${objects[Math.floor(i / 6) % 6]} ${i}` }));
  await insertTasks(session.db, user.id, rows);
  return {
    session,
    user,
    turn: (text, transcript = []) => runTurn(user.tools, transcript, text, context),
    async label(title) {
      const found = (await session.tasks.list(user.id, { query: title })).find((t) => t.title === title);
      assert.ok(found, `no task "${title}"`);
      return `#${found.id} ${title}`;
    },
  };
}

const listSizes = (outcome: Awaited<ReturnType<Crowd['turn']>>): number[] =>
  outcome.calls.filter((c) => c.name === 'list_tasks').map((c) => (JSON.parse(c.output) as unknown[]).length);

test('regression: completing the oldest of 1,200 tasks by name works (it was "not found": beyond the 1,000 list_tasks returns)', async () => {
  const crowd = await crowded(['Renew the passport']);
  const outcome = await crowd.turn('complete renew the passport');
  assert.equal(outcome.reply, `Completed ${await crowd.label('Renew the passport')}.`);
  assert.deepEqual(listSizes(outcome), [1], 'one narrowed list, holding the one task that has the words');
});

test('a name in another form still narrows: "I paid the rent" searches "pay rent", "the groceries one" searches "grocer"', async () => {
  assert.deepEqual(narrowedLists('paid the rent'), [{ status: 'all', query: 'pay rent' }]);
  assert.deepEqual(narrowedLists('groceries one'), [{ status: 'all', query: 'grocer' }]);
  assert.deepEqual(narrowedLists('parties'), [{ status: 'all', query: 'part' }]);
  const crowd = await crowded(['Pay the rent', 'Buy grocery bags', 'Plan the party']);
  const expected = [`Completed ${await crowd.label('Pay the rent')}.`, `Deleted ${await crowd.label('Buy grocery bags')}.`, `Completed ${await crowd.label('Plan the party')}.`];
  assert.equal((await crowd.turn('I paid the rent')).reply, expected[0]);
  assert.equal((await crowd.turn('delete the grocery bag one')).reply, expected[1]);
  assert.equal((await crowd.turn('complete the parties task')).reply, expected[2]);
});

test('"walk the dog and call mom" looks up each part; the oldest tasks are found', async () => {
  assert.deepEqual(narrowedLists('walk the dog and call mom'), [
    { status: 'all', query: 'walk dog cal mom' },
    { status: 'all', query: 'walk dog' },
    { status: 'all', query: 'cal mom' },
  ]);
  const crowd = await crowded(['Walk the dog', 'Call mom']);
  const outcome = await crowd.turn('mark walk the dog and call mom done');
  assert.equal(outcome.reply, `Completed ${await crowd.label('Walk the dog')}.\nCompleted ${await crowd.label('Call mom')}.`);
});

test('a name with a typo falls back to the whole list (the newest 1,000), as before', async () => {
  const crowd = await crowded(['Dentist appointment', 'Water the plants'], 0);
  const outcome = await crowd.turn('mark the dentst one done');
  assert.deepEqual(outcome.calls.filter((c) => c.name === 'list_tasks').map((c) => c.arguments), [{ status: 'all', query: 'dentst' }, { status: 'all' }]);
  assert.equal(outcome.reply, `Completed ${await crowd.label('Dentist appointment')}.`);
});

test('ids need no list at all', async () => {
  const crowd = await crowded(['Renew the passport']);
  const id = (await crowd.label('Renew the passport')).split(' ')[0]?.slice(1);
  const outcome = await crowd.turn(`complete task ${id}`);
  assert.deepEqual(outcome.calls.map((c) => c.name), ['complete_task']);
});

test('"list my tasks" with 1,201 tasks: the 20 newest, "more than 50", how to narrow; 51 tasks read, not 1,000', async () => {
  const crowd = await crowded(['Renew the passport']);
  const transcript: TranscriptEntry[] = [];
  const outcome = await crowd.turn('list my tasks', transcript);
  assert.deepEqual(outcome.calls.map((c) => c.arguments), [{ status: 'all', limit: 51 }]);
  assert.deepEqual(listSizes(outcome), [51]);
  const lines = outcome.reply.split('\n');
  assert.equal(lines[0], 'You have more than 50 tasks. The 20 newest:');
  assert.equal(lines.filter((l) => /^\d+\. #\d+ /.test(l)).length, 20);
  assert.equal(lines[1], `1. ${await crowd.label('Plan fence 1199')}`);
  assert.match(lines.at(-1) ?? '', /narrow it down: "search <words>", "what's due this week\?"/);
  assert.doesNotMatch(outcome.reply, /…and \d+ more/, 'it claims no count it does not know');
  // "the second one" still means the second line shown.
  const second = await crowd.label('Email fence 1198');
  assert.equal((await crowd.turn('delete the second one', transcript)).reply, `Deleted ${second}.`);
});

test('"what\'s pending?" and a narrowed list say "more than 50" too; a count reads up to 1,000 and says "at least 1,000"', async () => {
  const crowd = await crowded([]);
  const newest = await crowd.label('Plan fence 1199');
  assert.ok((await crowd.turn("what's pending?")).reply.startsWith(`You have more than 50 pending tasks. The 20 newest:\n1. ${newest}`));
  assert.match((await crowd.turn('find tasks about the garage')).reply, /^You have more than 50 tasks matching "garage"\. The 20 newest:\n/);
  const count = await crowd.turn('how many tasks do I have?');
  assert.deepEqual(count.calls.map((c) => c.arguments), [{ status: 'all', limit: 1000 }]);
  assert.equal(count.reply, 'You have at least 1,000 tasks.');
});

test('a list of 21 to 50 keeps its exact count and split, and says how to see the rest', async () => {
  const crowd = await crowded(
    Array.from({ length: 30 }, (_v, i) => ({ title: `Task ${i + 1}`, completed: i < 4 })),
    0,
  );
  const reply = (await crowd.turn('show my tasks')).reply.split('\n');
  assert.equal(reply[0], 'You have 30 tasks (26 pending, 4 completed):');
  assert.equal(reply.at(-2), '…and 10 more.');
  assert.match(reply.at(-1) ?? '', /^To see others, narrow it down/);
  assert.equal((await crowd.turn('how many tasks do I have')).reply, 'You have 30 tasks (26 pending, 4 completed).');
});

test('regression: tagging or shifting a task older than the newest 1,000 refuses instead of overwriting what it has', async () => {
  const crowd = await crowded([{ title: 'Old chores', tags: ['home'], due: '2026-12-01' }]);
  const id = Number((await crowd.label('Old chores')).split(' ')[0]?.slice(1));
  for (const text of [`tag task ${id} #work`, `push task ${id} back two days`]) {
    const outcome = await crowd.turn(text);
    assert.match(outcome.reply, new RegExp(`Task #${id} is older than the 1000 newest tasks`), `${text}: ${outcome.reply}`);
    assert.equal(outcome.calls.filter((c) => c.name === 'update_task').length, 0, text);
  }
  const after = await crowd.session.tasks.get(crowd.user.id, id);
  assert.deepEqual([after.tags, after.due_at], [['home'], '2026-12-01']);
});

test('tagging a task that does not exist, when the whole list was read, says so without calling update_task', async () => {
  const crowd = await crowded(['Water the plants'], 0);
  const outcome = await crowd.turn('tag task 99999 #work');
  assert.equal(outcome.reply, "I couldn't find task 99999.");
  assert.equal(outcome.calls.filter((c) => c.name === 'update_task').length, 0);
});

// A user with more tasks than list_tasks returns at once (1,000): names are looked up by the server's
// search first, and list replies show a page and say there are more, never the whole list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { narrowedLists } from '../../src/engine/lookup.js';
import type { TranscriptEntry } from '../../src/engine/types.js';
import { runTurn, USER } from './runner.js';
import { TaskStore } from './task-store.js';

const FILLER = 1_200;

/** A store whose user has `oldest` first, then FILLER distinct other tasks. */
function crowded(oldest: string[]): TaskStore {
  const store = new TaskStore();
  const verbs = ['Buy', 'Fix', 'Clean', 'Call', 'Email', 'Plan'];
  const objects = ['lamp', 'fence', 'garage', 'report', 'car', 'desk'];
  store.seed(USER, [...oldest, ...Array.from({ length: FILLER }, (_v, i) => `${verbs[i % 6]} ${objects[Math.floor(i / 6) % 6]} ${i}`)]);
  return store;
}

const turn = (store: TaskStore, text: string, transcript: TranscriptEntry[] = []) => runTurn(store, USER, transcript, text);
const listSizes = (outcome: ReturnType<typeof turn>): number[] =>
  outcome.calls.filter((c) => c.name === 'list_tasks').map((c) => (JSON.parse(c.output) as unknown[]).length);

test('regression: completing the oldest of 1,200 tasks by name works (it was "not found": beyond the 1,000 list_tasks returns)', () => {
  const store = crowded(['Renew the passport']);
  const outcome = turn(store, 'complete renew the passport');
  assert.equal(outcome.reply, 'Completed #1 Renew the passport.');
  assert.deepEqual(listSizes(outcome), [1], 'one narrowed list, holding the one task that has the words');
});

test('a name in another form still narrows: "I paid the rent" searches "pay rent", "the groceries one" searches "grocer"', () => {
  assert.deepEqual(narrowedLists('paid the rent'), [{ status: 'all', query: 'pay rent' }]);
  assert.deepEqual(narrowedLists('groceries one'), [{ status: 'all', query: 'grocer' }]);
  assert.deepEqual(narrowedLists('parties'), [{ status: 'all', query: 'part' }]);
  const store = crowded(['Pay the rent', 'Buy grocery bags', 'Plan the party']);
  assert.equal(turn(store, 'I paid the rent').reply, 'Completed #1 Pay the rent.');
  assert.equal(turn(store, 'delete the grocery bag one').reply, 'Deleted #2 Buy grocery bags.');
  assert.equal(turn(store, 'complete the parties task').reply, 'Completed #3 Plan the party.');
});

test('"walk the dog and call mom" looks up each part; the oldest tasks are found', () => {
  assert.deepEqual(narrowedLists('walk the dog and call mom'), [
    { status: 'all', query: 'walk dog cal mom' },
    { status: 'all', query: 'walk dog' },
    { status: 'all', query: 'cal mom' },
  ]);
  const store = crowded(['Walk the dog', 'Call mom']);
  const outcome = turn(store, 'mark walk the dog and call mom done');
  assert.equal(outcome.reply, 'Completed #1 Walk the dog.\nCompleted #2 Call mom.');
});

test('a name with a typo falls back to the whole list (the newest 1,000), as before', () => {
  const store = new TaskStore();
  store.seed(USER, ['Dentist appointment', 'Water the plants']);
  const outcome = turn(store, 'mark the dentst one done');
  assert.deepEqual(outcome.calls.filter((c) => c.name === 'list_tasks').map((c) => c.arguments), [{ status: 'all', query: 'dentst' }, { status: 'all' }]);
  assert.equal(outcome.reply, 'Completed #1 Dentist appointment.');
});

test('ids need no list at all', () => {
  const store = crowded(['Renew the passport']);
  const outcome = turn(store, 'complete task 1');
  assert.deepEqual(outcome.calls.map((c) => c.name), ['complete_task']);
});

test('"list my tasks" with 1,201 tasks: the 20 newest, "more than 50", how to narrow; 51 tasks read, not 1,000', () => {
  const store = crowded(['Renew the passport']);
  const transcript: TranscriptEntry[] = [];
  const outcome = turn(store, 'list my tasks', transcript);
  assert.deepEqual(outcome.calls.map((c) => c.arguments), [{ status: 'all', limit: 51 }]);
  assert.deepEqual(listSizes(outcome), [51]);
  const lines = outcome.reply.split('\n');
  assert.equal(lines[0], 'You have more than 50 tasks. The 20 newest:');
  assert.equal(lines.filter((l) => /^\d+\. #\d+ /.test(l)).length, 20);
  assert.match(lines[1] ?? '', /^1\. #1201 Plan fence 1199/);
  assert.match(lines.at(-1) ?? '', /narrow it down: "search <words>", "what's due this week\?"/);
  assert.doesNotMatch(outcome.reply, /…and \d+ more/, 'it claims no count it does not know');
  // "the second one" still means the second line shown.
  assert.equal(turn(store, 'delete the second one', transcript).reply, 'Deleted #1200 Email fence 1198.');
});

test('"what\'s pending?" and a narrowed list say "more than 50" too; a count reads up to 1,000 and says "at least 1,000"', () => {
  const store = crowded([]);
  assert.match(turn(store, "what's pending?").reply, /^You have more than 50 pending tasks\. The 20 newest:\n1\. #1200 /);
  assert.match(turn(store, 'find tasks about the garage').reply, /^You have more than 50 tasks matching "garage"\. The 20 newest:\n/);
  const count = turn(store, 'how many tasks do I have?');
  assert.deepEqual(count.calls.map((c) => c.arguments), [{ status: 'all', limit: 1000 }]);
  assert.equal(count.reply, 'You have at least 1,000 tasks.');
});

test('a list of 21 to 50 keeps its exact count and split, and says how to see the rest', () => {
  const store = new TaskStore();
  store.seed(USER, Array.from({ length: 30 }, (_v, i) => ({ title: `Task ${i + 1}`, completed: i < 4 })));
  const reply = turn(store, 'show my tasks').reply.split('\n');
  assert.equal(reply[0], 'You have 30 tasks (26 pending, 4 completed):');
  assert.equal(reply.at(-2), '…and 10 more.');
  assert.match(reply.at(-1) ?? '', /^To see others, narrow it down/);
  assert.equal(turn(store, 'how many tasks do I have').reply, 'You have 30 tasks (26 pending, 4 completed).');
});

test('regression: tagging or shifting a task older than the newest 1,000 refuses instead of overwriting what it has', () => {
  const store = crowded([]);
  store.seed(USER, [{ title: 'Old chores', tags: ['home'], due: '2026-12-01' }]);
  const oldest = store.snapshot(USER).find((t) => t.title === 'Old chores')!;
  // 1,000 newer tasks push it out of the newest 1,000 that list_tasks returns.
  store.seed(USER, Array.from({ length: 1_000 }, (_v, i) => `Newer ${i}`));
  for (const text of [`tag task ${oldest.id} #work`, `push task ${oldest.id} back two days`]) {
    const outcome = turn(store, text);
    assert.match(outcome.reply, new RegExp(`Task #${oldest.id} is older than the 1000 newest tasks`), `${text}: ${outcome.reply}`);
    assert.equal(outcome.calls.filter((c) => c.name === 'update_task').length, 0, text);
  }
  const after = store.snapshot(USER).find((t) => t.id === oldest.id)!;
  assert.deepEqual([after.tags, after.due], [['home'], '2026-12-01']);
});

test('tagging a task that does not exist, when the whole list was read, says so without calling update_task', () => {
  const store = new TaskStore();
  store.seed(USER, ['Water the plants']);
  const outcome = turn(store, 'tag task 99999 #work');
  assert.equal(outcome.reply, "I couldn't find task 99999.");
  assert.equal(outcome.calls.filter((c) => c.name === 'update_task').length, 0);
});

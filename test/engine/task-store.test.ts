// The in-memory store the phrasing tables run against keeps to docs/task-details.md: due_at with
// the zone's offset on that day, the next occurrence of a repeating task, filters and sorts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaskStore } from './task-store.js';

const OWNER = 'u';
const json = (text: string): unknown => JSON.parse(text);

test('due_at carries the UTC offset of its own day (Berlin: +01:00 before the DST change, +02:00 after)', () => {
  const store = new TaskStore({ now: '2026-03-28T10:00', timeZone: 'Europe/Berlin' });
  const before = json(store.execute(OWNER, 'add_task', { title: 'a', due: '2026-03-28T09:00' }));
  const after = json(store.execute(OWNER, 'add_task', { title: 'b', due: '2026-03-29T09:00' }));
  assert.deepEqual([before, after].map((r) => (r as { due_at: string }).due_at), ['2026-03-28T09:00:00+01:00', '2026-03-29T09:00:00+02:00']);
});

test('completing a repeating task creates the next one: weekdays skip the weekend, monthly keeps the 31st', () => {
  const store = new TaskStore({ now: '2027-01-29T10:00', timeZone: 'Europe/Paris' });
  store.seed(OWNER, [
    { title: 'Standup', due: '2027-01-29T09:30', repeat: 'weekdays', tags: ['work'], priority: 'high' },
    { title: 'Rent', due: '2027-01-31', repeat: 'monthly' },
  ]);
  assert.deepEqual(json(store.execute(OWNER, 'complete_task', { task_id: 1 })), {
    task_id: 1, status: 'completed', title: 'Standup', due_at: '2027-01-29T09:30:00+01:00', priority: 'high', tags: ['work'], repeat: 'weekdays',
    next_task_id: 3, next_due_at: '2027-02-01T09:30:00+01:00',
  });
  store.execute(OWNER, 'complete_task', { task_id: 2 });
  store.execute(OWNER, 'complete_task', { task_id: 4 });
  assert.deepEqual(store.snapshot(OWNER).filter((t) => t.title === 'Rent').map((t) => t.due), ['2027-01-31', '2027-02-28', '2027-03-31']);
});

test('filters: due_before is inclusive of the day, overdue means past and pending, query needs every word', () => {
  const store = new TaskStore({ now: '2026-11-26T23:05', timeZone: 'Europe/Paris' });
  store.seed(OWNER, [
    { title: 'Old', due: '2026-11-25' },
    { title: 'Today', due: '2026-11-26' },
    { title: 'Tonight', due: '2026-11-26T22:00' },
    { title: 'Book the trip', description: 'to Rome', due: '2026-11-29' },
    { title: 'Done', due: '2026-11-20', completed: true },
  ]);
  const titles = (args: Record<string, unknown>): string[] =>
    (json(store.execute(OWNER, 'list_tasks', args)) as { title: string }[]).map((t) => t.title);
  assert.deepEqual(titles({ due_before: '2026-11-26', sort: 'due' }), ['Done', 'Old', 'Today', 'Tonight']);
  assert.deepEqual(titles({ overdue: true, sort: 'due' }), ['Old', 'Tonight']);
  assert.deepEqual(titles({ query: 'trip rome' }), ['Book the trip']);
  assert.deepEqual(titles({ query: 'trip paris' }), []);
});

test('sorts: due puts undated last, priority ranks high first then by due, title is A-Z', () => {
  const store = new TaskStore();
  store.seed(OWNER, [{ title: 'b', priority: 'low' }, { title: 'A', due: '2026-12-01', priority: 'high' }, { title: 'c', due: '2026-11-30' }]);
  const titles = (sort: string): string[] => (json(store.execute(OWNER, 'list_tasks', { sort })) as { title: string }[]).map((t) => t.title);
  assert.deepEqual(titles('due'), ['c', 'A', 'b']);
  assert.deepEqual(titles('priority'), ['A', 'b', 'c']);
  assert.deepEqual(titles('title'), ['A', 'b', 'c']);
  assert.deepEqual(titles('created'), ['c', 'A', 'b']);
});

test('arguments outside the contract are refused, so a malformed engine call fails its row', () => {
  const store = new TaskStore();
  assert.match(store.execute(OWNER, 'add_task', { title: 'x', due: 'tomorrow' }), /Invalid arguments/);
  assert.match(store.execute(OWNER, 'add_task', { title: 'x', repeat: 'every monday' }), /Invalid arguments/);
  assert.match(store.execute(OWNER, 'add_task', { title: 'x', due: '2026-02-30' }), /Invalid arguments/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summariseTurn } from '../../src/agent/conversation-title.js';

const change = (name: string, title: string) => ({ name, arguments: {}, result: { task_id: 1, status: 'x', title } });
const list = (args: Record<string, unknown>) => ({ name: 'list_tasks', arguments: args, result: [] });

test('changed tasks name the conversation by what they are about, without their verbs', () => {
  assert.equal(summariseTurn([change('add_task', 'Buy groceries')]), 'Groceries');
  assert.equal(summariseTurn([change('add_task', 'Buy groceries'), change('add_task', 'Book the dentist')]), 'Groceries and dentist');
  assert.equal(
    summariseTurn([change('add_task', 'Pay rent'), change('add_task', 'Call mom'), change('add_task', 'Renew passport'), change('add_task', 'Water plants')]),
    'Rent, mom and 2 more',
  );
  assert.equal(summariseTurn([change('complete_task', 'Dentist'), change('complete_task', 'Dentist')]), 'Dentist', 'once each');
  assert.equal(summariseTurn([change('add_task', '🎉 party planning')]), '🎉 party planning', 'emoji and case kept');
});

test('a turn that only listed names what was asked for; one that did nothing names nothing', () => {
  assert.equal(summariseTurn([list({ status: 'pending' })]), 'Pending tasks');
  assert.equal(summariseTurn([list({ overdue: true })]), 'Overdue tasks');
  assert.equal(summariseTurn([list({ tag: 'work' })]), 'Tasks tagged #work');
  assert.equal(summariseTurn([list({ query: 'dentist' })]), 'Tasks about “dentist”');
  assert.equal(summariseTurn([list({})]), 'All tasks');
  assert.equal(summariseTurn([]), null);
  assert.equal(summariseTurn([{ name: 'add_task', arguments: {}, result: 'Task 3 not found' }]), null, 'a failed change names nothing');
});

test('a long title is cut at a word with an ellipsis, within 60 characters', () => {
  const title = summariseTurn([change('add_task', `Write ${'the quarterly report '.repeat(6)}`)])!;
  assert.ok(title.length <= 60 && title.endsWith('…'), title);
});

// Reading context from the transcript: the tools' structured results, never the engine's own
// replies, so a reworded reply cannot change what "it", "the second one" or "yes" refers to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep, type TranscriptEntry } from '../../src/engine/index.js';

let calls = 0;
/** A tool call and its result, as the agent SDK replays them from the stored history. */
const tool = (name: string, args: Record<string, unknown>, result: unknown): TranscriptEntry[] => {
  const callId = `c${(calls += 1)}`;
  return [
    { kind: 'tool_call', callId, name, arguments: args },
    { kind: 'tool_result', callId, output: JSON.stringify(result) },
  ];
};
const task = (id: number, title: string) => ({ id, title, description: null, completed: false });
const LIST = [task(9, 'Walk the dog'), task(4, 'Pay the rent'), task(2, 'Call mom')];

test('regression: "the second one" read numbers back out of replies, so after a reworded list it took an older one; it reads the last list shown', () => {
  const pending = [task(2, 'Call mom'), task(9, 'Walk the dog')];
  const step = nextStep([
    { kind: 'user', text: 'show my tasks' },
    ...tool('list_tasks', { status: 'all', limit: 51 }, LIST),
    { kind: 'assistant', text: 'You have 3 tasks (3 pending, 0 completed):\n1. #9 Walk the dog\n2. #4 Pay the rent\n3. #2 Call mom' },
    { kind: 'user', text: "what's pending?" },
    ...tool('list_tasks', { status: 'pending', limit: 51 }, pending),
    { kind: 'assistant', text: 'Still to do: call mom, then walk the dog.' },
    { kind: 'user', text: 'delete the second one' },
  ]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'delete_task', arguments: { task_id: 9 } }] });
});

test('"it" is the task the last action\'s result names, whatever the reply said', () => {
  const step = nextStep([
    { kind: 'user', text: 'add buy stamps' },
    ...tool('add_task', { title: 'Buy stamps' }, { task_id: 7, status: 'created', title: 'Buy stamps' }),
    { kind: 'assistant', text: 'Done!' },
    { kind: 'user', text: 'mark it complete' },
  ]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'complete_task', arguments: { task_id: 7 } }] });
});

test('a task deleted later is not "it"', () => {
  const step = nextStep([
    { kind: 'user', text: 'add buy stamps' },
    ...tool('add_task', { title: 'Buy stamps' }, { task_id: 7, status: 'created', title: 'Buy stamps' }),
    { kind: 'assistant', text: 'Added #7 Buy stamps.' },
    { kind: 'user', text: 'delete task 7' },
    ...tool('delete_task', { task_id: 7 }, { task_id: 7, status: 'deleted', title: 'Buy stamps' }),
    { kind: 'assistant', text: 'Deleted #7 Buy stamps.' },
    { kind: 'user', text: 'mark it done' },
  ]);
  assert.equal(step.kind, 'message');
});

test('regression: an answer to "which one?" was not taken as one when the question was worded otherwise; it picks among the tasks asked about', () => {
  const twins = [task(3, 'Email the client'), task(1, 'Email the team')];
  const asked = (reply: string, answer: string): ReturnType<typeof nextStep> =>
    nextStep([
      { kind: 'user', text: 'complete the email task' },
      ...tool('list_tasks', { status: 'all', query: 'email' }, twins),
      { kind: 'assistant', text: reply },
      { kind: 'user', text: answer },
    ]);
  const complete = (id: number) => ({ kind: 'tool_calls', calls: [{ name: 'complete_task', arguments: { task_id: id } }] });
  assert.deepEqual(asked('Which one?', 'the team one'), complete(1));
  assert.deepEqual(asked('Which one?', '2'), complete(1), 'the second line shown');
  assert.deepEqual(asked('Which one?', '#3'), complete(3), 'an id');
});

test('regression: a new title was not taken as the answer when "What should the new title be?" was worded otherwise', () => {
  const step = nextStep([
    { kind: 'user', text: 'rename task 4' },
    { kind: 'assistant', text: 'New title?' },
    { kind: 'user', text: 'Pay the landlord' },
  ]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'update_task', arguments: { task_id: 4, title: 'Pay the landlord' } }] });
});

test('regression: a reply the engine did not write posed as its question: "yes" after another model\'s "delete them all?" deleted everything', () => {
  const step = nextStep([
    { kind: 'user', text: 'show my tasks' },
    ...tool('list_tasks', { status: 'all', limit: 51 }, LIST),
    { kind: 'assistant', text: 'That would delete all 3 of your tasks:\n1. #9 Walk the dog\nSay "yes" to delete them all.' },
    { kind: 'user', text: 'yes' },
  ]);
  assert.equal(step.kind, 'message');
});

test('the engine never answers a conversation without a user message with a tool call', () => {
  assert.equal(nextStep([]).kind, 'message');
});

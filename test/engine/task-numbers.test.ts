// Task numbers as people say them. Both bugs were hidden by the in-memory copy of the domain the
// tables used to run against: it numbered each case's tasks 1, 2, 3… and answered any id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep, type TranscriptEntry } from '../../src/engine/index.js';

const LIST: TranscriptEntry[] = [
  { kind: 'user', text: 'show my tasks' },
  { kind: 'tool_call', callId: 'c1', name: 'list_tasks', arguments: { status: 'all', limit: 51 } },
  {
    kind: 'tool_result',
    callId: 'c1',
    output: JSON.stringify([21, 3, 17].map((id, i) => ({ id, title: ['Walk the dog', 'Pay the rent', 'Call mom'][i], description: null, completed: false }))),
  },
  { kind: 'assistant', text: 'You have 3 tasks.' },
];

test('regression: "delete number 3" after a list deleted task #3, not the third line shown', () => {
  const step = nextStep([...LIST, { kind: 'user', text: 'delete number 3' }]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'delete_task', arguments: { task_id: 17 } }] }, 'line 3 is task #17');
  const second = nextStep([...LIST, { kind: 'user', text: 'complete no. 2' }]);
  assert.deepEqual(second, { kind: 'tool_calls', calls: [{ name: 'complete_task', arguments: { task_id: 3 } }] });
  // Without a list that long, the number is the task's own; "#3" and "task 3" always are.
  assert.deepEqual(nextStep([{ kind: 'user', text: 'delete number 5' }]), { kind: 'tool_calls', calls: [{ name: 'delete_task', arguments: { task_id: 5 } }] });
  assert.deepEqual(nextStep([...LIST, { kind: 'user', text: 'delete task 21' }]), { kind: 'tool_calls', calls: [{ name: 'delete_task', arguments: { task_id: 21 } }] });
});

test('regression: "complete task 0" called complete_task with an id the tools refuse as invalid input; it says no such task', () => {
  for (const text of ['complete task 0', 'delete task 99999999999']) {
    const step = nextStep([{ kind: 'user', text }]);
    assert.equal(step.kind, 'message', text);
    assert.match(step.kind === 'message' ? step.text : '', /^I couldn't find task \d+\.$/, text);
  }
});

// Reading context from the transcript when the history holds only text messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep } from '../../src/engine/index.js';

test('"it" falls back to the engine\'s own confirmation when the history has no tool items', () => {
  const step = nextStep([
    { kind: 'user', text: 'add buy stamps' },
    { kind: 'assistant', text: 'Added #7 Buy stamps.' },
    { kind: 'user', text: 'mark it complete' },
  ]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'complete_task', arguments: { task_id: 7 } }] });
});

test('a task deleted later is not "it"', () => {
  const step = nextStep([
    { kind: 'user', text: 'add buy stamps' },
    { kind: 'assistant', text: 'Added #7 Buy stamps.' },
    { kind: 'user', text: 'delete task 7' },
    { kind: 'assistant', text: 'Deleted #7 Buy stamps.' },
    { kind: 'user', text: 'mark it done' },
  ]);
  assert.equal(step.kind, 'message');
});

test('"the second one" reads the numbered list the engine showed last', () => {
  const step = nextStep([
    { kind: 'user', text: 'show my tasks' },
    { kind: 'assistant', text: 'You have 3 tasks (3 pending, 0 completed):\n1. #9 Walk the dog\n2. #4 Pay the rent\n3. #2 Call mom' },
    { kind: 'user', text: 'delete the second one' },
  ]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'delete_task', arguments: { task_id: 4 } }] });
});

test('the engine never answers a conversation without a user message with a tool call', () => {
  assert.equal(nextStep([]).kind, 'message');
});

// Task details at the engine's edges: the tool arguments the engine sends, tool results with and
// without the detail fields, and dates in replies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep, type TranscriptEntry } from '../../src/engine/index.js';

const PARIS = { now: new Date('2026-11-26T22:05:00Z'), timeZone: 'Europe/Paris' };

const stepFor = (text: string, context = PARIS): ReturnType<typeof nextStep> => nextStep([{ kind: 'user', text }], context);
const callsOf = (step: ReturnType<typeof nextStep>): unknown => (step.kind === 'tool_calls' ? step.calls : step.text);

test('the engine\'s replies write dates for the locale it is given (issue 12)', () => {
  const step = nextStep(
    [
      { kind: 'user', text: 'add call mom friday at 5pm' },
      { kind: 'tool_call', callId: 'c1', name: 'add_task', arguments: { title: 'Call mom', due: '2026-11-27T17:00' } },
      { kind: 'tool_result', callId: 'c1', output: '{"task_id":3,"status":"created","title":"Call mom","due_at":"2026-11-27T17:00:00+01:00"}' },
    ],
    { ...PARIS, locale: 'en-US' },
  );
  assert.deepEqual(step.kind === 'message' ? step.text.replace(/\u202f/g, ' ') : step, 'Added #3 Call mom — due Fri, Nov 27, 5:00 PM.');
});

test('add_task gets the due date, priority and tags; the title keeps only the words', () => {
  assert.deepEqual(callsOf(stepFor('call mom friday p1 #family')), [
    { name: 'add_task', arguments: { title: 'Call mom', due: '2026-11-27', priority: 'high', tags: ['family'] } },
  ]);
  assert.deepEqual(callsOf(stepFor('buy milk tomorrow at 5pm')), [{ name: 'add_task', arguments: { title: 'Buy milk', due: '2026-11-27T17:00' } }]);
});

test('list_tasks gets the filters and sort the question asks for', () => {
  // A list reads one task more than it shows as "more than 50" (limit 51), so a long list never ships whole.
  assert.deepEqual(callsOf(stepFor("what's due this week?")), [
    { name: 'list_tasks', arguments: { status: 'pending', due_before: '2026-11-29', sort: 'due', limit: 51 } },
  ]);
  assert.deepEqual(callsOf(stepFor("what's overdue?")), [{ name: 'list_tasks', arguments: { status: 'pending', overdue: true, sort: 'due', limit: 51 } }]);
  assert.deepEqual(callsOf(stepFor('show my high priority tasks')), [
    { name: 'list_tasks', arguments: { status: 'pending', priority: 'high', sort: 'priority', limit: 51 } },
  ]);
  assert.deepEqual(callsOf(stepFor('find tasks about the trip')), [{ name: 'list_tasks', arguments: { status: 'all', query: 'trip', limit: 51 } }]);
  assert.deepEqual(callsOf(stepFor('list #work tasks sorted by title')), [
    { name: 'list_tasks', arguments: { status: 'all', tag: 'work', sort: 'title', limit: 51 } },
  ]);
});

const listed = (output: string, text = 'show my tasks'): TranscriptEntry[] => [
  { kind: 'user', text },
  { kind: 'tool_call', callId: 'c1', name: 'list_tasks', arguments: { status: 'all' } },
  { kind: 'tool_result', callId: 'c1', output },
];

test('a list without the detail fields (an older server) still reads', () => {
  const step = nextStep(listed('[{"id":1,"title":"Buy milk","completed":false}]'), PARIS);
  assert.deepEqual(step, { kind: 'message', text: 'You have 1 task (1 pending, 0 completed):\n1. #1 Buy milk' });
});

test('a {tasks: [...]} list with details shows them, the overdue flagged; a malformed field is ignored', () => {
  const tasks = [
    { id: 2, title: 'Call the dentist', completed: false, due_at: '2026-11-25', priority: 'high', tags: ['health'], repeat: null, overdue: true },
    { id: 1, title: 'Water the plants', completed: false, due_at: '2026-11-30', priority: null, tags: 'oops', repeat: 'weekly on mon,thu' },
  ];
  const step = nextStep(listed(JSON.stringify({ tasks })), PARIS);
  assert.deepEqual(step, {
    kind: 'message',
    text: [
      'You have 2 tasks (2 pending, 0 completed):',
      '1. #2 Call the dentist — due Wed 25 Nov (overdue) · high priority · #health',
      '2. #1 Water the plants — due Mon 30 Nov · repeats every Monday and Thursday',
    ].join('\n'),
  });
});

test('completing a repeating task names the next occurrence; an old result without it says only "Completed"', () => {
  const completed = (output: string): ReturnType<typeof nextStep> =>
    nextStep(
      [
        { kind: 'user', text: 'complete task 4' },
        { kind: 'tool_call', callId: 'c1', name: 'complete_task', arguments: { task_id: 4 } },
        { kind: 'tool_result', callId: 'c1', output },
      ],
      PARIS,
    );
  const withNext = '{"task_id":4,"status":"completed","title":"Water the plants","repeat":"weekly on mon","next_task_id":9,"next_due_at":"2026-12-07"}';
  assert.deepEqual(completed(withNext), { kind: 'message', text: 'Completed #4 Water the plants.\nNext: #9 Water the plants — due Mon 7 Dec.' });
  assert.deepEqual(completed('{"task_id":4,"status":"completed","title":"Water the plants"}'), { kind: 'message', text: 'Completed #4 Water the plants.' });
});

test('"it" after a confirmation with details is still the task confirmed', () => {
  const step = nextStep(
    [
      { kind: 'user', text: 'add buy stamps tomorrow' },
      { kind: 'tool_call', callId: 'c1', name: 'add_task', arguments: { title: 'Buy stamps', due: '2026-11-27' } },
      { kind: 'tool_result', callId: 'c1', output: '{"task_id":7,"status":"created","title":"Buy stamps","due_at":"2026-11-27"}' },
      { kind: 'assistant', text: 'Added #7 Buy stamps — due Fri 27 Nov.' },
      { kind: 'user', text: 'make it high priority' },
    ],
    PARIS,
  );
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'update_task', arguments: { task_id: 7, priority: 'high' } }] });
});

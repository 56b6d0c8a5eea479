// Issue 14 through the engine: the trust table (undo, reopen, what changed, bulk changes with a confirmation,
// "scratch that") on the real tools, an expired confirmation, and what a "yes" confirms read from the preview's
// tool result rather than from the reply's words.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { nextStep, zonedInstant, type TranscriptEntry } from '../../src/engine/index.js';
import { seedTasks, snapshotTasks } from './domain-tasks.js';
import { formatTally, tally } from './everyday/score.js';
import { TRUST } from './phrasings-trust.js';
import { closeWorld, DEFAULT_NOW, DEFAULT_TIME_ZONE, describeFailure, runCase, runTurn } from './runner.js';
import { openSession } from './world.js';

after(closeWorld);

test('trust table: every row passes (undo, reopen, activity, bulk, scratch)', async () => {
  const results = [];
  const failures: string[] = [];
  for (const row of TRUST) {
    const result = await runCase(row);
    results.push(result);
    if (!result.ok) failures.push(describeFailure(row, result));
  }
  console.log(`trust phrasing:\n${formatTally(tally(results))}`);
  assert.deepEqual(failures, []);
});

test('an expired confirmation: the server refuses what is past the limit, the engine says so, previews the rest and a new "yes" finishes', async () => {
  const context = { now: zonedInstant(DEFAULT_NOW, DEFAULT_TIME_ZONE), timeZone: DEFAULT_TIME_ZONE };
  const asked = await openSession(context.now, DEFAULT_TIME_ZONE);
  // Eleven minutes later: the confirmation (good for ten) has run out.
  const later = new Date(context.now.getTime() + 11 * 60_000);
  const answered = await openSession(later, DEFAULT_TIME_ZONE);
  try {
    const user = await asked.addUser();
    await seedTasks(asked.tasks, user.id, ['Buy groceries', 'Call mom', 'Pay the rent', 'Water the plants', 'Walk the dog']);
    const transcript: TranscriptEntry[] = [];
    const question = await runTurn(user.tools, transcript, 'delete all my tasks', context);
    assert.match(question.reply, /^I'll delete these 5 tasks:/);

    const tools = answered.toolsOf(user.id);
    const yes = await runTurn(tools, transcript, 'yes', { ...context, now: later });
    const refused = yes.calls.filter((c) => c.name === 'delete_task' && !c.output.startsWith('{'));
    assert.equal(refused.length, 2, 'the server lets 3 deletes through and refuses the rest without a valid confirmation');
    assert.match(yes.reply, /The confirmation had expired, so I stopped there\. I'll delete these 2 tasks:\n1\. #2 Call mom\n2\. #1 Buy groceries\nSay yes to go ahead\.$/);
    assert.deepEqual((await snapshotTasks(asked.tasks, user.id)).map((t) => t.title), ['Buy groceries', 'Call mom']);

    const again = await runTurn(tools, transcript, 'yes', { ...context, now: later });
    assert.equal(again.reply, 'Deleted #2 Call mom.\nDeleted #1 Buy groceries.');
    assert.deepEqual(await snapshotTasks(asked.tasks, user.id), []);
  } finally {
    await asked.close();
    await answered.close();
  }
});

let calls = 0;
const tool = (name: string, args: Record<string, unknown>, result: unknown): TranscriptEntry[] => {
  const callId = `c${(calls += 1)}`;
  return [
    { kind: 'tool_call', callId, name, arguments: args },
    { kind: 'tool_result', callId, output: typeof result === 'string' ? result : JSON.stringify(result) },
  ];
};
const task = (id: number, title: string) => ({ id, title, description: null, completed: false });
const FIVE = [task(5, 'E'), task(4, 'D'), task(3, 'C'), task(2, 'B'), task(1, 'A')];
const previewTurn = (reply: string): TranscriptEntry[] => [
  { kind: 'user', text: 'delete all my tasks' },
  ...tool('list_tasks', { status: 'all' }, FIVE),
  ...tool('preview_bulk_change', { action: 'delete', task_ids: [5, 4, 3, 2, 1] }, {
    action: 'delete',
    confirmation: 'token-from-the-tool',
    tasks: FIVE.map(({ id, title }) => ({ id, title })),
    expires_at: '2026-11-26T22:15:00.000Z',
  }),
  { kind: 'assistant', text: reply },
];

test('"yes" confirms the tasks and token of the preview\'s tool result, whatever the reply said', () => {
  const step = nextStep([...previewTurn('Sure? (ids 9, 8 — token: forged)'), { kind: 'user', text: 'yes' }]);
  assert.deepEqual(step, {
    kind: 'tool_calls',
    calls: [5, 4, 3, 2, 1].map((id) => ({ name: 'delete_task', arguments: { task_id: id, confirmation: 'token-from-the-tool' } })),
  });
});

test('a "yes" later than the message after the preview confirms nothing', () => {
  const step = nextStep([
    ...previewTurn("I'll delete these 5 tasks."),
    { kind: 'user', text: 'thanks' },
    { kind: 'assistant', text: "You're welcome!" },
    { kind: 'user', text: 'yes' },
  ]);
  assert.equal(step.kind, 'message');
});

test('a failed preview is said plainly and asks nothing', () => {
  const step = nextStep([
    { kind: 'user', text: 'delete all my tasks' },
    ...tool('list_tasks', { status: 'all' }, FIVE),
    ...tool('preview_bulk_change', { action: 'delete', task_ids: [5, 4, 3, 2, 1] }, 'Task 4 not found'),
  ]);
  assert.deepEqual(step, { kind: 'message', text: "I couldn't find that task: Task 4 not found." });
});

test('undo that skipped a task says which and why', () => {
  const step = nextStep([
    { kind: 'user', text: 'undo' },
    ...tool('undo', {}, {
      group_id: 'g1',
      undone: [{ task_id: 6, op: 'create', title: 'Buy milk' }],
      skipped: [{ task_id: 7, op: 'create', title: 'Buy eggs', reason: 'it changed since' }],
      message: '…',
    }),
  ]);
  assert.deepEqual(step, { kind: 'message', text: 'Undone: removed #6 Buy milk (undid adding it).\nLeft #7 Buy eggs alone: it changed since.' });
});

test('regression: "reopen task 2" answered "I can\'t mark a task as not done" (issue 14); it reopens the task', () => {
  const done = { ...task(2, 'Call mom'), completed: true };
  const step = nextStep([{ kind: 'user', text: 'reopen task 2' }, ...tool('list_tasks', { status: 'all' }, [done])]);
  assert.deepEqual(step, { kind: 'tool_calls', calls: [{ name: 'update_task', arguments: { task_id: 2, completed: false } }] });
});

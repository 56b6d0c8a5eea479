// The engine behind the real agent SDK: Agent + run() with five real function tools over an
// in-memory store, both plain and streamed.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Agent, run, setTracingDisabled, tool, type AgentInputItem } from '@openai/agents';
import { z } from 'zod';
import { currentTimeLine } from '../../src/calendar/time-line.js';
import { LocalModel, contextFromInstructions, localModelProvider, toTranscript } from '../../src/agent/local-model.js';
import { TaskStore } from './task-store.js';

const OWNER = 'owner-1';

const details = {
  due: z.string().optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  tags: z.array(z.string()).optional(),
  repeat: z.string().optional(),
};

/** The five task tools, bound to one user of the store (the model never names a user). */
function taskTools(store: TaskStore) {
  const exec = (name: string, args: Record<string, unknown>): string => {
    const defined = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
    return store.execute(OWNER, name, defined);
  };
  return [
    tool({
      name: 'add_task',
      description: 'Create a task',
      parameters: z.object({ title: z.string(), description: z.string().optional(), ...details }),
      execute: (args) => exec('add_task', args),
    }),
    tool({
      name: 'list_tasks',
      description: 'List tasks, newest first',
      parameters: z.object({
        status: z.enum(['all', 'pending', 'completed']).optional(),
        due_before: z.string().optional(),
        overdue: z.boolean().optional(),
        query: z.string().optional(),
        sort: z.enum(['created', 'due', 'priority', 'title']).optional(),
        limit: z.number().int().optional(),
      }),
      execute: (args) => exec('list_tasks', args),
    }),
    tool({
      name: 'complete_task',
      description: 'Mark a task done',
      parameters: z.object({ task_id: z.number().int() }),
      execute: (args) => exec('complete_task', args),
    }),
    tool({
      name: 'delete_task',
      description: 'Delete a task',
      parameters: z.object({ task_id: z.number().int() }),
      execute: (args) => exec('delete_task', args),
    }),
    tool({
      name: 'update_task',
      description: 'Change the title and/or description of a task',
      parameters: z.object({ task_id: z.number().int(), title: z.string().optional(), description: z.string().optional(), ...details }),
      execute: (args) => exec('update_task', args),
    }),
  ];
}

function setup(instructions = 'Manage the user’s tasks.'): { store: TaskStore; agent: Agent } {
  const store = new TaskStore({ now: '2026-03-28T10:00', timeZone: 'Europe/Berlin' });
  store.seed(OWNER, ['Buy groceries', 'Dentist appointment', 'Call mom']);
  const agent = new Agent({ name: 'todo', instructions, model: new LocalModel(), tools: taskTools(store) });
  return { store, agent };
}

const completedTitles = (store: TaskStore): string[] => store.snapshot(OWNER).filter((t) => t.completed).map((t) => t.title);

before(() => setTracingDisabled(true));

test('run(): lists, then completes the task named in the request, then confirms', async () => {
  const { store, agent } = setup();
  const result = await run(agent, 'mark the dentist one done');
  assert.equal(result.finalOutput, 'Completed #2 Dentist appointment.');
  assert.deepEqual(completedTitles(store), ['Dentist appointment']);
  const calls = result.newItems.flatMap((i) => (i.rawItem.type === 'function_call' ? [i.rawItem.name] : []));
  assert.deepEqual(calls, ['list_tasks', 'complete_task']);
});

test('run(..., {stream: true}): same turn streamed; text deltas add up to the final output', async () => {
  const { store, agent } = setup();
  const streamed = await run(agent, 'I called mom', { stream: true });
  let text = '';
  for await (const delta of streamed.toTextStream()) text += delta;
  await streamed.completed;
  assert.equal(streamed.finalOutput, 'Completed #3 Call mom.');
  assert.equal(text, streamed.finalOutput);
  assert.deepEqual(completedTitles(store), ['Call mom']);
});

test('a later turn replays the history items: "it" is the task touched before', async () => {
  const { store, agent } = setup();
  const first = await run(agent, 'add water the plants');
  assert.equal(first.finalOutput, 'Added #4 Water the plants.');
  const next: AgentInputItem[] = [...first.history, { role: 'user', content: 'rename it to Water the herbs' }];
  const second = await run(agent, next);
  assert.equal(second.finalOutput, 'Updated #4 Water the herbs.');
  assert.equal(store.snapshot(OWNER).find((t) => t.id === 4)?.title, 'Water the herbs');
  assert.deepEqual(store.violations, []);
});

test('a tool failure is reported plainly and nothing changes', async () => {
  const { store, agent } = setup();
  const before = JSON.stringify(store.snapshot(OWNER));
  const result = await run(agent, 'delete task 42');
  assert.match(String(result.finalOutput), /couldn't find task 42/i);
  assert.equal(JSON.stringify(store.snapshot(OWNER)), before);
});

test('localModelProvider hands out the engine', async () => {
  assert.ok((await localModelProvider.getModel()) instanceof LocalModel);
});

test('toTranscript reads user text parts, calls with JSON arguments and structured tool outputs', () => {
  const items: AgentInputItem[] = [
    { role: 'user', content: [{ type: 'input_text', text: 'show my tasks' }] },
    { type: 'function_call', callId: 'c1', name: 'list_tasks', arguments: '{"status":"all"}' },
    { type: 'function_call_result', callId: 'c1', name: 'list_tasks', status: 'completed', output: { type: 'text', text: '{"tasks":[]}' } },
    { role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'You have no tasks yet.' }] },
  ];
  assert.deepEqual(toTranscript(items), [
    { kind: 'user', text: 'show my tasks' },
    { kind: 'tool_call', callId: 'c1', name: 'list_tasks', arguments: { status: 'all' } },
    { kind: 'tool_result', callId: 'c1', output: '{"tasks":[]}' },
    { kind: 'assistant', text: 'You have no tasks yet.' },
  ]);
});

const BERLIN_LINE = 'Manage the user’s tasks.\nCurrent date and time: 2026-03-28T10:00 (Saturday), time zone Europe/Berlin.';

test('contextFromInstructions reads the "Current date and time" line; none or a bad one gives null, an unknown zone UTC', () => {
  assert.deepEqual(contextFromInstructions(BERLIN_LINE), { now: new Date('2026-03-28T09:00:00Z'), timeZone: 'Europe/Berlin' });
  assert.deepEqual(contextFromInstructions('Current date and time: 2026-11-26T23:05 (Thursday), time zone Nowhere/Land.'), {
    now: new Date('2026-11-26T23:05:00Z'),
    timeZone: 'UTC',
  });
  assert.equal(contextFromInstructions('Manage the user’s tasks.'), null);
  assert.equal(contextFromInstructions(undefined), null);
  assert.equal(contextFromInstructions('Current date and time: 2026-13-45T99:00 (Someday), time zone UTC.'), null);
});

test('contextFromInstructions reads the locale sentence the chat turn writes (issue 12); the line it writes reads back', () => {
  const line = "Current date and time: 2026-11-26T23:05 (Thursday), time zone Europe/Paris. Write dates for the user's locale: en-US.";
  assert.deepEqual(contextFromInstructions(line), { now: new Date('2026-11-26T22:05:00Z'), timeZone: 'Europe/Paris', locale: 'en-US' });
  const now = new Date('2026-11-26T22:05:00Z');
  assert.deepEqual(contextFromInstructions(currentTimeLine(now, 'Europe/Paris', 'de-DE')), { now, timeZone: 'Europe/Paris', locale: 'de-DE' });
  assert.deepEqual(contextFromInstructions(currentTimeLine(now, 'Europe/Paris')), { now, timeZone: 'Europe/Paris' });
});

test('run(): a reply writes dates for the locale in the instructions', async () => {
  const { agent } = setup('Current date and time: 2026-03-28T10:00 (Saturday), time zone Europe/Berlin. Write dates for the user\'s locale: en-US.');
  const result = await run(agent, 'add call the bank tomorrow at 9am');
  assert.equal(String(result.finalOutput).replace(/\u202f/g, ' '), 'Added #4 Call the bank — due Sun, Mar 29, 9:00 AM.');
});

test('run(): "tomorrow at 9am" across the DST change reads the instructions line: 29 Mar 09:00 Berlin time', async () => {
  const { store, agent } = setup(BERLIN_LINE);
  const result = await run(agent, 'add call the bank tomorrow at 9am p2');
  assert.equal(result.finalOutput, 'Added #4 Call the bank — due Sun 29 Mar, 09:00 · medium priority.');
  const task = store.snapshot(OWNER).find((t) => t.id === 4);
  assert.deepEqual([task?.due, task?.priority], ['2026-03-29T09:00', 'medium']);
});

test('run(..., {stream: true}): "what\'s overdue?" lists with the filter, from the instructions line', async () => {
  const { store, agent } = setup(BERLIN_LINE);
  store.seed(OWNER, [{ title: 'File the tax return', due: '2026-03-27' }, { title: 'Book the flights', due: '2026-03-30' }]);
  const streamed = await run(agent, "what's overdue?", { stream: true });
  for await (const _delta of streamed.toTextStream()) void _delta;
  await streamed.completed;
  assert.equal(streamed.finalOutput, 'You have 1 overdue task:\n1. #4 File the tax return — due Fri 27 Mar (overdue)');
});

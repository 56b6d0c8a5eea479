// The engine behind the real agent SDK: Agent + run() with the real MCP task tools of one user
// (the same in-process bridge the chat turn uses), plain and streamed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent, run, setTracingDisabled, type AgentInputItem } from '@openai/agents';
import { LocalModel, contextFromInstructions, localModelProvider, toTranscript } from '../../src/agent/local-model.js';
import { InProcessMcpServer } from '../../src/agent/mcp-bridge.js';
import { currentTimeLine } from '../../src/calendar/time-line.js';
import { zonedInstant } from '../../src/engine/index.js';
import { seedTasks, snapshotTasks, type SetupTask } from './domain-tasks.js';
import { closeWorld } from './runner.js';
import { openSession, type Session } from './world.js';

const ZONE = 'Europe/Berlin';
const sessions: Session[] = [];

/** A user with three tasks, and an agent on the engine whose tools act for that user only. */
async function setup(instructions = 'Manage the user’s tasks.', tasks: SetupTask[] = ['Buy groceries', 'Dentist appointment', 'Call mom']) {
  const session = await openSession(zonedInstant('2026-03-28T10:00', ZONE), ZONE);
  sessions.push(session);
  const user = await session.addUser();
  await seedTasks(session.tasks, user.id, tasks);
  const server = new InProcessMcpServer(session.clients, user.id);
  await server.connect();
  const agent = new Agent({ name: 'todo', instructions, model: new LocalModel(), mcpServers: [server] });
  const snapshot = () => snapshotTasks(session.tasks, user.id);
  const label = async (title: string): Promise<string> => `#${(await snapshot()).find((t) => t.title === title)?.id ?? '?'} ${title}`;
  const completedTitles = async (): Promise<string[]> => (await snapshot()).filter((t) => t.completed).map((t) => t.title);
  return { agent, snapshot, label, completedTitles };
}

before(() => setTracingDisabled(true));
after(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await closeWorld();
});

test('run(): lists, then completes the task named in the request, then confirms', async () => {
  const { agent, label, completedTitles } = await setup();
  const result = await run(agent, 'mark the dentist one done');
  assert.equal(result.finalOutput, `Completed ${await label('Dentist appointment')}.`);
  assert.deepEqual(await completedTitles(), ['Dentist appointment']);
  const calls = result.newItems.flatMap((i) => (i.rawItem.type === 'function_call' ? [i.rawItem.name] : []));
  assert.deepEqual(calls, ['list_tasks', 'complete_task']);
});

test('run(..., {stream: true}): same turn streamed; text deltas add up to the final output', async () => {
  const { agent, label, completedTitles } = await setup();
  const streamed = await run(agent, 'I called mom', { stream: true });
  let text = '';
  for await (const delta of streamed.toTextStream()) text += delta;
  await streamed.completed;
  assert.equal(streamed.finalOutput, `Completed ${await label('Call mom')}.`);
  assert.equal(text, streamed.finalOutput);
  assert.deepEqual(await completedTitles(), ['Call mom']);
});

test('a later turn replays the history items: "it" is the task touched before', async () => {
  const { agent, snapshot } = await setup();
  const first = await run(agent, 'add water the plants');
  const id = /^Added #(\d+) Water the plants\.$/.exec(String(first.finalOutput))?.[1];
  assert.ok(id, String(first.finalOutput));
  const next: AgentInputItem[] = [...first.history, { role: 'user', content: 'rename it to Water the herbs' }];
  const second = await run(agent, next);
  assert.equal(second.finalOutput, `Updated #${id} Water the herbs.`);
  assert.equal((await snapshot()).find((t) => t.id === Number(id))?.title, 'Water the herbs');
});

test('a tool failure is reported plainly and nothing changes', async () => {
  const { agent, snapshot } = await setup();
  const before = JSON.stringify(await snapshot());
  const result = await run(agent, 'delete task 999999');
  assert.match(String(result.finalOutput), /couldn't find task 999999/i);
  assert.equal(JSON.stringify(await snapshot()), before);
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
  const { agent } = await setup('Current date and time: 2026-03-28T10:00 (Saturday), time zone Europe/Berlin. Write dates for the user\'s locale: en-US.');
  const result = await run(agent, 'add call the bank tomorrow at 9am');
  assert.match(String(result.finalOutput).replace(/\u202f/g, ' '), /^Added #\d+ Call the bank — due Sun, Mar 29, 9:00 AM\.$/);
});

test('run(): "tomorrow at 9am" across the DST change reads the instructions line: 29 Mar 09:00 Berlin time', async () => {
  const { agent, snapshot } = await setup(BERLIN_LINE);
  const result = await run(agent, 'add call the bank tomorrow at 9am p2');
  assert.match(String(result.finalOutput), /^Added #\d+ Call the bank — due Sun 29 Mar, 09:00 · medium priority\.$/);
  const task = (await snapshot()).find((t) => t.title === 'Call the bank');
  assert.deepEqual([task?.due, task?.priority], ['2026-03-29T09:00', 'medium']);
});

test('run(..., {stream: true}): "what\'s overdue?" lists with the filter, from the instructions line', async () => {
  const { agent, label } = await setup(BERLIN_LINE, ['Buy groceries', { title: 'File the tax return', due: '2026-03-27' }, { title: 'Book the flights', due: '2026-03-30' }]);
  const streamed = await run(agent, "what's overdue?", { stream: true });
  for await (const _delta of streamed.toTextStream()) void _delta;
  await streamed.completed;
  assert.equal(streamed.finalOutput, `You have 1 overdue task:\n1. ${await label('File the tax return')} — due Fri 27 Mar (overdue)`);
});

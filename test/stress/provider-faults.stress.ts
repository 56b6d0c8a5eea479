// Model provider faults: the fake OpenAI-compatible server scripts what the model says, a proxy in front of it
// breaks the wire. Every fault must end in a clear 502/504 (or an SSE error event), never a 500 or a hang, and
// every tool side effect must happen at most once and be on record in the conversation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeOpenAI, type FakeStep, type Script } from '../helpers/fake-openai.js';
import { readSse } from '../helpers/sse.js';
import { buildTestApp, type TestApp, type TestUser } from '../helpers/test-app.js';
import { errorSchema } from './support/api.js';
import { startFaultProxy, type FaultPlan } from './support/fault-proxy.js';
import { requirePostgres } from './support/postgres.js';

const API_KEY = 'sk-stress-fault-key-0123456789abcdef';
const confirm = (title: string): FakeStep => ({ kind: 'text', text: `Added ${title}, and here is a longer confirmation so the stream has several chunks.` });

/**
 * A model that calls add_task(title) until it sees the tool's result, then answers with `after(k)` (k counts its
 * answers after the tool). It decides from the conversation, not the request count, so a retried request gets
 * the same answer as the one that failed — as a real model would.
 */
function addThen(title: string, after: (k: number) => FakeStep = () => confirm(title)): Script {
  let k = 0;
  return (req) => (req.body.messages.some((m) => m.role === 'tool') ? after(k++) : { kind: 'tools', calls: [{ name: 'add_task', arguments: JSON.stringify({ title }) }] });
}
const tools = (title: string): Script => addThen(title);
const failing = (status: number): FakeStep => ({ kind: 'status', status, headers: { 'retry-after-ms': '10' } });

interface Outcome {
  status: number;
  /** The JSON error or the SSE error event's error. */
  error?: { code: string; message: string };
  sseEvents?: string[];
}

describe('model provider faults (Postgres)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let t: TestApp;

  before(async () => {
    requirePostgres();
    fake = await startFakeOpenAI();
    proxy = await startFaultProxy(fake.url);
    t = await buildTestApp({
      driver: 'postgres',
      env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: proxy.url, OPENAI_MODEL: 'fake-model', MODEL_TIMEOUT_MS: '1000', MODEL_MAX_RETRIES: '1' },
    });
  });
  after(async () => {
    await t?.close();
    await proxy?.close();
    await fake?.close();
  });

  /** Run one turn as a fresh user under a script and a fault plan. */
  async function turn(script: Script, plan: FaultPlan, options: { stream?: boolean; message?: string } = {}): Promise<Outcome & { user: TestUser }> {
    const user = await t.signUp();
    fake.use(script);
    proxy.use(plan);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${user.id}/chat`,
      headers: { ...user.headers, ...(options.stream ? { accept: 'text/event-stream' } : {}) },
      payload: { message: options.message ?? 'please do it' },
    });
    if (!options.stream) {
      assert.match(String(res.headers['content-type']), /application\/json/, `every answer is JSON: ${res.body.slice(0, 200)}`);
      return { user, status: res.statusCode, error: errorSchema.safeParse(res.json()).data?.error };
    }
    const events = readSse(res.body);
    const last = events.at(-1);
    const error = last?.event === 'error' ? errorSchema.safeParse(last.data).data?.error : undefined;
    return { user, status: res.statusCode, error, sseEvents: events.map((e) => e.event) };
  }

  /** The user's tasks by title, and their stored messages. */
  async function state(user: TestUser) {
    const tasks = (await t.deps.tasks.list(user.id)).map((x) => x.title);
    const [conversation] = await t.deps.conversations.list(user.id);
    const messages = conversation ? await t.deps.conversations.messages(user.id, conversation.id) : [];
    return { tasks, messages, recorded: messages.flatMap((m) => m.tool_calls ?? []).filter((c) => c.name === 'add_task').length };
  }

  function expectClearError(outcome: Outcome, status: number, code: string, why: string): void {
    if (outcome.sseEvents) assert.equal(outcome.sseEvents.at(-1), 'error', `${why}: the stream ends with an error event (${outcome.sseEvents.join(',')})`);
    else assert.equal(outcome.status, status, `${why}: status`);
    assert.equal(outcome.error?.code, code, `${why}: ${JSON.stringify(outcome.error)}`);
    assert.match(outcome.error?.message ?? '', /language model/i, `${why}: the message says what failed`);
    assert.doesNotMatch(outcome.error?.message ?? '', /sk-|at .*\.js|stack/i, `${why}: no secrets or internals in the message`);
  }

  test('slow but within MODEL_TIMEOUT_MS: the turn succeeds and the tool runs once', async () => {
    const outcome = await turn(tools('Slow but fine'), () => ({ kind: 'delay', ms: 300 }));
    assert.equal(outcome.status, 200);
    const { tasks, recorded } = await state(outcome.user);
    assert.deepEqual(tasks, ['Slow but fine']);
    assert.equal(recorded, 1);
  });

  test('slower than MODEL_TIMEOUT_MS: 504 MODEL_TIMEOUT (JSON and SSE), nothing changed, the message kept', async () => {
    for (const stream of [false, true]) {
      const outcome = await turn(tools('Never added'), () => ({ kind: 'delay', ms: 2500 }), { stream });
      expectClearError(outcome, 504, 'MODEL_TIMEOUT', `timeout (stream: ${stream})`);
      const { tasks, messages } = await state(outcome.user);
      assert.deepEqual(tasks, []);
      assert.deepEqual(messages.map((m) => m.role), ['user'], 'the user message is kept, nothing else');
    }
  });

  test('429 once is retried; 429 every time is a 502 naming the provider status', async () => {
    const model = tools('After a 429');
    const once = await turn((req, i) => (i === 0 ? failing(429) : model(req, i)), () => ({ kind: 'pass' }));
    assert.equal(once.status, 200);
    assert.deepEqual((await state(once.user)).tasks, ['After a 429']);
    const always = await turn(() => failing(429), () => ({ kind: 'pass' }));
    expectClearError(always, 502, 'MODEL_ERROR', 'persistent 429');
    assert.match(always.error?.message ?? '', /429/);
  });

  test('500 after the tool ran: retried without repeating the tool; persistent, a 502 with the change on record', async () => {
    const flaky = await turn(addThen('Once after a 500', (k) => (k === 0 ? failing(500) : confirm('it'))), () => ({ kind: 'pass' }));
    assert.equal(flaky.status, 200);
    assert.deepEqual((await state(flaky.user)).tasks, ['Once after a 500'], 'the retried request did not run the tool again');
    const broken = await turn(addThen('Once before failing', () => failing(500)), () => ({ kind: 'pass' }));
    expectClearError(broken, 502, 'MODEL_ERROR', 'persistent 500');
    const { tasks, recorded } = await state(broken.user);
    assert.deepEqual(tasks, ['Once before failing'], 'the tool ran exactly once');
    assert.equal(recorded, 1, 'the change it made is on record in the conversation');
  });

  test('a dropped connection is retried; always dropped, a 502 that says the provider could not be reached', async () => {
    const once = await turn(tools('After a drop'), (i) => (i === 0 ? { kind: 'drop' } : { kind: 'pass' }));
    assert.equal(once.status, 200);
    assert.deepEqual((await state(once.user)).tasks, ['After a drop']);
    const always = await turn(tools('Never reached'), () => ({ kind: 'drop' }));
    expectClearError(always, 502, 'MODEL_ERROR', 'always dropped');
    assert.deepEqual((await state(always.user)).tasks, []);
    const afterTool = await turn(tools('Dropped after the tool'), (i) => (i === 0 ? { kind: 'pass' } : { kind: 'drop' }));
    expectClearError(afterTool, 502, 'MODEL_ERROR', 'dropped after the tool ran');
    const { tasks, recorded } = await state(afterTool.user);
    assert.deepEqual(tasks, ['Dropped after the tool']);
    assert.equal(recorded, 1);
  });

  test('malformed tool arguments change nothing and are never a 500', async () => {
    const outcome = await turn((_req, i) => (i === 0 ? { kind: 'tools', calls: [{ name: 'add_task', arguments: '{"title": "Broken' }] } : { kind: 'text', text: 'Sorry.' }), () => ({ kind: 'pass' }));
    assert.ok([200, 502].includes(outcome.status), `status ${outcome.status}`);
    if (outcome.status === 502) expectClearError(outcome, 502, 'MODEL_ERROR', 'malformed arguments');
    assert.deepEqual((await state(outcome.user)).tasks, []);
  });

  test('a response cut off mid-body (JSON): retried, then a clear 502; nothing duplicated', async () => {
    const once = await turn(tools('After a cut'), (i) => (i === 0 ? { kind: 'cut', afterBytes: 40 } : { kind: 'pass' }));
    assert.equal(once.status, 200, JSON.stringify(once.error));
    assert.deepEqual((await state(once.user)).tasks, ['After a cut']);
    const always = await turn(tools('Never whole'), () => ({ kind: 'cut', afterBytes: 40 }));
    expectClearError(always, 502, 'MODEL_ERROR', 'always cut');
    assert.deepEqual((await state(always.user)).tasks, []);
  });

  test('mid-stream disconnects (SSE): an error event, not a hang or a truncated reply; any tool that ran ran once and is on record', async () => {
    const cuts = [
      { where: 'in the answer, mid-frame', plan: (i: number) => (i === 0 ? { kind: 'pass' } : { kind: 'cut', afterBytes: 300 }), ran: 1 },
      { where: 'in the answer, after its first text frame', plan: (i: number) => (i === 0 ? { kind: 'pass' } : { kind: 'cut-after-frame', marker: '"content":' }), ran: 1 },
      { where: 'in the tool call, mid-frame', plan: (i: number) => (i === 0 ? { kind: 'cut', afterBytes: 300 } : { kind: 'pass' }), ran: 0 },
      { where: 'after the tool call frame, before its finish', plan: (i: number) => (i === 0 ? { kind: 'cut-after-frame', marker: '"tool_calls":[' } : { kind: 'pass' }), ran: 0 },
    ] satisfies Array<{ where: string; plan: FaultPlan; ran: number }>;
    for (const cut of cuts) {
      const outcome = await turn(tools('Cut stream'), cut.plan, { stream: true });
      expectClearError(outcome, 200, 'MODEL_ERROR', `cut ${cut.where}`);
      const { tasks, recorded, messages } = await state(outcome.user);
      assert.equal(tasks.length, cut.ran, `cut ${cut.where}: the tool ran ${cut.ran} time(s): ${JSON.stringify(tasks)}`);
      assert.equal(recorded, tasks.length, `cut ${cut.where}: a tool that ran is on record`);
      assert.ok(!messages.some((m) => m.role === 'assistant' && m.content.startsWith('Added Cut stream')), `cut ${cut.where}: no truncated reply stored as if complete`);
    }
  });

  test('the provider key never reaches a log line', () => {
    const leaked = t.logs.filter((line) => line.includes(API_KEY) || line.includes('sk-stress'));
    assert.deepEqual(leaked, []);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { readSse } from '../helpers/sse.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { TOOL_NAMES } from '../mcp/helpers.js';

/** Chat Completions content is a string or an array of text parts. */
const textOf = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? '').join('') : '';

for (const driver of testDrivers) {
  describe(`chat through an OpenAI-compatible provider (${driver})`, () => {
    let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      fake = await startFakeOpenAI();
      t = await buildTestApp({
        driver,
        env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-fake-key-for-tests', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', MODEL_TIMEOUT_MS: '1500', MODEL_MAX_RETRIES: '2' },
      });
      u = await t.signUp();
    });
    after(async () => {
      await t.close();
      await fake.close();
    });

    const chat = (payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/${u.id}/chat`, headers: { ...u.headers, ...headers }, payload });
    const tasks = async () => (await t.app.inject({ method: 'GET', url: `/api/${u.id}/tasks`, headers: u.headers })).json() as { id: number; title: string; completed: boolean }[];
    const messages = async (id: number) =>
      (await t.app.inject({ method: 'GET', url: `/api/${u.id}/conversations/${id}/messages`, headers: u.headers })).json() as { role: string; content: string; tool_calls?: unknown[] }[];

    test('the model calls add_task through the MCP tools; reply, tool calls and messages are stored', async () => {
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls: [{ name: 'add_task', arguments: '{"title":"Buy milk"}' }] } : { kind: 'text', text: 'Added Buy milk.' }));
      const res = await chat({ message: 'add buy milk' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.response, 'Added Buy milk.');
      const [task] = await tasks();
      assert.equal(task!.title, 'Buy milk');
      assert.deepEqual(body.tool_calls, [{ name: 'add_task', arguments: { title: 'Buy milk' }, result: { task_id: task!.id, status: 'created', title: 'Buy milk', due_at: null, priority: null, tags: [], repeat: null, reminders: [] } }]);
      assert.equal(fake.requests[0]!.headers.authorization, 'Bearer sk-fake-key-for-tests');
      assert.equal(fake.requests[0]!.body.model, 'fake-model');
      const toolNames = fake.requests[0]!.body.tools!.map((x) => x.function.name).sort();
      assert.deepEqual(toolNames, TOOL_NAMES);
      assert.ok(!JSON.stringify(fake.requests[0]!.body.tools).includes('user_id'), 'the model never sees a user_id parameter');
      const toolMessage = fake.requests[1]!.body.messages.find((m) => m.role === 'tool');
      assert.match(String(toolMessage?.content), /"status":"created"/);
      const stored = await messages(body.conversation_id);
      assert.deepEqual(stored.map((m) => m.role), ['user', 'assistant']);
      assert.deepEqual(stored[1]!.tool_calls, body.tool_calls);
    });

    test('a second turn replays the stored history, tool calls included', async () => {
      fake.use(() => ({ kind: 'text', text: 'first' }));
      const first = (await chat({ message: 'hello there' })).json();
      fake.use(() => ({ kind: 'text', text: 'second' }));
      const second = await chat({ message: 'and again', conversation_id: first.conversation_id });
      assert.equal(second.statusCode, 200);
      const sent = fake.requests[0]!.body.messages.filter((m) => m.role !== 'system').map((m) => [m.role, textOf(m.content)]);
      assert.deepEqual(sent, [['user', 'hello there'], ['assistant', 'first'], ['user', 'and again']]);
    });

    test('the model is told the current date and time in the user time zone; the chat body keeps the zone current', async () => {
      fake.use(() => ({ kind: 'text', text: 'ok' }));
      const res = await chat({ message: 'what day is it?', timezone: 'Asia/Tokyo' });
      assert.equal(res.statusCode, 200, res.body);
      const system = textOf(fake.requests[0]!.body.messages.find((m) => m.role === 'system')?.content);
      assert.match(system, /Current date and time: \d{4}-\d{2}-\d{2}T\d{2}:\d{2} \([A-Z][a-z]+day\), time zone Asia\/Tokyo\./);
      const settings = await t.app.inject({ method: 'GET', url: `/api/${u.id}/settings`, headers: u.headers });
      assert.deepEqual({ timezone: settings.json().timezone, locale: settings.json().locale }, { timezone: 'Asia/Tokyo', locale: null });
      const bad = await chat({ message: 'hi', timezone: 'Nowhere/Special' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /timezone must be an IANA time zone/);
    });

    test('the chat body keeps the locale current and the model is told to write dates for it', async () => {
      fake.use(() => ({ kind: 'text', text: 'ok' }));
      const res = await chat({ message: 'when is it due?', locale: 'fr-FR' });
      assert.equal(res.statusCode, 200, res.body);
      const system = textOf(fake.requests[0]!.body.messages.find((m) => m.role === 'system')?.content);
      assert.match(system, /time zone [^.]+\. Write dates for the user's locale: fr-FR\./);
      const settings = await t.app.inject({ method: 'GET', url: `/api/${u.id}/settings`, headers: u.headers });
      assert.equal(settings.json().locale, 'fr-FR');
      const bad = await chat({ message: 'hi', locale: '??' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /locale must be a language tag/);
    });

    test('a 429 is retried and the turn succeeds', async () => {
      fake.use((_req, i) => (i === 0 ? { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } } : { kind: 'text', text: 'after retry' }));
      const res = await chat({ message: 'hi' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().response, 'after retry');
      assert.equal(fake.requests.length, 2);
    });

    test('a persistent 500 is a 502 JSON error; the user message is kept and no half turn is stored', async () => {
      fake.use(() => ({ kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } }));
      const start = (await chat({ message: 'start' }, {}));
      fake.use(() => ({ kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } }));
      assert.equal(start.statusCode, 502);
      const conversations = (await t.app.inject({ method: 'GET', url: `/api/${u.id}/conversations`, headers: u.headers })).json() as { id: number; title: string }[];
      // The newest conversation; a turn that failed leaves it with its placeholder title.
      const conv = conversations[0]!;
      assert.equal(conv.title, 'New conversation');
      const res = await chat({ message: 'please work', conversation_id: conv.id });
      assert.equal(res.statusCode, 502);
      assert.equal(res.json().error.code, 'MODEL_ERROR');
      assert.equal(fake.requests.length, 3, 'one try and two retries');
      assert.deepEqual((await messages(conv.id)).map((m) => [m.role, m.content]), [['user', 'start'], ['user', 'please work']]);
    });

    test('a provider that never answers is a 504 within the timeout', async () => {
      fake.use(() => ({ kind: 'hang' }));
      const local = await buildTestApp({ driver, env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, MODEL_TIMEOUT_MS: '300', MODEL_MAX_RETRIES: '0' } });
      try {
        const v = await local.signUp();
        const res = await local.app.inject({ method: 'POST', url: `/api/${v.id}/chat`, headers: v.headers, payload: { message: 'hello?' } });
        assert.equal(res.statusCode, 504, res.body);
        assert.equal(res.json().error.code, 'MODEL_TIMEOUT');
      } finally {
        await local.close();
      }
    });

    test('malformed tool arguments and an unknown tool change nothing and never 500', async () => {
      const before = (await tasks()).length;
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls: [{ name: 'add_task', arguments: '{"title": "Broken' }] } : { kind: 'text', text: 'Sorry.' }));
      const malformed = await chat({ message: 'add broken' });
      assert.ok([200, 502].includes(malformed.statusCode), malformed.body);
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls: [{ name: 'drop_all_tables', arguments: '{}' }] } : { kind: 'text', text: 'Sorry.' }));
      const unknown = await chat({ message: 'drop everything' });
      assert.ok([200, 502].includes(unknown.statusCode), unknown.body);
      if (unknown.statusCode === 502) assert.equal(unknown.json().error.code, 'MODEL_ERROR');
      assert.equal((await tasks()).length, before);
    });

    test('streaming: deltas, the tool call and done arrive in order; done equals the JSON reply', async () => {
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls: [{ name: 'add_task', arguments: '{"title":"Stream me"}' }] } : { kind: 'text', text: 'Added the streamed task for you.' }));
      const res = await chat({ message: 'add stream me' }, { accept: 'text/event-stream' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/event-stream/);
      const events = readSse(res.body);
      const kinds = events.map((e) => e.event);
      assert.equal(kinds[0], 'tool_call');
      assert.equal(kinds.at(-1), 'done');
      assert.ok(kinds.filter((k) => k === 'delta').length >= 2);
      const done = events.at(-1)!.data as { response: string; tool_calls: unknown[]; conversation_id: number };
      assert.equal(events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text).join(''), done.response);
      assert.deepEqual(events[0]!.data, done.tool_calls[0]);
      const stored = await messages(done.conversation_id);
      assert.equal(stored.at(-1)!.content, done.response);
    });

    test('a stream whose provider fails ends with an error event, not a hang', async () => {
      fake.use(() => ({ kind: 'status', status: 503, headers: { 'retry-after-ms': '10' } }));
      const res = await chat({ message: 'stream fail' }, { accept: 'text/event-stream' });
      const events = readSse(res.body);
      assert.equal(events.at(-1)!.event, 'error');
      assert.equal((events.at(-1)!.data as { error: { code: string } }).error.code, 'MODEL_ERROR');
    });
  });
}

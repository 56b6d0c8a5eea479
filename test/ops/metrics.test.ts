import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import type { Config } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { startMetricsServer } from '../../src/http/metrics-server.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { instrumentModel, modelErrorKind } from '../../src/observability/instrument.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { testDrivers } from '../helpers/test-app.js';
import { buildOpsApp, seriesValue, type OpsApp } from './support/ops-app.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics exposure', () => {
  let t: OpsApp;
  before(async () => {
    t = await buildOpsApp();
  });
  after(() => t.close());

  /** Another app over the same services and database, configured differently. */
  async function appWith(env: Partial<Pick<Config, 'METRICS_TOKEN' | 'METRICS_PORT'>>) {
    const app = await createApp({ ...t.deps, config: { ...t.deps.config, ...env } });
    await app.ready();
    return app;
  }

  test('unconfigured, /metrics is a JSON 404: exposing metrics is opt-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  test('with METRICS_TOKEN, /metrics needs that Bearer token (401 otherwise) and answers Prometheus text', async () => {
    const app = await appWith({ METRICS_TOKEN: TOKEN });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
        assert.equal(res.statusCode, 401, String(authorization));
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
        assert.match(String(res.headers['www-authenticate']), /^Bearer/);
      }
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.match(res.body, /^# HELP http_request_duration_seconds /m);
    } finally {
      await app.close();
    }
  });

  test('with METRICS_PORT, the public port never serves /metrics; the internal listener does, token-checked when set', async () => {
    const app = await appWith({ METRICS_PORT: 9464, METRICS_TOKEN: TOKEN });
    const server = await startMetricsServer(t.metrics, { port: 0, host: '127.0.0.1', token: TOKEN });
    try {
      const publicRes = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(publicRes.statusCode, 404);
      const base = `http://127.0.0.1:${server.port}`;
      assert.equal((await fetch(`${base}/metrics`)).status, 401);
      assert.equal((await fetch(`${base}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);
      const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /^# TYPE process_cpu_user_seconds_total counter$/m);
    } finally {
      await server.close();
      await app.close();
    }
  });
});

describe('metric families', () => {
  let t: OpsApp;
  before(async () => {
    t = await buildOpsApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  after(() => t.close());

  test('http_request_duration_seconds is labelled by route pattern and status, never by the raw URL', async () => {
    const user = await t.signUp();
    const created = await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: { title: 'Count me' } });
    assert.equal(created.statusCode, 201);
    const id = created.json().id;
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks/${id}`, headers: user.headers })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks/999999`, headers: user.headers })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks` })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/no-such/route/42' })).statusCode, 404);

    const count = (labels: Record<string, string>) => seriesValue(t.metrics, 'http_request_duration_seconds_count', labels);
    assert.equal(await count({ method: 'POST', route: '/api/:userId/tasks', status_code: '201' }), 1);
    assert.equal(await count({ method: 'GET', route: '/api/:userId/tasks/:id', status_code: '200' }), 1);
    assert.equal(await count({ method: 'GET', route: '/api/:userId/tasks/:id', status_code: '404' }), 1);
    assert.equal(await count({ method: 'GET', route: '/api/:userId/tasks', status_code: '401' }), 1);
    assert.equal(await count({ method: 'GET', route: 'unmatched', status_code: '404' }), 1);
    const labels = ((await t.metrics.render()).match(/\{[^}]*\}/g) ?? []).join('\n');
    for (const raw of [user.id, 'no-such', '999999']) assert.ok(!labels.includes(raw), `${raw} must not appear in a label`);
  });

  test('http_requests_in_flight counts the request being served (the scrape itself) and returns to 0', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.match(res.body, /^http_requests_in_flight 1$/m);
    assert.equal(await seriesValue(t.metrics, 'http_requests_in_flight'), 0);
  });

  test('db_query_duration_seconds{operation="ping"} times the /health and /health/ready probes', async () => {
    const before = await seriesValue(t.metrics, 'db_query_duration_seconds_count', { operation: 'ping' });
    await t.app.inject({ method: 'GET', url: '/health' });
    await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(await seriesValue(t.metrics, 'db_query_duration_seconds_count', { operation: 'ping' }), before + 2);
    assert.ok((await seriesValue(t.metrics, 'db_query_duration_seconds_sum', { operation: 'ping' })) > 0);
  });

  test('model_request_duration_seconds counts every model call of a real chat turn (local engine)', async () => {
    const user = await t.signUp();
    const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add water the plants' } });
    assert.equal(res.statusCode, 200, res.body);
    // One call decides on add_task, a second writes the reply after the tool result.
    assert.ok((await seriesValue(t.metrics, 'model_request_duration_seconds_count', { provider: 'local', outcome: 'ok' })) >= 2);
    assert.equal(await seriesValue(t.metrics, 'model_errors_total', { provider: 'local' }), 0);
  });

  test('process metrics (CPU, memory, event loop) are collected', async () => {
    const text = await t.metrics.render();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      assert.match(text, new RegExp(`^${name} `, 'm'), name);
    }
  });
});

for (const driver of testDrivers) {
  describe(`per-query database latency (${driver})`, () => {
    let t: OpsApp;
    before(async () => {
      t = await buildOpsApp({ driver, env: { METRICS_TOKEN: TOKEN } });
    });
    after(() => t.close());

    /** db_query_duration_seconds_count by operation, read from a scrape of GET /metrics. */
    async function scrapeCounts(): Promise<Record<string, number>> {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.statusCode, 200);
      const counts: Record<string, number> = {};
      for (const [, operation, value] of res.body.matchAll(/^db_query_duration_seconds_count\{operation="([a-z]+)"\} (\d+)$/gm)) counts[operation!] = Number(value);
      return counts;
    }

    test('db_query_duration_seconds times every statement of a chat turn by operation, apart from the ping', async () => {
      const user = await t.signUp();
      const before = await scrapeCounts();
      const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add water the plants' } });
      assert.equal(res.statusCode, 200, res.body);
      const afterTurn = await scrapeCounts();
      const grew = (operation: string) => (afterTurn[operation] ?? 0) - (before[operation] ?? 0);
      // Opening the turn, storing the reply and inserting the task with its number are CTE statements; the journal
      // entry is an insert.
      assert.ok(grew('with') >= 3, `with: ${grew('with')}`);
      assert.ok(grew('insert') >= 1, `insert: ${grew('insert')}`);
      assert.equal(grew('ping'), 0, 'a turn runs no health probe');
      if (driver === 'postgres') assert.ok(grew('begin') >= 1 && grew('commit') >= 1, 'transaction control is timed on Postgres');
      const res2 = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.match(res2.body, /^db_query_duration_seconds_bucket\{le="0.0005",operation="select"\} \d+$/m);
      assert.ok((await seriesValue(t.metrics, 'db_query_duration_seconds_sum', { operation: 'insert' })) > 0);
    });
  });
}

describe('model metrics through an OpenAI-compatible provider', () => {
  test('a provider failure is counted in model_errors_total by kind, with its latency, and the chat answers 502', async () => {
    const fake = await startFakeOpenAI(() => ({ kind: 'status', status: 500 }));
    const t = await buildOpsApp({ env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: fake.url, MODEL_MAX_RETRIES: '0' } });
    try {
      const user = await t.signUp();
      const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'hello' } });
      assert.equal(res.statusCode, 502, res.body);
      assert.equal(await seriesValue(t.metrics, 'model_errors_total', { provider: 'openai', kind: 'http_500' }), 1);
      assert.equal(await seriesValue(t.metrics, 'model_request_duration_seconds_count', { provider: 'openai', outcome: 'error' }), 1);
      fake.use(() => ({ kind: 'text', text: 'Hi there.' }));
      const ok = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: { ...user.headers, accept: 'text/event-stream' }, payload: { message: 'hello' } });
      assert.equal(ok.statusCode, 200);
      assert.equal(await seriesValue(t.metrics, 'model_request_duration_seconds_count', { provider: 'openai', outcome: 'ok' }), 1, 'streamed calls are timed too');
    } finally {
      await t.close();
      await fake.close();
    }
  });

  test('instrumentModel passes results and errors through unchanged; error kinds stay a small set', async () => {
    const metrics = createMetrics({ provider: 'scripted' });
    const failure = Object.assign(new Error('Request timed out.'), { name: 'APIConnectionTimeoutError' });
    const scripted: Model = {
      getResponse: async (_request: ModelRequest): Promise<ModelResponse> => {
        throw failure;
      },
      async *getStreamedResponse(_request: ModelRequest): AsyncIterable<StreamEvent> {
        yield { type: 'output_text_delta', delta: 'hi' };
      },
    };
    const model = instrumentModel(scripted, metrics);
    const request = { input: 'hi', modelSettings: {}, tools: [], outputType: 'text', handoffs: [], tracing: false } satisfies ModelRequest;
    await assert.rejects(model.getResponse(request), (error) => error === failure);
    const events = [];
    for await (const event of model.getStreamedResponse(request)) events.push(event);
    assert.deepEqual(events, [{ type: 'output_text_delta', delta: 'hi' }]);
    assert.equal(await seriesValue(metrics, 'model_errors_total', { provider: 'scripted', kind: 'timeout' }), 1);
    assert.equal(await seriesValue(metrics, 'model_request_duration_seconds_count', { provider: 'scripted', outcome: 'ok' }), 1);
    assert.equal(modelErrorKind(Object.assign(new Error('rate limited'), { status: 429 })), 'http_429');
    assert.equal(modelErrorKind(Object.assign(new Error('Connection error.'), { name: 'APIConnectionError' })), 'connection');
    assert.equal(modelErrorKind('a string'), 'other');
  });
});

describe('chat metrics (the hooks src/agent/chat.ts calls)', () => {
  test('chat_turn_duration_seconds by provider and outcome; chat_tool_calls_total by tool and outcome, odd names folded', async () => {
    const metrics = createMetrics({ provider: 'local' });
    metrics.observeTurn('ok', 0.12);
    metrics.observeTurn('ok', 0.3);
    metrics.observeTurn('error', 2);
    metrics.countToolCall('add_task', 'ok');
    metrics.countToolCall('add_task', 'ok');
    metrics.countToolCall('complete_task', 'error');
    metrics.countToolCall('Robert"); DROP TABLE--', 'error');
    assert.equal(await seriesValue(metrics, 'chat_turn_duration_seconds_count', { provider: 'local', outcome: 'ok' }), 2);
    assert.equal(await seriesValue(metrics, 'chat_turn_duration_seconds_bucket', { provider: 'local', outcome: 'ok', le: '0.25' }), 1);
    assert.equal(await seriesValue(metrics, 'chat_turn_duration_seconds_count', { provider: 'local', outcome: 'error' }), 1);
    assert.equal(await seriesValue(metrics, 'chat_tool_calls_total', { tool: 'add_task', outcome: 'ok' }), 2);
    assert.equal(await seriesValue(metrics, 'chat_tool_calls_total', { tool: 'complete_task', outcome: 'error' }), 1);
    assert.equal(await seriesValue(metrics, 'chat_tool_calls_total', { tool: 'other', outcome: 'error' }), 1);
    assert.ok(!(await metrics.render()).includes('DROP TABLE'));
  });
});

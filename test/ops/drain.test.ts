// Graceful drain of the real server process on Postgres, under load: chat turns streaming over SSE and
// JSON, plus a steady stream of task requests, when SIGTERM arrives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSse } from '../helpers/sse.js';
import { freePort } from '../helpers/test-app.js';
import { createDatabase, signUpOver, skipWithoutPostgres, spawnServer, type HttpUser, type ServerProcess } from './support/processes.js';
import { startSlowOpenAI } from './support/slow-openai.js';

const SECRET = 'drain-test-secret-drain-test-secret-0123456789';

/** What happened to one request the load generator sent. */
interface Outcome {
  kind: 'sse' | 'chat' | 'task';
  startedAt: number;
  endedAt: number;
  /**
   * ok: a complete 2xx answer (an SSE stream ending in `done`); rejected: 503 UNAVAILABLE; refused: no answer
   * at all (connection refused or reset before any response); dropped: cut off mid-answer.
   */
  result: 'ok' | 'rejected' | 'refused' | 'dropped' | 'other';
  detail: string;
}

type Sent = { outcome: Promise<Outcome>; firstByte: Promise<void> };

/** One request, classified; `firstByte` resolves once the response has started (for SSE, the first delta). */
function send(kind: Outcome['kind'], url: string, init: RequestInit): Sent {
  const startedAt = performance.now();
  let markFirst!: () => void;
  const firstByte = new Promise<void>((resolve) => (markFirst = resolve));
  const outcome = (async (): Promise<Outcome> => {
    const done = (result: Outcome['result'], detail: string): Outcome => {
      markFirst();
      return { kind, startedAt, endedAt: performance.now(), result, detail };
    };
    let res: Response;
    try {
      res = await fetch(url, init);
    } catch (error) {
      const code = error instanceof Error && error.cause instanceof Error && 'code' in error.cause ? String(error.cause.code) : String(error);
      return done('refused', code);
    }
    if (kind !== 'sse') markFirst();
    let body = '';
    try {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        body += decoder.decode(value, { stream: true });
        if (body.includes('event: delta')) markFirst();
      }
    } catch (error) {
      return done('dropped', `body cut off: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.status === 503) return done(body.includes('UNAVAILABLE') ? 'rejected' : 'other', body.slice(0, 100));
    if (res.status >= 300) return done('other', `${res.status} ${body.slice(0, 100)}`);
    if (kind === 'sse') {
      const events = readSse(body);
      return done(events.at(-1)?.event === 'done' ? 'ok' : 'dropped', `last event ${events.at(-1)?.event}`);
    }
    return done('ok', String(res.status));
  })();
  return { outcome, firstByte };
}

function chatStream(url: string, user: HttpUser, stream: boolean): Sent {
  return send(stream ? 'sse' : 'chat', `${url}/api/${user.id}/chat`, {
    method: 'POST',
    headers: { ...user.headers, accept: stream ? 'text/event-stream' : 'application/json' },
    body: JSON.stringify({ message: 'tell me something slowly' }),
  });
}

/** Task requests back to back (paced once rejected) until the server stops accepting connections. */
async function taskWorker(url: string, user: HttpUser, results: Outcome[]): Promise<void> {
  for (let i = 0; ; i++) {
    const outcome = await send('task', `${url}/api/${user.id}/tasks`, { method: 'POST', headers: user.headers, body: JSON.stringify({ title: `load ${i}` }) }).outcome;
    results.push(outcome);
    if (outcome.result === 'refused' || outcome.result === 'dropped' || outcome.result === 'other') return;
    if (outcome.result === 'rejected') await new Promise((r) => setTimeout(r, 25));
  }
}

interface Figures {
  in_flight_at_signal: number;
  completed: number;
  dropped: number;
  drain_ms: number;
}

function shutdownFigures(server: ServerProcess): Figures {
  const line = server.logLines().find((l) => l.msg === 'shutdown complete');
  assert.ok(line, `no "shutdown complete" line in: ${server.output().slice(-2000)}`);
  return { in_flight_at_signal: Number(line.in_flight_at_signal), completed: Number(line.completed), dropped: Number(line.dropped), drain_ms: Number(line.drain_ms) };
}

describe('graceful drain on SIGTERM (Postgres, spawned server)', { skip: skipWithoutPostgres }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let provider: Awaited<ReturnType<typeof startSlowOpenAI>>;
  before(async () => {
    database = await createDatabase();
    // Each turn takes about 2 s (20 chunks, 100 ms apart): SIGTERM comes well inside that, even on a busy machine.
    provider = await startSlowOpenAI({ chunks: 20, delayMs: 100 });
  });
  after(async () => {
    await provider?.close();
    await database?.drop();
  });

  async function start(graceMs: number): Promise<{ server: ServerProcess; users: HttpUser[] }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await spawnServer(
      {
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        BETTER_AUTH_SECRET: SECRET,
        PUBLIC_URL: url,
        MODEL_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-slow-fake',
        OPENAI_BASE_URL: provider.url,
        MODEL_MAX_RETRIES: '0',
        SHUTDOWN_GRACE_MS: String(graceMs),
        AUTH_RATE_LIMIT_MAX: '1000',
        LOG_LEVEL: 'info',
      },
      port,
    );
    const users = await Promise.all(Array.from({ length: 4 }, () => signUpOver(url, url)));
    return { server, users };
  }

  test('readiness 503 at once; in-flight streams, chat turns and task requests all finish; new requests 503; pool closed; exit 0', async (t) => {
    const { server, users } = await start(10_000);
    const url = server.url;
    const streams = Array.from({ length: 12 }, (_, i) => chatStream(url, users[i % users.length]!, true));
    const inFlight = [...streams, ...Array.from({ length: 4 }, (_, i) => chatStream(url, users[i % users.length]!, false))];
    const taskResults: Outcome[] = [];
    const workers = users.map((user) => taskWorker(url, user, taskResults));
    // Every stream has sent its first delta (so it is mid-answer on the server, with about 2 s to go; the JSON
    // turns started with them), and task traffic is flowing.
    await Promise.all(streams.map((r) => r.firstByte));
    await new Promise((r) => setTimeout(r, 100));

    const signalAt = performance.now();
    server.child.kill('SIGTERM');
    // The signal is handled on the server's next event-loop turn: poll until readiness flips.
    let ready = await fetch(`${url}/health/ready`);
    while (ready.status === 200 && performance.now() - signalAt < 2_000) ready = await fetch(`${url}/health/ready`);
    const drainingAt = performance.now();
    const readyMs = drainingAt - signalAt;
    const late = await send('task', `${url}/api/${users[0]!.id}/tasks`, { method: 'GET', headers: users[0]!.headers }).outcome;

    const chats = await Promise.all(inFlight.map((r) => r.outcome));
    await Promise.all(workers);
    const code = await server.exited;

    assert.equal(ready.status, 503, 'readiness fails as soon as SIGTERM is handled');
    assert.deepEqual(await ready.json(), { status: 'draining' });
    assert.ok(readyMs < 500, `readiness went 503 ${Math.round(readyMs)} ms after SIGTERM`);
    assert.equal(late.result, 'rejected', `a request arriving during the drain gets 503 UNAVAILABLE: ${JSON.stringify(late)}`);
    assert.deepEqual(chats.map((c) => c.result), chats.map(() => 'ok'), `every chat turn in flight completes: ${JSON.stringify(chats.filter((c) => c.result !== 'ok'))}`);
    const tasksInFlight = taskResults.filter((r) => r.startedAt < signalAt && r.endedAt > signalAt);
    assert.ok(tasksInFlight.every((r) => r.result === 'ok' || r.result === 'rejected'), JSON.stringify(tasksInFlight));
    // Sent once readiness had flipped (the server was certainly draining): none may be served.
    const afterSignal = taskResults.filter((r) => r.startedAt > drainingAt);
    assert.ok(afterSignal.every((r) => r.result === 'rejected' || r.result === 'refused'), `new requests are refused: ${JSON.stringify(afterSignal.filter((r) => r.result !== 'rejected' && r.result !== 'refused'))}`);
    assert.ok(!taskResults.some((r) => r.result === 'dropped' || r.result === 'other'), JSON.stringify(taskResults.filter((r) => r.result === 'dropped' || r.result === 'other')));
    assert.equal(code, 0);

    const figures = shutdownFigures(server);
    // The server counts every request it was serving: the 12 streams, mid-answer, were certainly among them.
    assert.ok(figures.in_flight_at_signal >= streams.length, JSON.stringify(figures));
    assert.equal(figures.dropped, 0);
    assert.equal(figures.completed, figures.in_flight_at_signal);
    const order = server.logLines().map((l) => l.msg);
    assert.ok(order.indexOf('shutting down: draining') < order.indexOf('shutdown complete'));
    t.diagnostic(
      `drain: server in flight at SIGTERM ${figures.in_flight_at_signal}, completed ${figures.completed}, dropped ${figures.dropped}, drain ${figures.drain_ms} ms; ` +
        `client side: ${inFlight.length} chat turns (12 SSE) completed; ${tasksInFlight.length} task requests in flight: ` +
        `${tasksInFlight.filter((r) => r.result === 'ok').length} completed, ${tasksInFlight.filter((r) => r.result === 'rejected').length} reached the server after the signal and got 503; ` +
        `${afterSignal.filter((r) => r.result === 'rejected').length} new requests got 503, ${afterSignal.filter((r) => r.result === 'refused').length} were refused after close; ready went 503 in ${readyMs.toFixed(1)} ms`,
    );
  });

  test('streams still running when the grace period ends are cut off, and the server still exits 0 promptly', async (t) => {
    const { server, users } = await start(300);
    const streams = users.map((user) => chatStream(server.url, user, true));
    await Promise.all(streams.map((s) => s.firstByte));
    const signalAt = performance.now();
    server.child.kill('SIGTERM');
    const results = await Promise.all(streams.map((s) => s.outcome));
    const code = await server.exited;
    const exitMs = performance.now() - signalAt;
    assert.equal(code, 0);
    assert.deepEqual(results.map((r) => r.result), results.map(() => 'dropped'));
    const figures = shutdownFigures(server);
    assert.equal(figures.dropped, streams.length);
    assert.ok(exitMs < 5_000, `exited ${Math.round(exitMs)} ms after SIGTERM with a 300 ms grace period`);
    t.diagnostic(`grace exceeded: in flight ${figures.in_flight_at_signal}, completed ${figures.completed}, dropped ${figures.dropped}, exit after ${Math.round(exitMs)} ms`);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { createLogger } from '../../src/observability/logger.js';
import { createErrorReporter, disabledErrorReporter } from '../../src/observability/error-reporter.js';
import { scrubEvent, scrubText } from '../../src/observability/scrub.js';
import { startFakeSentry } from './support/fake-sentry.js';
import { buildOpsApp } from './support/ops-app.js';
import { adminUrl, createDatabase } from './support/processes.js';

const logger = createLogger({ level: 'silent', version: 'test', environment: 'test' });
const JWT = 'eyJhbGciOiJFZERTQSIsImtpZCI6ImFiYyJ9.eyJzdWIiOiJ1c2VyLTEyMzQ1Njc4OTAiLCJleHAiOjF9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('error report scrubbing (beforeSend)', () => {
  test('removes tokens, cookies, passwords, bodies and query strings from every part of an event', () => {
    const event = {
      message: `login failed for Bearer ${JWT}`,
      request: {
        url: 'https://todo.example.com/api/u1/tasks?token=abc123&status=all',
        method: 'POST',
        query_string: 'token=abc123',
        cookies: { 'better-auth.session_token': 'cookie-secret-value' },
        data: { email: 'ada@example.com', password: 'hunter2-password' },
        env: { DATABASE_URL: 'postgres://app:db-password@db:5432/todo' },
        headers: {
          Authorization: `Bearer ${JWT}`,
          Cookie: 'better-auth.session_token=cookie-secret-value',
          'x-api-key': 'sk-live-secret',
          'user-agent': 'curl/8',
          'x-request-id': 'req-1',
        },
      },
      user: { id: 'a1b2c3d4', email: 'ada@example.com', ip_address: '203.0.113.9' },
      exception: { values: [{ type: 'Error', value: 'connect to postgres://app:db-password@db:5432/todo failed' }] },
      breadcrumbs: [{ message: `fetch https://api.openai.com with Bearer sk-openai-secret`, data: { apiKey: 'sk-openai-secret' } }],
      extra: { config: { BETTER_AUTH_SECRET: 'auth-secret-0123456789', OPENAI_API_KEY: 'sk-openai-secret', PORT: 3000 }, nested: [{ session: 'session-secret' }] },
      tags: { request_id: 'req-1' },
    };
    const scrubbed = scrubEvent(event);
    const text = JSON.stringify(scrubbed);
    for (const secret of [JWT, 'cookie-secret-value', 'hunter2-password', 'db-password', 'sk-live-secret', 'sk-openai-secret', 'auth-secret-0123456789', 'session-secret', 'abc123', 'ada@example.com', '203.0.113.9']) {
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    }
    assert.deepEqual(scrubbed.request.headers, { 'user-agent': 'curl/8', 'x-request-id': 'req-1' });
    assert.equal(scrubbed.request.url, 'https://todo.example.com/api/u1/tasks');
    assert.deepEqual(scrubbed.user, { id: 'a1b2c3d4' });
    assert.equal(scrubbed.tags.request_id, 'req-1');
    assert.equal(scrubbed.extra.config.PORT, 3000, 'harmless values stay');
    assert.equal(scrubbed.exception.values[0]?.value, 'connect to postgres://app:[Filtered]@db:5432/todo failed');
  });

  test('scrubText masks secrets inside free text and leaves ordinary text alone', () => {
    assert.equal(scrubText('Authorization: Bearer abc.def.ghi'), 'Authorization: Bearer [Filtered]');
    assert.equal(scrubText(`token ${JWT} expired`), 'token [Filtered] expired');
    assert.equal(scrubText('https://x.test/?api_key=k1&q=milk'), 'https://x.test/?api_key=[Filtered]&q=milk');
    assert.equal(scrubText('Failed query: select * from "session" where "token" = $1\nparams: s3ss10n-t0ken'), 'Failed query: select * from "session" where "token" = $1\nparams: [Filtered]');
    assert.equal(scrubText('Task 42 not found'), 'Task 42 not found');
  });
});

describe('error reporter', () => {
  test('without SENTRY_DSN nothing is loaded: the loader is never called and the reporter is the disabled one', async () => {
    let loaded = false;
    const reporter = await createErrorReporter({ environment: 'test', release: 'test', logger }, async () => {
      loaded = true;
      throw new Error('must not load');
    });
    assert.equal(loaded, false);
    assert.equal(reporter, disabledErrorReporter);
  });

  async function probe(mode: 'main' | 'reporter', env: Record<string, string>): Promise<string[]> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/ops/support/import-probe.ts', mode], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, out);
    const line = /^PROBE (.*)$/m.exec(out)?.[1];
    assert.ok(line, out);
    return z.array(z.string()).parse(JSON.parse(line));
  }

  test('the real server started without SENTRY_DSN resolves no Sentry module; with a DSN the same probe sees @sentry/node', async () => {
    // On Postgres when there is one (a new embedded database takes seconds to create).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-probe-'));
    const database = adminUrl ? await createDatabase() : undefined;
    try {
      assert.deepEqual(await probe('main', database ? { DATABASE_URL: database.url, DATA_DIR: dataDir } : { DATA_DIR: dataDir }), []);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
    // The control: the probe does see Sentry when it is loaded, so the empty list above means something.
    assert.ok((await probe('reporter', { SENTRY_DSN: 'http://publickey@127.0.0.1:9/1' })).includes('@sentry/node'));
  });

  test('with a DSN, an unexpected error reaches Sentry once, with request id and anonymised user id and no secrets; client errors are not reported', async () => {
    const sentry = await startFakeSentry();
    const reporter = await createErrorReporter({ dsn: sentry.dsn, environment: 'test', release: 'test', logger });
    const t = await buildOpsApp({ errorReporter: reporter });
    try {
      const user = await t.signUp();
      // A first request caches the JWT keys, so the next one gets past authentication without the database.
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: user.headers })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: {} })).statusCode, 400);
      await t.deps.db.close();
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/${user.id}/tasks?status=all`,
        headers: { ...user.headers, cookie: 'better-auth.session_token=cookie-secret-value', 'x-request-id': 'req-sentry-test-1' },
      });
      assert.equal(res.statusCode, 503);
      await reporter.flush(5_000);

      const events = sentry.envelopes.flatMap((e) => e.items).filter((item) => z.object({ exception: z.unknown() }).safeParse(item).success);
      assert.equal(events.length, 1, JSON.stringify(sentry.envelopes.map((e) => e.raw)));
      const event = z
        .object({ tags: z.record(z.string(), z.string()), user: z.object({ id: z.string() }), exception: z.object({ values: z.array(z.object({ value: z.string() })) }) })
        .parse(events[0]);
      assert.equal(event.tags.request_id, 'req-sentry-test-1');
      assert.equal(event.tags['http.route'], '/api/:userId/tasks');
      assert.equal(event.user.id, user.id.slice(0, 8));
      assert.match(event.exception.values.map((v) => v.value).join(' '), /closed/i);
      const raw = sentry.envelopes.map((e) => e.raw).join('\n');
      for (const secret of [user.jwt, user.id, 'cookie-secret-value', 'ops-test-secret']) assert.ok(!raw.includes(secret), `${secret.slice(0, 12)}… leaked`);
    } finally {
      await t.close();
      await sentry.close();
    }
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ToolCallError } from '@openai/agents';
import { isDatabaseUnavailable } from '../../src/db/errors.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { buildTestApp, testDrivers, type TestApp } from '../helpers/test-app.js';

const adminUrl = process.env.TEST_DATABASE_URL;

describe('database connections dropped under the app (Postgres)', { skip: adminUrl ? false : 'needs TEST_DATABASE_URL (Postgres)' }, () => {
  test('regression: a connection killed inside an open transaction no longer crashes the process; the request gets 503', async () => {
    const t = await buildTestApp({ driver: 'postgres' });
    const user = await t.signUp();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const dbName = new URL(t.databaseUrl!).pathname.slice(1);
      // Hold a transaction open, then terminate every backend of the app's database from outside:
      // before the fix the checked-out client emitted an unhandled 'error' event and the process died.
      const transaction = t.deps.db.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`select 1`);
      });
      await assert.rejects(transaction);
      const res = await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: user.headers });
      assert.ok([200, 503].includes(res.statusCode), `after the outage: ${res.statusCode} ${res.body}`);
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200, 'the pool reconnects without a restart');
    } finally {
      await admin.end();
      await t.close();
    }
  });
});

describe('auth routes with hostile bodies', () => {
  test('regression: a deeply nested body to /api/auth is a 400, not a 500', async () => {
    const t = await buildTestApp();
    try {
      const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        payload: nested,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    } finally {
      await t.close();
    }
  });
});

/** A trigger (`when`: its timing, table and condition) that fails statements with the error a Postgres shutdown gives. */
async function failLikeAnOutage(t: TestApp, when: string): Promise<void> {
  await t.deps.db.db.execute(sql.raw(`create or replace function fail_like_an_outage() returns trigger language plpgsql as $$
    begin raise exception 'simulated outage' using errcode = '57P01'; end $$`));
  await t.deps.db.db.execute(sql.raw(`create trigger fail_like_an_outage ${when} execute function fail_like_an_outage()`));
}

for (const driver of testDrivers) {
  describe(`auth during a database outage (${driver})`, () => {
    test('GET /api/auth/token and sign-in answer 503 with Retry-After, never a 401 that would sign clients out or a bare 500', async () => {
      const t = await buildTestApp({ driver });
      try {
        const user = await t.signUp();
        await t.deps.db.close();
        const token = await t.app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${user.sessionToken}` } });
        const signIn = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          headers: { origin: 'http://localhost:3000' },
          payload: { email: user.email, password: user.password },
        });
        for (const [name, res] of Object.entries({ token, signIn })) {
          assert.equal(res.statusCode, 503, `${name}: ${res.statusCode} ${res.body}`);
          assert.equal(res.headers['retry-after'], '5');
          assert.equal(res.json().error.code, 'UNAVAILABLE');
        }
      } finally {
        await t.close();
      }
    });
  });

  describe(`a chat turn's changes and its stored record commit together (${driver})`, () => {
    test('when the record of a tool call cannot be stored, the change it records is rolled back and the turn is a 503', async () => {
      const t = await buildTestApp({ driver });
      try {
        const user = await t.signUp();
        // The database refuses assistant messages as an outage would, after the user message is stored.
        await failLikeAnOutage(t, "before insert on messages for each row when (new.role = 'assistant')");
        const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add buy oat milk' } });
        assert.equal(res.statusCode, 503, res.body);
        assert.equal(res.json().error.code, 'UNAVAILABLE');
        assert.deepEqual(await t.deps.tasks.list(user.id, { status: 'all' }), [], 'the task the turn added was rolled back with its record');
        const [conversation] = await t.deps.conversations.list(user.id);
        const messages = await t.deps.conversations.messages(user.id, conversation!.id);
        assert.deepEqual(messages.map((m) => m.role), ['user'], 'only the user message is stored');
      } finally {
        await t.close();
      }
    });

    test('a turn that changed tasks and then lost its final reply still shows the changes in its stored reply', async () => {
      const t = await buildTestApp({ driver });
      try {
        const user = await t.signUp();
        // Assistant messages can be inserted (the record written with the change) but not rewritten with the final text.
        await failLikeAnOutage(t, 'before update on messages for each row');
        const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add buy oat milk' } });
        assert.equal(res.statusCode, 503, res.body);
        const tasks = await t.deps.tasks.list(user.id, { status: 'all' });
        assert.deepEqual(tasks.map((task) => task.title), ['Buy oat milk']);
        const [conversation] = await t.deps.conversations.list(user.id);
        const messages = await t.deps.conversations.messages(user.id, conversation!.id);
        assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant']);
        assert.match(messages[1]!.content, /not saved/);
        assert.deepEqual(messages[1]!.tool_calls?.map((call) => [call.name, (call.result as { task_id?: number }).task_id]), [['add_task', tasks[0]!.id]]);
      } finally {
        await t.close();
      }
    });
  });
}

for (const driver of testDrivers) {
  describe(`journal rows commit and roll back with the change they record (${driver})`, () => {
    test('when the journal row cannot be written, the change is rolled back (REST and the chat turn); when the change cannot be made, no journal row is left', async () => {
      const t = await buildTestApp({ driver });
      try {
        const user = await t.signUp();
        const kept = (await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: { title: 'Keep' } })).json();
        await failLikeAnOutage(t, 'before insert on task_changes for each row');
        const add = await t.app.inject({ method: 'POST', url: `/api/${user.id}/tasks`, headers: user.headers, payload: { title: 'Never stored' } });
        assert.equal(add.statusCode, 503, add.body);
        const del = await t.app.inject({ method: 'DELETE', url: `/api/${user.id}/tasks/${kept.id}`, headers: user.headers });
        assert.equal(del.statusCode, 503, del.body);
        // In a chat turn the tool answers the model with the outage (its change rolled back to the savepoint).
        const chat = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add buy oat milk' } });
        assert.equal(chat.statusCode, 200, chat.body);
        assert.match(String(chat.json().tool_calls[0].result.error), /unavailable right now/);
        assert.equal(chat.json().change_group, undefined, 'the turn changed nothing');
        assert.deepEqual((await t.deps.tasks.list(user.id)).map((task) => task.title), ['Keep'], 'no change without its journal row');
        await t.deps.db.db.execute(sql.raw('drop trigger fail_like_an_outage on task_changes'));
        await failLikeAnOutage(t, 'before update on tasks for each row');
        const rename = await t.app.inject({ method: 'PUT', url: `/api/${user.id}/tasks/${kept.id}`, headers: user.headers, payload: { title: 'Renamed' } });
        assert.equal(rename.statusCode, 503, rename.body);
        assert.deepEqual((await t.deps.domain.activity(user.id, { limit: 10 })).map((e) => e.op), ['create'], 'no journal row without its change');
      } finally {
        await t.close();
      }
    });
  });
}

test("regression: an outage wrapped in the agents SDK's ToolCallError (kept as .error, not .cause) is recognised", () => {
  const dropped = Object.assign(new Error('Failed query: commit\nparams: '), { cause: Object.assign(new Error('server closed the connection'), { code: '57P01' }) });
  assert.equal(isDatabaseUnavailable(new ToolCallError(`Failed to run function tools: ${dropped.message}`, dropped)), true);
  assert.equal(isDatabaseUnavailable(new ToolCallError('Failed to run function tools: bad arguments', new Error('bad arguments'))), false);
});

for (const driver of testDrivers) {
  test(`a turn that fails for no reason the model gives while the database is down is a 503, not a 502 model error (${driver})`, async () => {
    const fake = await startFakeOpenAI();
    const t = await buildTestApp({
      driver,
      env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-fake-key-for-tests', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', MODEL_MAX_RETRIES: '0' },
    });
    try {
      const user = await t.signUp();
      // The database goes away while the model answers, and the answer names a tool that does not exist: the
      // SDK's error says nothing of the database, so only asking the database tells the two apart.
      fake.use(async () => {
        await t.deps.db.close();
        return { kind: 'tools', calls: [{ name: 'no_such_tool', arguments: '{}' }] };
      });
      const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message: 'add buy milk' } });
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.headers['retry-after'], '5');
    } finally {
      await t.close();
      await fake.close();
    }
  });
}

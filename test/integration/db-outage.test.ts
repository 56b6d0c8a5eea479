import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildTestApp } from '../helpers/test-app.js';

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
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body}`);
      assert.equal(typeof res.json().error.code, 'string');
    } finally {
      await t.close();
    }
  });
});

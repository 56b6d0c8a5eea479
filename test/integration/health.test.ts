import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testDrivers, type TestApp } from '../helpers/test-app.js';

for (const driver of testDrivers) {
  describe(`health (${driver})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp({ driver });
    });
    after(() => t.close());

    test('/health runs a real query and reports database, version and uptime', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.status, 'healthy');
      assert.equal(body.database.connected, true);
      assert.equal(typeof body.database.latency_ms, 'number');
      assert.match(body.database.version, driver === 'pglite' ? /^\d+/ : /^\d+\.\d+/);
      assert.equal(body.version, 'test');
      assert.equal(typeof body.uptime_seconds, 'number');
      assert.ok(!Number.isNaN(Date.parse(body.timestamp)));
    });

    test('/health/live and /health/ready answer 200; draining makes ready 503 and new API requests 503', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200);
      t.deps.lifecycle.draining = true;
      try {
        assert.equal((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 503);
        assert.equal((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200);
        const api = await t.app.inject({ method: 'GET', url: '/api/x/tasks' });
        assert.equal(api.statusCode, 503);
        assert.equal(api.json().error.code, 'UNAVAILABLE');
      } finally {
        t.deps.lifecycle.draining = false;
      }
    });
  });
}

describe('health when the database is unreachable', () => {
  test('/health is 503 unhealthy, /health/live stays 200, API requests are 503 not 500', async () => {
    const t = await buildTestApp();
    const user = await t.signUp();
    await t.deps.db.close();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().status, 'unhealthy');
      assert.equal(res.json().database.connected, false);
      assert.equal((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 503);
      const api = await t.app.inject({ method: 'GET', url: `/api/${user.id}/tasks`, headers: user.headers });
      assert.equal(api.statusCode, 503, api.body);
      assert.equal(api.json().error.code, 'UNAVAILABLE');
    } finally {
      await t.close();
    }
  });
});

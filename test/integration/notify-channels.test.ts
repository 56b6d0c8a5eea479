import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { notificationDeliveries } from '../../src/db/schema.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { resolveVapid } from '../../src/notify/vapid.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import {
  browserKeys,
  decryptPush,
  startRecordingServer,
  startSmtpServer,
  verifyVapid,
  type LocalSmtp,
  type RecordingServer,
} from '../helpers/outside-services.js';

interface WebhookBody {
  id: number;
  kind: string;
  title: string;
  text: string;
  task_id: number | null;
  due_at: string | null;
  late: boolean;
  url: string;
}

for (const driver of testDrivers) {
  describe(`notification channels: webhook, Web Push, e-mail (${driver})`, () => {
    let t: TestApp;
    let receiver: RecordingServer;
    let pushService: RecordingServer;
    let smtp: LocalSmtp;
    const metrics = createMetrics({ provider: 'local' });

    before(async () => {
      [receiver, pushService, smtp] = await Promise.all([startRecordingServer(), startRecordingServer(), startSmtpServer()]);
      t = await buildTestApp({ driver, env: { SMTP_URL: smtp.url, SMTP_FROM: 'Todo <todo@example.test>', NOTIFY_TIMEOUT_MS: '500' }, runtime: { metrics } });
    });
    after(async () => {
      await t.close();
      await Promise.all([receiver.close(), pushService.close(), smtp.close()]);
    });

    const api = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/${user.id}${url}`, headers: user.headers, ...(payload ? { payload } : {}) });
    /** One scheduler pass (reminders, then outside deliveries) at a fixed time. */
    const tickAt = async (iso: string) => {
      const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date(iso) });
      await scheduler.tick();
      await scheduler.stop();
    };
    const tasksDeliveries = (notificationId: number) => t.deps.db.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
    const notificationsOf = async (user: TestUser) => (await api(user, 'GET', '/notifications')).json() as { id: number; kind: string; task_id: number }[];
    const counter = async (channel: string, outcome: string) => {
      const line = (await metrics.render()).split('\n').find((l) => l.startsWith(`reminders_total{channel="${channel}",outcome="${outcome}"}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };

    test('the webhook gets a signed JSON body; a 500 is retried after the backoff and the 200 is recorded', async () => {
      const u = await t.signUp();
      const settings = (await api(u, 'PUT', '/settings', { timezone: 'Europe/Paris', webhook_url: `${receiver.url}/hook/${u.id}` })).json();
      assert.match(settings.webhook_secret, /^[A-Za-z0-9_-]{32}$/);
      receiver.script(`/hook/${u.id}`, [500]);
      const task = (await api(u, 'POST', '/tasks', { title: 'Call mom', due_at: '2031-10-01T17:00', reminders: [{ minutes_before: 0 }] })).json();
      await tickAt('2031-10-01T15:00:20Z');
      await tickAt('2031-10-01T15:01:30Z'); // past the first retry delay (1 min)

      const hits = receiver.requests.filter((r) => r.path === `/hook/${u.id}`);
      assert.equal(hits.length, 2, 'the 500, then the retry');
      for (const hit of hits) {
        const raw = hit.body.toString('utf8');
        const [, stamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hit.headers['x-todo-signature'])) ?? [];
        assert.ok(stamp && mac, `signature header: ${String(hit.headers['x-todo-signature'])}`);
        assert.equal(mac, createHmac('sha256', settings.webhook_secret).update(`${stamp}.${raw}`).digest('hex'), 'the HMAC of "<t>.<body>" with the webhook secret');
        assert.ok(Math.abs(Number(stamp) - Date.now() / 1000) < 300, 'a current timestamp (receivers refuse old ones: no replay)');
        assert.notEqual(mac, createHmac('sha256', 'another secret').update(`${stamp}.${raw}`).digest('hex'));
        assert.equal(hit.headers['content-type'], 'application/json');
        const body = JSON.parse(raw) as WebhookBody;
        assert.equal(body.kind, 'reminder');
        assert.equal(body.task_id, task.id);
        assert.equal(body.title, 'Call mom');
        assert.match(body.text, /^Reminder: Call mom \(due .*17:00\)$/, 'a Slack-compatible one-line `text`, in the user\'s zone');
        assert.equal(body.due_at, '2031-10-01T15:00:00.000Z');
      }
      const [notification] = await notificationsOf(u);
      const [delivery] = await tasksDeliveries(notification!.id);
      assert.deepEqual([delivery!.channel, delivery!.status, delivery!.attempts, delivery!.lastError], ['webhook', 'sent', 2, null]);
      assert.equal(await counter('webhook', 'retry'), 1);
      assert.ok((await counter('webhook', 'delivered')) >= 1);
    });

    test('a webhook answering 404 fails for good after one attempt; a 429 is retried', async () => {
      const u = await t.signUp();
      await api(u, 'PUT', '/settings', { webhook_url: `${receiver.url}/missing/${u.id}` });
      receiver.script(`/missing/${u.id}`, [404]);
      await api(u, 'POST', '/tasks', { title: 'Nowhere', due_at: '2031-10-02T09:00', reminders: [{ minutes_before: 0 }] });
      await tickAt('2031-10-02T09:00:10Z');
      await tickAt('2031-10-02T09:02:00Z');
      const [notification] = await notificationsOf(u);
      const [delivery] = await tasksDeliveries(notification!.id);
      assert.deepEqual([delivery!.status, delivery!.attempts, delivery!.lastError], ['failed', 1, 'the webhook answered HTTP 404']);
      assert.equal(receiver.requests.filter((r) => r.path === `/missing/${u.id}`).length, 1, 'not retried');

      const v = await t.signUp();
      await api(v, 'PUT', '/settings', { webhook_url: `${receiver.url}/busy/${v.id}` });
      receiver.script(`/busy/${v.id}`, [429]);
      await api(v, 'POST', '/tasks', { title: 'Busy', due_at: '2031-10-03T09:00', reminders: [{ minutes_before: 0 }] });
      await tickAt('2031-10-03T09:00:10Z');
      const [busy] = await notificationsOf(v);
      const [pending] = await tasksDeliveries(busy!.id);
      assert.deepEqual([pending!.status, pending!.attempts, pending!.nextAttemptAt.toISOString()], ['pending', 1, '2031-10-03T09:01:10.000Z']);
      await tickAt('2031-10-03T09:01:30Z');
      assert.equal((await tasksDeliveries(busy!.id))[0]!.status, 'sent');
    });

    test('a webhook that never answers times out (NOTIFY_TIMEOUT_MS) and is retried, without holding up the others', async () => {
      const slow = await t.signUp();
      const quick = await t.signUp();
      await api(slow, 'PUT', '/settings', { webhook_url: `${receiver.url}/slow/${slow.id}` });
      await api(quick, 'PUT', '/settings', { webhook_url: `${receiver.url}/quick/${quick.id}` });
      receiver.script(`/slow/${slow.id}`, [0]);
      await api(slow, 'POST', '/tasks', { title: 'Slow', due_at: '2031-10-04T09:00', reminders: [{ minutes_before: 0 }] });
      await api(quick, 'POST', '/tasks', { title: 'Quick', due_at: '2031-10-04T09:00', reminders: [{ minutes_before: 0 }] });
      await tickAt('2031-10-04T09:00:10Z');
      const [slowNotification] = await notificationsOf(slow);
      const [quickNotification] = await notificationsOf(quick);
      const [timedOut] = await tasksDeliveries(slowNotification!.id);
      assert.deepEqual([timedOut!.status, timedOut!.lastError], ['pending', 'the webhook did not answer in time']);
      assert.equal((await tasksDeliveries(quickNotification!.id))[0]!.status, 'sent');
      await tickAt('2031-10-04T09:01:20Z');
      assert.equal((await tasksDeliveries(slowNotification!.id))[0]!.status, 'sent', 'the retry went through');
    });

    test('Web Push: 201 delivers an encrypted, VAPID-signed message; 410 removes the subscription; 401 is recorded as a failure', async () => {
      const key = await t.app.inject({ method: 'GET', url: '/api/x/push-subscriptions/key' });
      const user = await t.signUp();
      const publicKey = (await api(user, 'GET', '/push-subscriptions/key')).json().public_key as string;
      assert.match(publicKey, /^[A-Za-z0-9_-]{87}$/);
      assert.equal(key.statusCode, 401, 'the key route is authenticated');

      const subscribe = async (path: string, status: number) => {
        const u = await t.signUp();
        const keys = browserKeys();
        pushService.script(path, [status]);
        const res = await api(u, 'POST', '/push-subscriptions', { endpoint: `${pushService.url}${path}`, keys: keys.json });
        assert.equal(res.statusCode, 201, res.body);
        await api(u, 'POST', '/tasks', { title: `Push ${status}`, due_at: '2031-11-01T08:00', reminders: [{ minutes_before: 0 }] });
        return { u, keys, path };
      };
      const delivered = await subscribe(`/push/ok-${user.id}`, 201);
      const gone = await subscribe(`/push/gone-${user.id}`, 410);
      const refused = await subscribe(`/push/unauthorized-${user.id}`, 401);
      await tickAt('2031-11-01T08:00:05Z');

      const [ok] = pushService.requests.filter((r) => r.path === delivered.path);
      assert.ok(ok, 'the push service got the message');
      assert.equal(ok.headers['content-encoding'], 'aes128gcm');
      assert.equal(ok.headers.ttl, '86400');
      const claims = await verifyVapid(ok.headers, new URL(pushService.url).origin, publicKey);
      assert.match(String(claims.sub), /^(mailto:|https:)/);
      const message = JSON.parse(decryptPush(ok.body, delivered.keys)) as WebhookBody;
      assert.equal(message.title, 'Push 201');
      assert.match(message.text, /^Reminder: Push 201/);
      const [okNotification] = await notificationsOf(delivered.u);
      assert.deepEqual((await tasksDeliveries(okNotification!.id)).map((d) => d.status), ['sent']);

      const [goneNotification] = await notificationsOf(gone.u);
      const [goneDelivery] = await tasksDeliveries(goneNotification!.id);
      assert.equal(goneDelivery!.status, 'failed');
      assert.match(String(goneDelivery!.lastError), /expired/);
      assert.deepEqual(await t.deps.domain.notifications.pushSubscriptionsOf(gone.u.id), [], 'the expired subscription is removed');

      const [refusedNotification] = await notificationsOf(refused.u);
      const [refusedDelivery] = await tasksDeliveries(refusedNotification!.id);
      assert.deepEqual([refusedDelivery!.status, refusedDelivery!.attempts, refusedDelivery!.lastError], ['failed', 1, 'the push service answered HTTP 401']);
      assert.equal((await t.deps.domain.notifications.pushSubscriptionsOf(refused.u.id)).length, 1, 'a refused signature keeps the subscription');
      assert.ok((await counter('push', 'delivered')) >= 1);
      assert.ok((await counter('push', 'failed')) >= 2);
    });

    test('a long daily digest is cut to fit a push message (push services refuse more than ~4 KB) and still delivered', async () => {
      const u = await t.signUp();
      const keys = browserKeys();
      const path = `/push/digest-${u.id}`;
      await api(u, 'POST', '/push-subscriptions', { endpoint: `${pushService.url}${path}`, keys: keys.json });
      await api(u, 'PUT', '/settings', { digest_time: '06:00' });
      for (let i = 0; i < 10; i++) await api(u, 'POST', '/tasks', { title: `${'é'.repeat(300)} ${i}`, due_at: '2032-03-01T18:00' });
      const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date('2032-03-01T06:00:30Z') });
      await scheduler.digestTick();
      await scheduler.tick();
      await scheduler.stop();
      const [hit] = pushService.requests.filter((r) => r.path === path);
      assert.ok(hit, 'the digest was pushed');
      assert.ok(hit.body.length < 4096, `${hit.body.length} bytes`);
      const message = JSON.parse(decryptPush(hit.body, keys)) as WebhookBody & { body: string };
      assert.equal(message.kind, 'digest');
      assert.ok(message.body.endsWith('…') && message.body.length === 600);
      const [notification] = await notificationsOf(u);
      assert.deepEqual((await tasksDeliveries(notification!.id)).map((d) => d.status), ['sent']);
    });

    test('e-mail goes to the account address with the reminder in the subject and both bodies; a refused address fails for good', async () => {
      const u = await t.signUp();
      await api(u, 'PUT', '/settings', { timezone: 'America/New_York', email_notifications: true });
      await api(u, 'POST', '/tasks', { title: 'Call the bank', due_at: '2031-12-01T10:30', reminders: [{ minutes_before: 30 }] });
      await tickAt('2031-12-01T15:00:05Z');
      const mail = smtp.mails.find((m) => m.to.includes(u.email));
      assert.ok(mail, `a mail to ${u.email}`);
      assert.deepEqual(mail.to, [u.email]);
      assert.equal(mail.from, 'todo@example.test');
      assert.match(mail.raw, /^Subject: Reminder: Call the bank\r?$/m);
      assert.match(mail.raw, /^To: user\d+-\d+-\d+@example\.com\r?$/m);
      assert.match(mail.raw, /Content-Type: text\/plain[\s\S]*Call the bank, due [^\n]*10:30\./, 'the due time in the user\'s zone (10:30 New York)');
      const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='); // quoted-printable soft breaks
      assert.match(unfolded, /Content-Type: text\/html[\s\S]*<p>Call the bank, due [^<]*10:30\.<\/p><p><a href="http:\/\/localhost:3000">/);
      assert.equal(await counter('email', 'delivered'), 1);

      const refused = await t.signUp({ email: `refused-${Date.now()}@example.com` });
      await api(refused, 'PUT', '/settings', { email_notifications: true });
      await api(refused, 'POST', '/tasks', { title: 'Bounce', due_at: '2031-12-02T10:00', reminders: [{ minutes_before: 0 }] });
      await tickAt('2031-12-02T10:00:05Z');
      const [notification] = await notificationsOf(refused);
      const [delivery] = await tasksDeliveries(notification!.id);
      assert.deepEqual([delivery!.status, delivery!.attempts, delivery!.lastError], ['failed', 1, 'the mail server answered 550']);
      assert.equal(t.logs.filter((line) => line.includes(refused.email)).length, 0, 'the address is not logged');
    });

    test('the daily digest reaches the webhook too, with its text', async () => {
      const u = await t.signUp();
      await api(u, 'PUT', '/settings', { timezone: 'Asia/Tokyo', digest_time: '07:30', webhook_url: `${receiver.url}/digest/${u.id}` });
      await api(u, 'POST', '/tasks', { title: 'Renew passport', due_at: '2032-01-05T15:00' });
      const scheduler = t.deps.startScheduler({ pollMs: 60_000, now: () => new Date('2032-01-04T22:31:00Z') }); // 07:31 on the 5th in Tokyo
      await scheduler.digestTick();
      await scheduler.tick();
      await scheduler.stop();
      const [hit] = receiver.requests.filter((r) => r.path === `/digest/${u.id}`);
      assert.ok(hit, 'the digest was posted');
      const body = JSON.parse(hit.body.toString('utf8')) as WebhookBody & { body: string };
      assert.equal(body.kind, 'digest');
      assert.match(body.body, /Due today: #1 Renew passport/);
      assert.match(body.text, /^Daily digest: Good morning!/);
    });

    test('deleting a task cancels its reminder, and restoring it brings the reminder back', async () => {
      const u = await t.signUp();
      const task = (await api(u, 'POST', '/tasks', { title: 'Deleted one', due_at: '2032-02-01T09:00', reminders: [{ minutes_before: 0 }] })).json();
      const deleted = await api(u, 'DELETE', `/tasks/${task.id}`);
      assert.ok(deleted.statusCode < 300, deleted.body);
      await tickAt('2032-02-01T09:00:10Z');
      assert.deepEqual(await notificationsOf(u), [], 'a deleted task does not remind');
      await api(u, 'POST', '/undo', { group_id: deleted.headers['x-change-group'] });
      await tickAt('2032-02-01T09:00:20Z');
      assert.deepEqual((await notificationsOf(u)).map((n) => n.task_id), [task.id], 'undo brought it back');
    });

    test('a reminder across the spring DST change fires at the local time the user set (Paris, 2031-03-30)', async () => {
      const u = await t.signUp();
      await api(u, 'PUT', '/settings', { timezone: 'Europe/Paris' });
      // The clocks go from 02:00 to 03:00 that night: 09:00 is 07:00 UTC after the change, 08:00 UTC before it.
      const task = (await api(u, 'POST', '/tasks', { title: 'Brunch', due_at: '2031-03-30T09:00', reminders: [{ minutes_before: 0 }, { at: '2031-03-29T09:00' }] })).json();
      assert.deepEqual(task.reminders, [{ minutes_before: 0 }, { at: '2031-03-29T09:00:00+01:00' }]);
      await tickAt('2031-03-29T07:59:00Z');
      assert.equal((await notificationsOf(u)).length, 0, 'not before 09:00 CET on the 29th');
      await tickAt('2031-03-29T08:00:10Z');
      assert.equal((await notificationsOf(u)).length, 1);
      await tickAt('2031-03-30T06:59:00Z');
      assert.equal((await notificationsOf(u)).length, 1, 'not at 08:59 CEST on the 30th');
      await tickAt('2031-03-30T07:00:10Z');
      assert.equal((await notificationsOf(u)).length, 2, 'at 09:00 CEST');
    });
  });
}

describe('Web Push configuration', () => {
  const keys = { VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}`, VAPID_PRIVATE_KEY: 'k'.repeat(43) };

  test('half a VAPID pair, a malformed key or subject, or a bad SMTP_URL stops the start with the fix', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ VAPID_PUBLIC_KEY: keys.VAPID_PUBLIC_KEY }, /^VAPID_PRIVATE_KEY is missing: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to a pair/],
      [{ VAPID_PRIVATE_KEY: keys.VAPID_PRIVATE_KEY }, /^VAPID_PUBLIC_KEY is missing/],
      [{ ...keys, VAPID_PUBLIC_KEY: 'short' }, /^VAPID_PUBLIC_KEY is invalid: must be the URL-safe base64 public key/],
      [{ ...keys, VAPID_SUBJECT: 'http://example.com' }, /^VAPID_SUBJECT is invalid: must be an https: URL or a mailto: address/],
      [{ SMTP_URL: 'mail.example.com:25' }, /^SMTP_URL is invalid: must be an smtp:\/\/ or smtps:\/\/ URL/],
    ];
    for (const [env, message] of cases) assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  });

  test('development keeps one generated key pair in DATA_DIR; production takes VAPID_* or turns Web Push off, never crashing', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-vapid-'));
    try {
      const first = resolveVapid(loadConfig({ DATA_DIR: dataDir }));
      const again = resolveVapid(loadConfig({ DATA_DIR: dataDir }));
      assert.ok(first.enabled && again.enabled && first.generated);
      assert.equal(again.details.publicKey, first.details.publicKey, 'the same keys after a restart: subscriptions keep working');
      assert.match(first.details.subject, /^mailto:/);

      const secret = { NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32), DATA_DIR: dataDir };
      const off = resolveVapid(loadConfig({ ...secret, PUBLIC_URL: 'https://todo.example.com' }));
      assert.ok(!off.enabled);
      assert.match(off.reason, /VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set/);
      const configured = resolveVapid(loadConfig({ ...secret, ...keys, PUBLIC_URL: 'https://todo.example.com' }));
      assert.deepEqual(configured, { enabled: true, generated: false, details: { publicKey: keys.VAPID_PUBLIC_KEY, privateKey: keys.VAPID_PRIVATE_KEY, subject: 'https://todo.example.com' } });
      const noSubject = resolveVapid(loadConfig({ ...secret, ...keys, PUBLIC_URL: 'http://10.0.0.5:3000' }));
      assert.ok(!noSubject.enabled);
      assert.match(noSubject.reason, /VAPID_SUBJECT is missing/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a production server without VAPID_* starts, warns, and says Web Push is not configured', async () => {
    const t = await buildTestApp({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://todo.example.com' } });
    try {
      assert.ok(t.logs.some((line) => line.includes('Web Push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set') && line.includes('"level":"warn"')));
      const u = await t.signUp();
      const key = await t.app.inject({ method: 'GET', url: `/api/${u.id}/push-subscriptions/key`, headers: u.headers });
      assert.equal(key.statusCode, 404);
      assert.equal(key.json().error.message, 'Web Push is not configured on this server');
      assert.deepEqual(t.deps.channels.map((c) => c.name), ['webhook']);
    } finally {
      await t.close();
    }
  });
});

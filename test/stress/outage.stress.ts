// Postgres restarted under load: the server (the real entry point, on a throwaway cluster of our own) must
// answer 503 with Retry-After while the database is gone, report it on /health, recover without a restart —
// so first of all stay alive — and lose nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chat, signUp, type ApiUser } from './support/api.js';
import { startFleet, type Fleet, type Instance } from './support/instances.js';
import { OutageLoad, verifyUser, type Sent } from './support/outage-load.js';
import { createScratchDatabase } from '../helpers/db.js';
import { startCluster, type Cluster } from './support/postgres.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll /health every 100 ms until stopped; the statuses in order. */
function pollHealth(url: string): { statuses: number[]; stop(): Promise<void> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      statuses.push(await fetch(`${url}/health`).then((r) => r.status, () => 0));
      await sleep(100);
    }
  })();
  return { statuses, stop: async () => ((running = false), await loop) };
}

/** Answers grouped by kind and status: a count and one example each. */
function describeSent(list: Sent[]): string {
  const groups = new Map<string, { count: number; phases: Map<string, number>; example: Sent }>();
  for (const s of list) {
    const key = `${s.kind} → ${s.status}`;
    const group = groups.get(key) ?? { count: 0, phases: new Map<string, number>(), example: s };
    group.count += 1;
    group.phases.set(s.phase, (group.phases.get(s.phase) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, g]) => `${g.count} × ${key} (sent while: ${[...g.phases].map(([p, n]) => `${p} ${n}`).join(', ')}; e.g. ${g.example.text.slice(0, 140)})`)
    .join('\n');
}

/** The server's logged errors (message and first stack lines), for failure messages. */
const loggedErrors = (instance: Instance) =>
  instance
    .errors()
    .slice(0, 3)
    .map((line) => line.replace(/\\n\s+at /g, ' ← ').slice(0, 700))
    .join('\n');

describe('Postgres restarted mid-load', () => {
  let cluster: Cluster;
  let fleet: Fleet;
  let server: Instance;

  before(async () => {
    cluster = await startCluster();
    const database = await createScratchDatabase(cluster.adminUrl, 'stress_outage');
    fleet = await startFleet(1, database.url);
    server = fleet.instances[0]!;
  });
  after(async () => {
    await fleet?.stop();
    cluster?.destroy();
  });

  for (const mode of ['fast', 'immediate'] as const) {
    const users: ApiUser[] = [];
    test(`a ${mode} stop: 503 + Retry-After during the outage, /health 503 then 200, recovery without restart, nothing lost`, { timeout: 120_000 }, async () => {
      assert.equal(server.exitCode(), null, `the server is not running (it died earlier):\n${server.stderr().slice(0, 1500)}`);
      for (let i = 0; i < 12; i++) users.push(await signUp(server.url, fleet.publicUrl, `outage-${mode}`));
      // One turn each first, so the outage meets steady traffic rather than a cold process.
      await Promise.all(users.map((user) => chat(server.url, user, 'list my tasks')));
      const load = new OutageLoad(server.url, fleet.publicUrl, users, `Outage ${mode}`);
      const health = pollHealth(server.url);
      load.start();
      try {
        await sleep(2000);
        load.phase = 'down';
        cluster.stop(mode);
        await sleep(3000);
        load.phase = 'restarting';
        cluster.start();
        const deadline = Date.now() + 30_000;
        while ((await fetch(`${server.url}/health`).then((r) => r.status, () => 0)) !== 200) {
          assert.equal(server.exitCode(), null, `the server process died during the outage:\n${server.stderr().slice(0, 1500)}`);
          assert.ok(Date.now() < deadline, `the app did not recover within 30 s of Postgres coming back:\n${cluster.log().slice(-2000)}`);
          await sleep(100);
        }
        load.phase = 'recovered';
        // Recovery means fresh work succeeds, not just /health: wait for every user to finish a few requests.
        const recoveredBy = Date.now() + 30_000;
        while (Math.min(...load.countIn('recovered')) < 4 && Date.now() < recoveredBy) await sleep(100);
      } finally {
        await load.stop();
        await health.stop();
      }

      // Every check below runs and reports, so one run shows every way the outage went wrong.
      const { sent } = load;
      const problems: string[] = [];
      const check = (ok: boolean, message: string) => ok || problems.push(message);
      const down = sent.filter((s) => s.phase === 'down');
      check(down.length >= 8, `the load kept sending during the outage (${down.length} requests)`);
      const unexpected = sent.filter((s) => ![200, 201, 503].includes(s.status));
      check(unexpected.length === 0, `${unexpected.length} answers were neither a success nor a 503 (a 500, a 401, a dropped connection):\n${describeSent(unexpected)}\nlogged:\n${loggedErrors(server)}`);
      const unavailable = sent.filter((s) => s.status === 503);
      check(unavailable.length > 0, 'the outage was visible as 503s');
      const badUnavailable = unavailable.filter((s) => !s.retryAfter || !/application\/json/.test(s.contentType ?? '') || !/"code":"UNAVAILABLE"/.test(s.text));
      check(badUnavailable.length === 0, `every 503 carries Retry-After and a JSON UNAVAILABLE error:\n${describeSent(badUnavailable)}`);

      const firstDown = health.statuses.indexOf(503);
      check(firstDown >= 0, `/health reported the outage (statuses: ${health.statuses.join(',')})`);
      check(firstDown >= 0 && health.statuses.slice(firstDown).includes(200) && health.statuses.at(-1) === 200, '/health returned to 200 after the outage');

      const recovered = sent.filter((s) => s.phase === 'recovered');
      check(Math.min(...load.countIn('recovered')) >= 4, `every user got answers after recovery (${load.countIn('recovered').join(', ')})`);
      const failedAfter = users.flatMap((_, i) => recovered.filter((s) => s.user === i).slice(-3)).filter((s) => s.status >= 300);
      check(failedAfter.length === 0, `the app recovered without a restart:\n${describeSent(failedAfter)}`);

      for (const [i, user] of users.entries()) problems.push(...(await verifyUser(server.url, user, sent.filter((s) => s.user === i))));
      assert.deepEqual(problems, [], 'a database restart: 503 + Retry-After while down, /health follows, recovery in place, no acknowledged write lost, no half-stored turn');
    });

    test(`a ${mode} stop: no session token, JWT or password reached the server's output while the database was down`, () => {
      const output = server.output();
      const leaked = users.flatMap((u) => [u.sessionToken, u.jwt, u.password]).filter((secret) => output.includes(secret));
      const where = leaked[0] ? output.split('\n').find((line) => line.includes(leaked[0]!))?.replace(leaked[0], '<secret>').slice(0, 400) : '';
      assert.equal(leaked.length, 0, `${leaked.length} secrets in the server's stdout/stderr, e.g.: ${where}`);
    });
  }
});

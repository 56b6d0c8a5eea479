// Stateless scale-out: two server processes on one Postgres database, started together (migrations
// serialise on an advisory lock), take turns answering one conversation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { freePort } from '../helpers/test-app.js';
import { createDatabase, signUpOver, skipWithoutPostgres, spawnServer, type HttpUser, type ServerProcess } from './support/processes.js';

const SECRET = 'two-instance-secret-two-instance-secret-01234';
const reply = z.object({ conversation_id: z.number().int(), response: z.string(), tool_calls: z.array(z.object({ name: z.string() })) });
const messages = z.array(z.object({ id: z.number().int(), role: z.enum(['user', 'assistant']), content: z.string() }));
const tasks = z.array(z.object({ id: z.number().int(), title: z.string(), completed: z.boolean() }));

describe('two instances on one Postgres database (spawned servers)', { skip: skipWithoutPostgres }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let servers: ServerProcess[] = [];
  let publicUrl: string;
  before(async () => {
    database = await createDatabase();
    const ports = [await freePort(), await freePort()];
    // One public URL for both, as behind a load balancer: it is the JWT issuer and the trusted origin.
    publicUrl = `http://127.0.0.1:${ports[0]}`;
    const env = { NODE_ENV: 'production', DATABASE_URL: database.url, BETTER_AUTH_SECRET: SECRET, PUBLIC_URL: publicUrl, MODEL_PROVIDER: 'local', DATABASE_POOL_SIZE: '5' };
    // Started at the same time on an empty database: both run migrations, one waits for the other's lock.
    servers = await Promise.all(ports.map((port) => spawnServer(env, port)));
  });
  after(async () => {
    const codes = await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    assert.deepEqual(codes, servers.map(() => 0));
  });

  test('both start on a fresh database; turns alternating between them keep one conversation whole, nothing lost or duplicated', async (t) => {
    const [a, b] = servers;
    assert.ok(a && b);
    const user: HttpUser = await signUpOver(a.url, publicUrl);
    const turns = ['add water the plants', 'add call the plumber', 'show my pending tasks', 'mark water the plants as done', 'add buy stamps', 'what have I completed?', 'show all my tasks', 'delete buy stamps'];
    let conversationId: number | undefined;
    const servedBy: string[] = [];
    for (const [i, message] of turns.entries()) {
      const server = i % 2 === 0 ? a : b;
      const res = await fetch(`${server.url}/api/${user.id}/chat`, {
        method: 'POST',
        headers: user.headers,
        body: JSON.stringify(conversationId ? { message, conversation_id: conversationId } : { message }),
      });
      assert.equal(res.status, 200, `turn ${i + 1} on instance ${i % 2 === 0 ? 'A' : 'B'}: ${await res.clone().text()}`);
      const body = reply.parse(await res.json());
      conversationId ??= body.conversation_id;
      assert.equal(body.conversation_id, conversationId, 'every turn continues the same conversation');
      servedBy.push(i % 2 === 0 ? 'A' : 'B');
    }

    for (const server of [a, b]) {
      const res = await fetch(`${server.url}/api/${user.id}/conversations/${conversationId}/messages`, { headers: user.headers });
      assert.equal(res.status, 200);
      const stored = messages.parse(await res.json());
      assert.deepEqual(stored.map((m) => m.role), turns.flatMap(() => ['user', 'assistant']), 'one reply per message, in order');
      assert.deepEqual(stored.filter((m) => m.role === 'user').map((m) => m.content), turns, 'every user message stored once, in order');
      assert.equal(new Set(stored.map((m) => m.id)).size, stored.length);
      assert.deepEqual(stored.map((m) => m.id), [...stored.map((m) => m.id)].sort((x, y) => x - y));
    }

    // The turns acted on the tasks as one conversation would: "water the plants" (added on A) was completed on B.
    const listed = tasks.parse(await (await fetch(`${b.url}/api/${user.id}/tasks`, { headers: user.headers })).json());
    const byTitle = new Map(listed.map((task) => [task.title.toLowerCase(), task]));
    assert.equal(listed.length, 2, JSON.stringify(listed));
    assert.equal(byTitle.get('water the plants')?.completed, true);
    assert.equal(byTitle.get('call the plumber')?.completed, false);
    assert.ok(!byTitle.has('buy stamps'), 'deleted on instance B after being added on A');
    t.diagnostic(`8 turns served by ${servedBy.join('')}; ${turns.length * 2} messages read back identically from both instances`);
  });
});

// Load: 50 users × 200 mixed chat turns at once, spread over two instances of the real server on one Postgres
// database (turn by turn, so every conversation hops between instances). Nothing may fail, nothing may be lost or
// doubled, and each user's tasks must end exactly as a model of what they asked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chat, chatReplySchema, listConversations, listMessages, listTasks, parseReply, send, signUp, type ApiUser } from './support/api.js';
import { prng, UserModel } from './support/chat-model.js';
import { startFleet } from './support/instances.js';
import { createScratchDatabase } from '../helpers/db.js';
import { requirePostgres } from './support/postgres.js';

const USERS = Number(process.env.STRESS_USERS ?? 50);
const TURNS = Number(process.env.STRESS_TURNS ?? 200);
const TURNS_PER_CONVERSATION = 50;
const SEED = Number(process.env.STRESS_SEED ?? 7);

/** One acknowledged turn: what was sent and what came back. */
interface Acked {
  conversationId: number;
  message: string;
  response: string;
  toolCalls: unknown;
}

interface Player {
  user: ApiUser;
  model: UserModel;
  acked: Acked[];
  statuses: number[];
  problems: string[];
}

describe('load: concurrent users on two instances', () => {
  test(`${USERS} users × ${TURNS} mixed turns: no 5xx, every turn stored once and in order, tasks match the model`, { timeout: 12 * 60_000 }, async () => {
    const database = await createScratchDatabase(requirePostgres(), 'stress_load');
    const fleet = await startFleet(2, database.url);
    let exitCodes: Array<number | null> = [];
    try {
      const [a, b] = fleet.instances;
      assert.ok(a && b);
      const urls = [a.url, b.url];
      const decoy = await signUp(a.url, fleet.publicUrl, 'decoy');
      for (const title of ['Decoy one', 'Decoy two', 'Decoy three']) {
        const created = await send(`${a.url}/api/${decoy.id}/tasks`, { method: 'POST', headers: { ...decoy.headers, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
        assert.equal(created.status, 201, created.text);
      }
      const decoyIds = (await listTasks(a.url, decoy)).map((t) => t.id);

      const players: Player[] = [];
      for (let i = 0; i < USERS; i++) {
        const user = await signUp(urls[i % 2]!, fleet.publicUrl, 'load');
        const random = prng(SEED * 1000 + i);
        // Other users' live task ids, so some acts name tasks this user does not own.
        const foreign = () => [...decoyIds, ...(players[(i + 1) % USERS]?.model.tasks.keys() ?? [])];
        players.push({ user, model: new UserModel(random, i + 1, foreign), acked: [], statuses: [], problems: [] });
      }

      let done = 0;
      const started = Date.now();
      await Promise.all(
        players.map(async (player, index) => {
          let conversationId: number | undefined;
          for (let turn = 0; turn < TURNS; turn++) {
            if (turn % TURNS_PER_CONVERSATION === 0) conversationId = undefined;
            const planned = player.model.plan();
            const reply = await chat(urls[(index + turn) % 2]!, player.user, planned.message, conversationId);
            player.statuses.push(reply.status);
            done += 1;
            if (done % 1000 === 0) console.log(`  ${done} turns in ${((Date.now() - started) / 1000).toFixed(0)} s`);
            if (reply.status !== 200) {
              player.problems.push(`turn ${turn} "${planned.message}": ${reply.status} ${reply.text.slice(0, 200)}`);
              continue;
            }
            const body = parseReply(reply, chatReplySchema);
            conversationId ??= body.conversation_id;
            if (body.conversation_id !== conversationId) player.problems.push(`turn ${turn}: sent to conversation ${conversationId}, answered for ${body.conversation_id}`);
            player.acked.push({ conversationId, message: planned.message, response: body.response, toolCalls: body.tool_calls });
            player.problems.push(...player.model.apply(planned, body).map((p) => `turn ${turn}: ${p}`));
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      console.log(`  ${done} turns in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(1)} turns/s over 2 instances)`);

      const statuses = players.flatMap((p) => p.statuses);
      assert.equal(statuses.length, USERS * TURNS);
      assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no response is a 5xx');
      assert.deepEqual(players.flatMap((p) => p.problems).slice(0, 20), [], 'every turn did what was asked');

      for (const [index, player] of players.entries()) {
        const url = urls[index % 2]!;
        const conversations = [...new Set(player.acked.map((t) => t.conversationId))];
        assert.deepEqual((await listConversations(url, player.user)).sort((x, y) => x - y), [...conversations].sort((x, y) => x - y), `user ${index}: exactly the conversations its turns created`);
        for (const id of conversations) {
          const stored = (await listMessages(url, player.user, id)).map((m) => ({ role: m.role, content: m.content, tool_calls: m.tool_calls ?? [] }));
          const expected = player.acked
            .filter((t) => t.conversationId === id)
            .flatMap((t) => [
              { role: 'user', content: t.message, tool_calls: [] },
              { role: 'assistant', content: t.response, tool_calls: t.toolCalls },
            ]);
          assert.deepEqual(stored, expected, `user ${index}, conversation ${id}: each acknowledged message and reply stored exactly once, in order`);
        }
        const tasks = (await listTasks(url, player.user)).map((t) => ({ id: t.id, title: t.title, completed: t.completed }));
        assert.deepEqual(tasks, player.model.snapshot(), `user ${index}: final tasks equal the model of what they asked`);
      }
      const decoyAfter = await listTasks(b.url, decoy);
      assert.deepEqual(decoyAfter.map((t) => [t.title, t.completed]), [['Decoy three', false], ['Decoy two', false], ['Decoy one', false]], "other users' acts never touched the decoy's tasks");
      assert.deepEqual([...a.errors(), ...b.errors()], [], 'no error was logged');
    } finally {
      exitCodes = await fleet.stop();
      await database.drop();
    }
    assert.deepEqual(exitCodes, [0, 0], 'both instances shut down cleanly');
  });
});

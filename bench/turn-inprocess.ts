// The CPU cost of one chat turn, in process: the real app (app.inject, no socket) on PGlite or Postgres, the
// built-in engine as the model, virtual users cycling add → complete by name → list → delete by id in one
// conversation each. Reports turn latency (median/p95) and CPU milliseconds per turn. A benchmark, not a test.
// Run: npx tsx bench/turn-inprocess.ts [--driver pglite|postgres] [--turns 400] [--users 8] [--concurrency 1]
// (postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test). Add `node --cpu-prof` to profile.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildTestApp, type TestApp, type TestUser } from '../test/helpers/test-app.js';
import { fmt, summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    driver: { type: 'string', default: 'pglite' },
    turns: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '80' },
    users: { type: 'string', default: '8' },
    concurrency: { type: 'string', default: '1' },
  },
});
const driver = z.enum(['pglite', 'postgres']).parse(values.driver);
const turns = Number(values.turns);
const warmup = Number(values.warmup);
const userCount = Number(values.users);
const concurrency = Math.min(Number(values.concurrency), userCount);

const replySchema = z.object({
  conversation_id: z.number(),
  response: z.string(),
  tool_calls: z.array(z.object({ name: z.string(), result: z.unknown() })),
});
const changeSchema = z.object({ task_id: z.number() });

/** One user's conversation: each call runs the next turn of the cycle and resolves with its wall time. */
function cyclingUser(t: TestApp, user: TestUser, tag: number): () => Promise<number> {
  let conversationId: number | undefined;
  let step = 0;
  let serial = 0;
  let taskId = 0;
  const turn = async (message: string, expect: RegExp): Promise<{ ms: number; body: z.infer<typeof replySchema> }> => {
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${user.id}/chat`,
      headers: user.headers,
      payload: conversationId ? { message, conversation_id: conversationId } : { message },
    });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`"${message}" → ${res.statusCode} ${res.body.slice(0, 200)}`);
    const body = replySchema.parse(res.json());
    if (!expect.test(body.response)) throw new Error(`"${message}" → unexpected reply ${JSON.stringify(body.response.slice(0, 160))}`);
    conversationId ??= body.conversation_id;
    return { ms, body };
  };
  return async () => {
    const kind = step++ % 4;
    if (kind === 0) {
      serial += 1;
      const { ms, body } = await turn(`add Pack box ${tag}x${serial}`, /^Added #\d+/);
      taskId = changeSchema.parse(body.tool_calls.at(-1)?.result).task_id;
      return ms;
    }
    if (kind === 1) return (await turn(`complete pack box ${tag}x${serial}`, /^Completed #\d+/)).ms;
    if (kind === 2) return (await turn('list my tasks', /^You have/)).ms;
    return (await turn(`delete task ${taskId}`, /^Deleted #\d+/)).ms;
  };
}

/** Run `count` turns, `concurrency` users at a time, round-robin over the users; returns each turn's ms. */
async function runTurns(users: Array<() => Promise<number>>, count: number): Promise<number[]> {
  const samples: number[] = [];
  let issued = 0;
  const lane = async (lane: number) => {
    for (let i = lane; issued < count; i += concurrency) {
      issued += 1;
      samples.push(await users[i % users.length]!());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => lane(i)));
  return samples;
}

const t = await buildTestApp({ driver, env: { LOG_LEVEL: 'warn' } });
try {
  const users: Array<() => Promise<number>> = [];
  for (let i = 0; i < userCount; i++) {
    const user = await t.signUp();
    // A few standing tasks, so list and complete-by-name have something to read past.
    for (const title of ['Water the plants', 'Call mum', 'Read a book']) {
      await t.deps.tasks.create(user.id, { title });
    }
    users.push(cyclingUser(t, user, i));
  }
  await runTurns(users, warmup);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const samples = await runTurns(users, turns);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const s = summarize(samples);
  const cpuPerTurn = (cpu.user + cpu.system) / 1000 / samples.length;
  console.log(
    `${driver} c=${concurrency}: ${s.n} turns, median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms, ` +
      `cpu ${fmt(cpuPerTurn)} ms/turn, ${fmt((samples.length / wallMs) * 1000)} turns/s`,
  );
} finally {
  await t.close();
}

// How "list my tasks" and complete-by-name turns grow from 10 to 10,000 tasks, in process through app.inject:
// `npx tsx bench/many-tasks.ts` (BENCH_DATABASE_URL=postgres://… adds Postgres, on a database of its own;
// BENCH_ROUNDS, BENCH_TASKS; BENCH_ANALYZE=1 gathers planner statistics after seeding, as autovacuum does on
// Postgres: PGlite has no autovacuum, so by default it plans without them). Each round runs every probe once,
// the small and the large user alike, so background load hits both sides the same.
import { sql } from 'drizzle-orm';
import { summarize, fmt } from './lib/stats.js';
import { buildTestApp, type Driver, type TestApp, type TestUser } from '../test/helpers/test-app.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 60);
const warmup = 5;
const largeCount = Number(process.env.BENCH_TASKS ?? 10_000);
const adminUrl = process.env.BENCH_DATABASE_URL;
const TARGET = 'Water the plants';
const OLDEST = 'Renew the passport';

/** `count` filler tasks with varied titles ("Fix garage 123"), between `oldest` (first) and TARGET (last, the newest). */
async function seed(t: TestApp, user: TestUser, count: number): Promise<void> {
  const verbs = ['Buy', 'Fix', 'Clean', 'Call', 'Email', 'Plan', 'Sort', 'Read', 'Pay', 'Book', 'Paint', 'Return'];
  const objects = ['lamp', 'fence', 'garage', 'report', 'car', 'letters', 'desk', 'trip', 'shelf', 'bills', 'tickets', 'invoice'];
  const db = t.deps.db.db;
  await db.execute(sql`insert into tasks (user_id, title) values (${user.id}, ${OLDEST})`);
  await db.execute(sql`
    insert into tasks (user_id, title, completed)
    select ${user.id}, (string_to_array(${verbs.join(',')}, ','))[1 + g % 12] || ' ' || (string_to_array(${objects.join(',')}, ','))[1 + (g / 12) % 12] || ' ' || g, g % 3 = 0
    from generate_series(1, ${count - 2}::int) g order by g`);
  await db.execute(sql`insert into tasks (user_id, title) values (${user.id}, ${TARGET})`);
}

async function turn(t: TestApp, user: TestUser, conversation: { id?: number }, message: string, expect: RegExp): Promise<{ ms: number; body: { response: string; conversation_id: number; tool_calls: { name: string; result: unknown }[] } }> {
  const started = performance.now();
  const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message, conversation_id: conversation.id } });
  const ms = performance.now() - started;
  const body = res.json();
  if (res.statusCode !== 200 || !expect.test(body.response)) throw new Error(`"${message}" → ${res.statusCode} ${res.body.slice(0, 300)}`);
  conversation.id ??= body.conversation_id;
  return { ms, body };
}

async function completeAndReset(t: TestApp, user: TestUser, conversation: { id?: number }, title: string): Promise<number> {
  const { ms, body } = await turn(t, user, conversation, `complete ${title.toLowerCase()}`, new RegExp(`^Completed #\\d+ ${title}`));
  const id = /^Completed #(\d+)/.exec(body.response)?.[1];
  const reset = await t.app.inject({ method: 'PATCH', url: `/api/${user.id}/tasks/${id}/complete`, headers: user.headers });
  if (reset.statusCode !== 200) throw new Error(`reset failed: ${reset.statusCode}`);
  return ms;
}

async function measure(driver: Driver): Promise<void> {
  if (driver === 'postgres') process.env.TEST_DATABASE_URL = adminUrl;
  const t = await buildTestApp({ driver, env: { LOG_LEVEL: 'warn' } });
  try {
    const small = await t.signUp();
    const large = await t.signUp();
    await seed(t, small, 10);
    await seed(t, large, largeCount);
    if (process.env.BENCH_ANALYZE === '1') await t.deps.db.db.execute(sql`analyze tasks`);
    const oldest = await turn(t, large, {}, `complete ${OLDEST.toLowerCase()}`, /.*/s);
    const listed = oldest.body.tool_calls.filter((c) => c.name === 'list_tasks').map((c) => (Array.isArray(c.result) ? c.result.length : '?'));
    console.log(`${driver}: "complete ${OLDEST.toLowerCase()}" (oldest of ${largeCount}) → ${JSON.stringify(oldest.body.response.slice(0, 90))}; list_tasks rows: ${listed.join(', ')}`);
    const oldestWorks = oldest.body.response.startsWith('Completed');
    if (oldestWorks) await t.app.inject({ method: 'PATCH', url: `/api/${large.id}/tasks/${/#(\d+)/.exec(oldest.body.response)?.[1]}/complete`, headers: large.headers });
    const kinds = ['list', 'list, new conversation', 'complete newest', ...(oldestWorks ? ['complete oldest'] : [])];
    const probes: Record<string, () => Promise<number>> = {};
    for (const [size, user] of [['10', small], [String(largeCount), large]] as const) {
      const lists = {};
      const completes = {};
      probes[`list ${size}`] = async () => (await turn(t, user, lists, 'list my tasks', /^You have /)).ms;
      probes[`list, new conversation ${size}`] = async () => (await turn(t, user, {}, 'list my tasks', /^You have /)).ms;
      probes[`complete newest ${size}`] = () => completeAndReset(t, user, completes, TARGET);
      if (oldestWorks) probes[`complete oldest ${size}`] = () => completeAndReset(t, user, completes, OLDEST);
    }
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
    for (let r = 0; r < rounds + warmup; r++) {
      for (const [name, probe] of Object.entries(probes)) {
        const ms = await probe();
        if (r >= warmup) samples[name]!.push(ms);
      }
    }
    const median = (name: string) => summarize(samples[name]!).median;
    for (const kind of kinds) {
      const a = median(`${kind} 10`);
      const b = median(`${kind} ${largeCount}`);
      console.log(`${driver}: ${kind.padEnd(24)} median ${fmt(a)} ms at 10, ${fmt(b)} ms at ${largeCount}: ×${(b / a).toFixed(2)} (n=${rounds})`);
    }
  } finally {
    await t.close();
  }
}

for (const driver of adminUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) await measure(driver);

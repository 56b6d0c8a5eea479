// Single requests that are not chat turns (/health, a REST create, an MCP tools/call), throughput of closed-loop
// users, and the memory soak.
import type { Row } from '../lib/results.js';
import { mixedUser } from '../lib/scenarios.js';
import type { DriverName, Target } from '../lib/target.js';
import { closedLoop, interleave, type LoopResult, type Probe } from '../lib/workload.js';

/** /health, POST /api/{id}/tasks and one MCP tools/call, interleaved across targets. */
export async function measureEndpoints(targets: Target[], rounds: number, warmup: number): Promise<Row[]> {
  const health: Record<string, Probe> = {};
  const rest: Record<string, Probe> = {};
  const mcp: Record<string, Probe> = {};
  for (const t of targets) {
    const user = t.users.add;
    let n = 0;
    health[t.name] = async () => {
      const res = await t.api.health();
      if (res.status !== 200) throw new Error(`/health ${res.status}`);
      return res.ms;
    };
    rest[t.name] = async () => {
      const res = await t.api.createTask(user, `Rest task ${(n += 1)}`);
      if (res.status !== 201) throw new Error(`create ${res.status} ${res.text.slice(0, 120)}`);
      return res.ms;
    };
    mcp[t.name] = async () => {
      const res = await t.api.mcpCall(user, 'add_task', { title: `Mcp task ${(n += 1)}` });
      if (res.status !== 200 || res.body?.result.isError) throw new Error(`mcp ${res.status} ${res.text.slice(0, 120)}`);
      return res.ms;
    };
  }
  console.log('  endpoints: /health, REST create, MCP tools/call');
  return [
    { label: 'GET /health (runs a real query)', cells: await interleave(health, rounds, warmup) },
    { label: 'POST /api/{id}/tasks (REST create)', cells: await interleave(rest, rounds, warmup) },
    { label: 'POST /mcp tools/call add_task (JWT verify + new MCP server per request)', cells: await interleave(mcp, rounds, warmup) },
  ];
}

/** Closed-loop throughput at each concurrency, alternating targets round by round. */
export async function measureThroughput(
  targets: Target[],
  levels: number[],
  rounds: number,
  durationMs: number,
): Promise<Array<{ driver: DriverName; users: number; rounds: LoopResult[] }>> {
  const out: Array<{ driver: DriverName; users: number; rounds: LoopResult[] }> = [];
  let tag = 100;
  for (const users of levels) {
    const byTarget = new Map(targets.map((t) => [t.name, [] as LoopResult[]]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const loopUsers = t.users.loop.slice(0, users).map((u) => mixedUser(t.api, u, (tag += 1)));
        const result = await closedLoop(loopUsers, durationMs, Math.min(1000, durationMs / 4));
        byTarget.get(t.name)?.push(result);
        console.log(`  throughput ${t.name} × ${users}: ${result.perSecond.toFixed(1)} turns/s, median ${result.latency.median.toFixed(1)} ms`);
      }
    }
    for (const t of targets) out.push({ driver: t.name, users, rounds: byTarget.get(t.name) ?? [] });
  }
  return out;
}

/** RSS samples of one server by total chat turns served. */
export type RssSamples = Array<{ turns: number; mb: number }>;

/**
 * Memory soak: the main target (8 users) runs mixed turns until it has served `totalTurns` chat turns in all
 * (earlier phases count); the others run one user alongside until it finishes. RSS is sampled every `every` turns.
 */
export async function soak(main: Target, others: Target[], totalTurns: number, every: number): Promise<Partial<Record<DriverName, RssSamples>>> {
  const out: Partial<Record<DriverName, RssSamples>> = {};
  let running = true;
  const run = async (t: Target, userCount: number, index: number) => {
    const samples: RssSamples = [{ turns: 0, mb: t.baselineRssMb }, { turns: t.api.turns, mb: t.server.rssMb() }];
    let nextSample = (Math.floor(t.api.turns / every) + 1) * every;
    let failures = 0;
    const users = t.users.loop.slice(0, userCount).map((u, i) => mixedUser(t.api, u, 9000 + index * 100 + i));
    const keepGoing = () => (t === main ? t.api.turns < totalTurns : running);
    await Promise.all(
      users.map(async (user) => {
        while (keepGoing()) {
          await user().catch(() => (failures += 1));
          if (t.api.turns >= nextSample) {
            samples.push({ turns: t.api.turns, mb: t.server.rssMb() });
            nextSample += every;
          }
        }
      }),
    );
    if (samples.at(-1)?.turns !== t.api.turns) samples.push({ turns: t.api.turns, mb: t.server.rssMb() });
    if (failures) console.warn(`  soak ${t.name}: ${failures} failed turns`);
    console.log(`  soak ${t.name}: RSS ${samples.map((x) => x.mb.toFixed(0)).join(' → ')} MB`);
    out[t.name] = samples;
  };
  await Promise.all([
    run(main, 8, 0).finally(() => (running = false)),
    ...others.map((t, i) => run(t, 1, i + 1)),
  ]);
  return out;
}

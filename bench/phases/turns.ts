// Chat turn latency per kind against its SQL floor, and how a turn's cost grows with history and task count.
// Every comparison is interleaved round by round across drivers and sizes.
import { touchedTaskId } from '../lib/client.js';
import type { Statement } from '../lib/capture.js';
import type { Measured, Row } from '../lib/results.js';
import { addProbe, completeProbe, Conversation, listProbe, rotatingListProbe } from '../lib/scenarios.js';
import { OLD_TARGET, type Target } from '../lib/target.js';
import { interleave, type Probe } from '../lib/workload.js';

/** The floor: replay a statement list, resolving with its wall time. */
export type FloorRunner = (statements: readonly Statement[]) => Promise<number>;

/** Rounds and warm-up rounds of one comparison. */
export interface Rounds {
  rounds: number;
  warmup: number;
}

function rowOf(label: string, results: Record<string, Measured>, prefix: string, id?: string): Row {
  const cells: Row['cells'] = {};
  for (const [name, summary] of Object.entries(results)) {
    if (name.startsWith(`${prefix}|`)) cells[name.slice(prefix.length + 1)] = summary;
  }
  return { id, label, cells };
}

/** The same results with one column renamed to another (to compare a third size against the large one). */
function renamed(results: Record<string, Measured>, from: string, to: string): Record<string, Measured> {
  return Object.fromEntries(Object.entries(results).filter(([k]) => !k.endsWith(` ${to}`)).map(([k, v]) => [k.endsWith(` ${from}`) ? k.replace(` ${from}`, ` ${to}`) : k, v]));
}

/** Turn latency of add, list and complete-by-name on every target, next to the Postgres floor of the same SQL. */
export async function measureTurnLatency(targets: Target[], floor: FloorRunner | undefined, captured: Record<string, Statement[]>, rounds: Rounds): Promise<Row[]> {
  const rows: Row[] = [];
  const labels: Record<string, string> = { add: 'add a task ("add Buy lamp N")', list: 'list 10 tasks ("list my tasks")', complete: 'complete by name among 10 ("complete water the plants")' };
  for (const kind of ['add', 'list', 'complete'] as const) {
    const variants: Record<string, Probe> = {};
    for (const target of targets) {
      const user = target.users[kind];
      const conversation = new Conversation(target.api, user);
      variants[`${kind}|${target.name}`] =
        kind === 'add' ? addProbe(conversation) : kind === 'list' ? listProbe(conversation) : completeProbe(target.api, conversation);
    }
    const statements = captured[kind];
    if (floor && statements) variants[`${kind}|floor`] = () => floor(statements);
    console.log(`  turn latency: ${kind}`);
    rows.push(rowOf(labels[kind]!, await interleave(variants, rounds.rounds, rounds.warmup), kind));
  }
  return rows;
}

/** A turn at few vs many prior messages, and list / complete-by-name at few vs many tasks. */
export async function measureGrowth(targets: Target[], sizes: { smallHistory: number; windowHistory: number; largeHistory: number; largeTasks: number }, rounds: Rounds): Promise<Row[]> {
  const history: Record<string, Probe> = {};
  const list: Record<string, Probe> = {};
  const complete: Record<string, Probe> = {};
  for (const t of targets) {
    history[`h|${t.name} small`] = rotatingListProbe(t.api, t.users.historySmall, t.historyConversations.small);
    history[`h|${t.name} mid`] = rotatingListProbe(t.api, t.users.historyWindow, t.historyConversations.window);
    history[`h|${t.name} large`] = rotatingListProbe(t.api, t.users.historyLarge, t.historyConversations.large);
    list[`l|${t.name} small`] = listProbe(new Conversation(t.api, t.users.tasksSmall));
    list[`l|${t.name} large`] = listProbe(new Conversation(t.api, t.users.tasksLarge));
    complete[`c|${t.name} small`] = completeProbe(t.api, new Conversation(t.api, t.users.tasksSmall));
    complete[`c|${t.name} large`] = completeProbe(t.api, new Conversation(t.api, t.users.tasksLarge));
  }
  console.log('  growth: history');
  const h = await interleave(history, rounds.rounds, rounds.warmup);
  console.log('  growth: task count (list)');
  const l = await interleave(list, rounds.rounds, rounds.warmup);
  console.log('  growth: task count (complete by name)');
  const c = await interleave(complete, rounds.rounds, rounds.warmup);
  return [
    rowOf(`"list my tasks" (5 tasks) at ${sizes.smallHistory} vs ${sizes.largeHistory} prior messages`, h, 'h', 'history'),
    rowOf(`the same at ${sizes.windowHistory} vs ${sizes.largeHistory} prior messages (history window full on both sides)`, renamed(h, 'mid', 'small'), 'h', 'history-window'),
    rowOf(`"list my tasks" at 10 vs ${sizes.largeTasks} tasks`, l, 'l', 'tasks-list'),
    rowOf(`"complete water the plants" (the newest task) at 10 vs ${sizes.largeTasks} tasks`, c, 'c', 'tasks-complete'),
  ];
}

/** Correctness probe: can a user with many tasks complete their oldest one by name? Returns a line for the report. */
export async function probeOldestByName(target: Target, taskCount: number): Promise<string> {
  const conversation = new Conversation(target.api, target.users.tasksLarge);
  const res = await conversation.turn(`complete ${OLD_TARGET.toLowerCase()}`, /.*/s);
  const completed = res.body.tool_calls.some((c) => c.name === 'complete_task');
  const listed = res.body.tool_calls.find((c) => c.name === 'list_tasks');
  const shown = JSON.stringify(listed?.result ?? '').match(/"id":/g)?.length ?? 0;
  if (completed) {
    const id = touchedTaskId({ ...res.body, tool_calls: res.body.tool_calls.filter((c) => c.name === 'complete_task') });
    if (id !== undefined) await target.api.toggleTask(target.users.tasksLarge, id);
  }
  return `${target.name}: "complete ${OLD_TARGET.toLowerCase()}" (the oldest of the user's ${taskCount} tasks) → ` +
    `${completed ? 'completed' : 'NOT completed'}; list_tasks returned ${shown} tasks; reply: ${JSON.stringify(res.body.response.slice(0, 120))}`;
}

// The agent SDK's own cost per run, with nothing else in it: a model that answers at once (one tool call, then a
// message), one function tool that returns at once, no session, tracing off, and a replayed history of N items
// like a chat turn's. What it measures is what `run()` spends around the model and the tool: the minimal
// reproduction for the upstream report in docs/upstream/agents-core-session-tracker.md. A benchmark, not a test.
// Run: npx tsx bench/sdk-overhead.ts [--runs 2000]
import { parseArgs } from 'node:util';
import { Agent, run, setTracingDisabled, tool, Usage, type AgentInputItem, type Model, type ModelRequest, type ModelResponse } from '@openai/agents-core';
import { z } from 'zod';
import { fmt, summarize } from './lib/stats.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
setTracingDisabled(true);

/** Calls the tool when the last input item is not its result, else replies: a turn's two model steps. */
class InstantModel implements Model {
  private serial = 0;
  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const input = typeof request.input === 'string' ? [] : request.input;
    const last = input.at(-1);
    const id = ++this.serial;
    if (last && 'type' in last && last.type === 'function_call_result') {
      return { usage: new Usage(), output: [{ type: 'message', id: `msg_${id}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Done.' }] }] };
    }
    return { usage: new Usage(), output: [{ type: 'function_call', id: `fc_${id}`, callId: `call_${id}`, name: 'add_task', arguments: '{"title":"Buy milk"}', status: 'completed' }] };
  }
  // eslint-disable-next-line require-yield -- never streamed here
  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not streamed');
  }
}

const addTask = tool({
  name: 'add_task',
  description: 'Add a task',
  parameters: z.object({ title: z.string() }),
  execute: async ({ title }) => JSON.stringify({ task_id: 1, status: 'created', title }),
});

/** A chat history like the app replays: per exchange a user message, a tool call, its result and the reply. */
function history(exchanges: number): AgentInputItem[] {
  return Array.from({ length: exchanges }, (_, i): AgentInputItem[] => [
    { role: 'user', content: `add task number ${i}` },
    { type: 'function_call', callId: `call_h${i}`, name: 'add_task', arguments: JSON.stringify({ title: `task number ${i}` }), status: 'completed' },
    { type: 'function_call_result', callId: `call_h${i}`, name: 'add_task', status: 'completed', output: { type: 'text', text: JSON.stringify({ task_id: i, status: 'created', title: `task number ${i}` }) } },
    { role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: `Added #${i} task number ${i}.` }] },
  ]).flat();
}

const agent = new Agent({ name: 'bench', instructions: 'Manage tasks.', model: new InstantModel(), tools: [addTask] });
console.log(`@openai/agents-core run(): one tool call + one reply per run, no session, tracing off; ${runs} runs per row`);
for (const exchanges of [0, 5, 10, 20]) {
  const input = [...history(exchanges), { role: 'user' as const, content: 'add buy milk' }];
  for (let i = 0; i < 200; i++) await run(agent, input);
  const timings: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(agent, input);
    timings.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  const s = summarize(timings);
  console.log(`  ${String(input.length).padStart(3)} input items: median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms, cpu ${fmt((used.user + used.system) / 1000 / runs)} ms/run`);
}

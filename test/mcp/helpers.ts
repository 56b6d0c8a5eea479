import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** Every tool the server offers, sorted: the contract's five, then undo, list_activity and preview_bulk_change. */
export const TOOL_NAMES = ['add_task', 'complete_task', 'delete_task', 'list_activity', 'list_tasks', 'preview_bulk_change', 'undo', 'update_task'];

/** Call a tool and return its result, typed (the SDK's union return also covers a legacy shape). */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
}

/** The text of a result's single text content. */
export function textOf(result: CallToolResult): string {
  const [first] = result.content;
  assert.ok(first && first.type === 'text', `expected one text content, got ${JSON.stringify(result.content)}`);
  return first.text;
}

const details = {
  due_at: z.string().nullable(),
  priority: z.enum(['high', 'medium', 'low']).nullable(),
  tags: z.array(z.string()),
  repeat: z.string().nullable(),
  reminders: z.array(z.union([z.strictObject({ at: z.string() }), z.strictObject({ minutes_before: z.number() })])),
};
const fullChangeSchema = z.strictObject({
  task_id: z.number().int().positive(),
  status: z.string(),
  title: z.string(),
  ...details,
  next_task_id: z.number().int().positive().optional(),
  next_due_at: z.string().nullable().optional(),
});
const listSchema = z.strictObject({
  tasks: z.array(
    z.strictObject({ id: z.number().int(), title: z.string(), description: z.string().nullable(), completed: z.boolean(), ...details, overdue: z.boolean() }),
  ),
});


/** Assert a successful change result whose text is the same JSON as its structured content; returns its `{task_id, status, title}`. */
export function expectChange(result: CallToolResult, status: string): { task_id: number; status: string; title: string } {
  assert.notEqual(result.isError, true, `tool failed: ${JSON.stringify(result.content)}`);
  const full = fullChangeSchema.parse(result.structuredContent);
  assert.equal(full.status, status);
  assert.deepEqual(JSON.parse(textOf(result)), full, 'text content and structured content agree');
  return { task_id: full.task_id, status: full.status, title: full.title };
}

/** Assert a successful list_tasks result: text is the bare array, structured content wraps it as {tasks}. */
export function expectList(result: CallToolResult): z.infer<typeof listSchema>['tasks'] {
  assert.notEqual(result.isError, true, `tool failed: ${JSON.stringify(result.content)}`);
  const structured = listSchema.parse(result.structuredContent);
  // The contract's shape is the bare array in the text; structured content wraps it as {tasks}.
  assert.equal(textOf(result), JSON.stringify(structured.tasks));
  return structured.tasks;
}

/** Assert a tool error (isError, plain-text message) and return the message. */
export function expectToolError(result: CallToolResult, message?: RegExp): string {
  assert.equal(result.isError, true, `expected a tool error, got ${JSON.stringify(result)}`);
  const text = textOf(result);
  if (message) assert.match(text, message);
  return text;
}

/**
 * Call with junk and accept only a clean refusal: a tool error, or a JSON-RPC error from the SDK.
 * Returns a description of what happened, for the assertion message.
 */
export async function expectRefused(client: Client, name: string, args: unknown): Promise<string> {
  let result: CallToolResult;
  try {
    result = await client.request(
      // Deliberately ill-typed: this is what a broken or hostile client puts on the wire.
      { method: 'tools/call', params: { name, arguments: args as Record<string, unknown> } },
      CallToolResultSchema,
    );
  } catch (error) {
    assert.ok(error instanceof McpError, `${name}(${preview(args)}) failed with a non-MCP error: ${String(error)}`);
    return `JSON-RPC ${error.code}: ${error.message}`;
  }
  assert.equal(result.isError, true, `${name}(${preview(args)}) was accepted: ${JSON.stringify(result).slice(0, 300)}`);
  return textOf(result);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch (error) {
    // The deeply nested fuzz case is too deep to print; say so instead.
    text = `[unprintable: ${String(error)}]`;
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Arguments no tool may accept: wrong types, huge strings, bad ids, extra fields, nulls, nested objects. */
export function fuzzCases(taskId: number): Array<[tool: string, args: unknown]> {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 2000; i++) {
    const next: Record<string, unknown> = {};
    cursor.a = next;
    cursor = next;
  }
  const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
  const junkValues: unknown[] = [null, 42, -1, 1.5, true, '', 'x'.repeat(100_000), [], ['a'], {}, { $ne: null }, deep];
  const cases: Array<[string, unknown]> = [];
  for (const value of junkValues) {
    cases.push(['add_task', { title: value }]);
    cases.push(['complete_task', { task_id: value }]);
    cases.push(['delete_task', { task_id: value }]);
    cases.push(['update_task', { task_id: taskId, title: value }]);
    cases.push(['list_tasks', { status: value }]);
  }
  for (const id of [0, -1, -2_147_483_648, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e300, 0.5, '1', `${taskId}`, `${taskId} OR 1=1`]) {
    cases.push(['complete_task', { task_id: id }], ['delete_task', { task_id: id }], ['update_task', { task_id: id, title: 'x' }]);
  }
  cases.push(
    ['add_task', {}],
    ['add_task', { title: 'ok', description: 'd'.repeat(5001) }],
    ['add_task', { title: 'x'.repeat(501) }],
    ['add_task', { title: 'ok', extra: 1 }],
    ['add_task', { title: 'ok', completed: true }],
    ['add_task', { title: 'ok', description: { nested: { deeper: [1, 2, 3] } } }],
    ['add_task', { title: 'ok', ...wide }],
    ['add_task', { title: 'ok', user_id: null }],
    ['add_task', { title: 'ok', user_id: 12 }],
    ['add_task', { title: 'ok', user_id: '' }],
    ['update_task', { task_id: taskId }],
    ['update_task', { task_id: taskId, title: '   ' }],
    // update_task takes completed (to reopen) since the trust issue; anything but a boolean is still refused.
    ['update_task', { task_id: taskId, completed: 'yes' }],
    ['complete_task', {}],
    ['complete_task', { task_id: taskId, toggle: true }],
    ['list_tasks', { status: 'done' }],
    ['list_tasks', { limit: 0 }],
    ['list_tasks', { offset: 1 }],
    ['no_such_tool', {}],
    ['add_task', null],
    ['add_task', 'title'],
    ['add_task', [1, 2]],
  );
  return cases;
}

/** An MCP client over Streamable HTTP with a Bearer token sent in a header. */
export async function connectHttpClient(mcpUrl: string, jwt: string, headers: Record<string, string> = {}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${jwt}`, ...headers } },
  });
  const client = new Client({ name: 'mcp-http-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

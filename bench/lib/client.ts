// A small HTTP client for the benchmark: real requests over loopback with Node's fetch (keep-alive),
// each timed from the first byte sent to the last byte of the body read.
import { z } from 'zod';

/** A signed-up user and the headers that call the API as them. */
export interface BenchUser {
  id: string;
  email: string;
  jwt: string;
  headers: { authorization: string };
}

/** One timed response. */
export interface Timed<T> {
  status: number;
  ms: number;
  body: T | undefined;
  text: string;
}

const signUpSchema = z.object({ user: z.object({ id: z.string() }) });
const tokenSchema = z.object({ token: z.string() });
const toolCallSchema = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()), result: z.unknown() });
/** The chat API's reply body. */
export const chatReplySchema = z.object({ conversation_id: z.number(), response: z.string(), tool_calls: z.array(toolCallSchema) });
export type ChatBody = z.infer<typeof chatReplySchema>;
const taskSchema = z.object({ id: z.number(), title: z.string(), completed: z.boolean() });
export type TaskBody = z.infer<typeof taskSchema>;
const mcpCallSchema = z.object({ result: z.object({ isError: z.boolean().optional() }) });
type McpCallBody = z.infer<typeof mcpCallSchema>;

let userCounter = 0;

/** Requests against one server. */
export class ApiClient {
  /** Chat turns sent through this client (the server's turn count for the memory figures). */
  turns = 0;

  constructor(readonly baseUrl: string) {}

  /** A timed request; the body is parsed with `schema` when the status is 2xx. */
  async request<T>(path: string, init: RequestInit, schema?: z.ZodType<T>): Promise<Timed<T>> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    const ms = performance.now() - started;
    let body: T | undefined;
    if (schema && res.ok) {
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${path}: unexpected body ${text.slice(0, 200)}`);
      body = parsed.data;
    }
    return { status: res.status, ms, body, text };
  }

  /** Sign up a fresh user and mint their JWT. */
  async signUp(label: string): Promise<BenchUser> {
    userCounter += 1;
    const email = `bench-${label}-${userCounter}-${process.pid}@example.com`;
    const res = await fetch(`${this.baseUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl },
      body: JSON.stringify({ name: `Bench ${label}`, email, password: 'bench password 0123' }),
    });
    if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    const { user } = signUpSchema.parse(await res.json());
    const session = res.headers.get('set-auth-token') ?? '';
    const tokenRes = await fetch(`${this.baseUrl}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } });
    if (tokenRes.status !== 200) throw new Error(`token failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const { token } = tokenSchema.parse(await tokenRes.json());
    return { id: user.id, email, jwt: token, headers: { authorization: `Bearer ${token}` } };
  }

  /** One chat turn (JSON, not streamed). */
  chat(user: BenchUser, message: string, conversationId?: number): Promise<Timed<ChatBody>> {
    this.turns += 1;
    const payload = conversationId ? { message, conversation_id: conversationId } : { message };
    return this.request(`/api/${user.id}/chat`, { method: 'POST', headers: { ...user.headers, 'content-type': 'application/json' }, body: JSON.stringify(payload) }, chatReplySchema);
  }

  /** REST: create a task. */
  createTask(user: BenchUser, title: string): Promise<Timed<TaskBody>> {
    return this.request(`/api/${user.id}/tasks`, { method: 'POST', headers: { ...user.headers, 'content-type': 'application/json' }, body: JSON.stringify({ title }) }, taskSchema);
  }

  /** REST: toggle a task's completion. */
  toggleTask(user: BenchUser, id: number): Promise<Timed<TaskBody>> {
    return this.request(`/api/${user.id}/tasks/${id}/complete`, { method: 'PATCH', headers: user.headers }, taskSchema);
  }

  /** REST: the user's tasks. */
  listTasks(user: BenchUser): Promise<Timed<TaskBody[]>> {
    return this.request(`/api/${user.id}/tasks?limit=1000`, { headers: user.headers }, z.array(taskSchema));
  }

  /** GET /health. */
  health(): Promise<Timed<unknown>> {
    return this.request('/health', {}, z.unknown());
  }

  /** One MCP tools/call over Streamable HTTP (stateless: no initialize round trip needed). */
  mcpCall(user: BenchUser, name: string, args: Record<string, unknown>): Promise<Timed<McpCallBody>> {
    return this.request(
      '/mcp',
      {
        method: 'POST',
        headers: { ...user.headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
      },
      mcpCallSchema,
    );
  }
}

/** The task id a chat turn's first tool call created or touched, if any. */
export function touchedTaskId(body: ChatBody | undefined): number | undefined {
  for (const call of body?.tool_calls ?? []) {
    const parsed = z.object({ task_id: z.number() }).safeParse(call.result);
    if (parsed.success) return parsed.data.task_id;
  }
  return undefined;
}

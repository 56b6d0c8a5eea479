// A typed HTTP client for the stress tests: real requests with fetch, bodies checked with zod.
import { z } from 'zod';

/** A user signed up over HTTP. */
export interface ApiUser {
  id: string;
  email: string;
  password: string;
  sessionToken: string;
  jwt: string;
  headers: { authorization: string };
}

const toolCallSchema = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()), result: z.unknown() });
/** A stored or returned tool call. */
export type ToolCall = z.infer<typeof toolCallSchema>;
/** The chat reply. */
export const chatReplySchema = z.object({ conversation_id: z.number().int(), response: z.string(), tool_calls: z.array(toolCallSchema) });
export type ChatReply = z.infer<typeof chatReplySchema>;
/** A task as REST returns it. */
export const taskSchema = z.object({ id: z.number().int(), title: z.string(), description: z.string().nullable(), completed: z.boolean() });
export type RestTask = z.infer<typeof taskSchema>;
/** A stored message. */
export const messageSchema = z.object({ id: z.number(), role: z.enum(['user', 'assistant']), content: z.string(), tool_calls: z.array(toolCallSchema).optional() });
export type StoredMessage = z.infer<typeof messageSchema>;
/** An error body as the contract defines it. */
export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A response with its status, headers and raw text. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Send a request and read the whole body. */
export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Parse a reply body with a schema, failing with the body in the message. */
export function parseReply<T>(reply: Reply, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(reply.text));
  if (!parsed.success) throw new Error(`unexpected body (${reply.status}): ${reply.text.slice(0, 300)}`);
  return parsed.data;
}

let counter = 0;

/** Sign up a fresh user at `baseUrl` (Origin must be the server's public URL) and mint a JWT. */
export async function signUp(baseUrl: string, publicUrl: string, label = 'stress'): Promise<ApiUser> {
  counter += 1;
  const email = `${label}-${counter}-${process.pid}-${Date.now()}@example.com`;
  const password = `stress password ${counter} ${process.pid}`;
  const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: publicUrl },
    body: JSON.stringify({ name: `${label} ${counter}`, email, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${text}`);
  const id = z.object({ user: z.object({ id: z.string() }) }).parse(JSON.parse(text)).user.id;
  const sessionToken = res.headers.get('set-auth-token') ?? '';
  const token = await send(`${baseUrl}/api/auth/token`, { headers: { authorization: `Bearer ${sessionToken}` } });
  const jwt = parseReply(token, z.object({ token: z.string() })).token;
  return { id, email, password, sessionToken, jwt, headers: { authorization: `Bearer ${jwt}` } };
}

/** POST a chat message as `user` (JSON reply). */
export function chat(baseUrl: string, user: ApiUser, message: string, conversationId?: number, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`${baseUrl}/api/${user.id}/chat`, {
    method: 'POST',
    headers: { ...user.headers, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(conversationId ? { message, conversation_id: conversationId } : { message }),
  });
}

/** All of a user's tasks (REST, up to 1000), newest first. */
export async function listTasks(baseUrl: string, user: ApiUser): Promise<RestTask[]> {
  const reply = await send(`${baseUrl}/api/${user.id}/tasks?limit=1000`, { headers: user.headers });
  if (reply.status !== 200) throw new Error(`list tasks: ${reply.status} ${reply.text}`);
  return parseReply(reply, z.array(taskSchema));
}

/** The ids of a user's conversations. */
export async function listConversations(baseUrl: string, user: ApiUser): Promise<number[]> {
  const reply = await send(`${baseUrl}/api/${user.id}/conversations`, { headers: user.headers });
  if (reply.status !== 200) throw new Error(`list conversations: ${reply.status} ${reply.text}`);
  return parseReply(reply, z.array(z.object({ id: z.number() }))).map((c) => c.id);
}

/** Every message of a conversation, oldest first. */
export async function listMessages(baseUrl: string, user: ApiUser, conversationId: number): Promise<StoredMessage[]> {
  const reply = await send(`${baseUrl}/api/${user.id}/conversations/${conversationId}/messages`, { headers: user.headers });
  if (reply.status !== 200) throw new Error(`messages: ${reply.status} ${reply.text}`);
  return parseReply(reply, z.array(messageSchema));
}

/** The task id in a tool call's result, if it has one. */
export function resultTaskId(call: ToolCall | undefined): number | undefined {
  const parsed = z.object({ task_id: z.number() }).safeParse(call?.result);
  return parsed.success ? parsed.data.task_id : undefined;
}

const listedSchema = z.array(z.object({ id: z.number(), title: z.string(), completed: z.boolean() }));

/** The tasks a list_tasks call returned (stored as the array, or as the tool's `{tasks}` object). */
export function listedTasks(call: ToolCall | undefined): Array<{ id: number; title: string; completed: boolean }> | undefined {
  const parsed = z.union([listedSchema, z.object({ tasks: listedSchema }).transform((v) => v.tasks)]).safeParse(call?.result);
  return parsed.success ? parsed.data : undefined;
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  CheckFailed,
  chatReplySchema,
  errorSchema,
  expect,
  expectStatus,
  healthSchema,
  messageSchema,
  read,
  taskSchema,
  type SmokeClient,
} from './client.js';
import { signIn, signUp, type SmokeUser } from './session.js';

/** Limits the timed checks compare against. */
export interface SmokeLimits {
  maxChatMs: number;
  maxDbLatencyMs: number;
}

/** State shared by the checks of one run, in order: who signed up, what was created, how long chats took. */
export interface SmokeContext {
  client: SmokeClient;
  limits: SmokeLimits;
  /** Unique to this run: the task title carries it so the checks find their own task. */
  nonce: string;
  /** Every user created, for cleanup (the first is the main user, the second the "other" user). */
  users: SmokeUser[];
  owner?: SmokeUser;
  other?: SmokeUser;
  conversationId?: number;
  taskId?: number;
  /** The user messages sent, in order. */
  sent: string[];
  chatMs: number[];
}

/** One smoke check: a title for the table and a run that returns a detail or throws CheckFailed. */
export interface SmokeCheck {
  title: string;
  run(ctx: SmokeContext): Promise<string>;
}

/** A fresh context for one run against a deployment. */
export function newContext(client: SmokeClient, limits: SmokeLimits): SmokeContext {
  return { client, limits, nonce: randomBytes(4).toString('hex'), users: [], sent: [], chatMs: [] };
}

const password = () => `smoke-${randomBytes(12).toString('hex')}`;
const emailFor = (ctx: SmokeContext, who: string) => `smoke-${ctx.nonce}-${who}@example.com`;
const taskTitle = (ctx: SmokeContext) => `Smoke check ${ctx.nonce}`;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new CheckFailed(`not run: ${what}`);
  return value;
}

async function chat(ctx: SmokeContext, user: SmokeUser, message: string) {
  const res = await ctx.client.request('POST', `/api/${user.id}/chat`, {
    token: user.jwt,
    json: ctx.conversationId ? { message, conversation_id: ctx.conversationId } : { message },
  });
  expectStatus(res, 200, `chat "${message}"`);
  ctx.chatMs.push(res.ms);
  ctx.sent.push(message);
  const reply = read(chatReplySchema, res, 'chat');
  ctx.conversationId = reply.conversation_id;
  return reply;
}

async function otherUser(ctx: SmokeContext): Promise<SmokeUser> {
  if (!ctx.other) {
    ctx.other = await signUp(ctx.client, emailFor(ctx, 'other'), password());
    ctx.users.push(ctx.other);
  }
  return ctx.other;
}

function expectError(res: { status: number; body: unknown; text: string }, status: number, code: string, what: string): string {
  expect(res.status === status, `${what}: expected ${status} ${code}, got ${res.status} ${res.text.slice(0, 120)}`);
  const parsed = errorSchema.safeParse(res.body);
  expect(parsed.success && parsed.data.error.code === code, `${what}: expected {error: {code: "${code}"}}, got ${res.text.slice(0, 120)}`);
  return parsed.data.error.message;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The seed's twelve smoke checks, in the order they run (titles show the limits in force). */
export function smokeChecks(limits: SmokeLimits): readonly SmokeCheck[] {
  return [
    {
      title: 'frontend served',
      async run(ctx) {
        const res = await ctx.client.request('GET', '/', { headers: { accept: 'text/html' } });
        expectStatus(res, 200, 'GET /');
        expect(/text\/html/.test(res.headers.get('content-type') ?? ''), `GET /: content-type ${res.headers.get('content-type')}, expected text/html`);
        expect(/<div id="root"/.test(res.text) && /<script/.test(res.text), 'GET /: the page has no app root or script');
        return `GET / → 200 text/html, ${res.text.length} bytes`;
      },
    },
    {
      title: '/health answers 200',
      async run(ctx) {
        const res = await ctx.client.request('GET', '/health');
        expectStatus(res, 200, 'GET /health');
        const health = read(healthSchema, res, 'GET /health');
        expect(health.database.connected, 'GET /health: database not connected');
        return `status ${health.status}, version ${health.version}`;
      },
    },
    {
      title: 'sign up',
      async run(ctx) {
        ctx.owner = await signUp(ctx.client, emailFor(ctx, 'owner'), password());
        ctx.users.push(ctx.owner);
        return `${ctx.owner.email}, session and JWT issued`;
      },
    },
    {
      title: 'create a task via chat',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        const reply = await chat(ctx, owner, `Add a task: ${taskTitle(ctx)}`);
        const added = reply.tool_calls.find((call) => call.name === 'add_task');
        expect(added, `no add_task call; the reply was "${reply.response.slice(0, 100)}"`);
        const result = z.object({ task_id: z.number().int() }).safeParse(added.result);
        expect(result.success, `add_task failed: ${JSON.stringify(added.result).slice(0, 120)}`);
        ctx.taskId = result.data.task_id;
        return `add_task → #${ctx.taskId}; "${reply.response.slice(0, 60)}"`;
      },
    },
    {
      title: 'the task exists via the API',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        const taskId = need(ctx.taskId, 'no task was created');
        const res = await ctx.client.request('GET', `/api/${owner.id}/tasks/${taskId}`, { token: owner.jwt });
        expectStatus(res, 200, `GET tasks/${taskId}`);
        const task = read(taskSchema, res, `GET tasks/${taskId}`);
        expect(task.title.toLowerCase().includes(ctx.nonce), `task #${taskId} is titled "${task.title}", expected it to contain ${ctx.nonce}`);
        expect(!task.completed, `task #${taskId} is already completed`);
        return `GET /api/{id}/tasks/${taskId} → "${task.title}"`;
      },
    },
    {
      title: 'list pending',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        need(ctx.taskId, 'no task was created');
        const reply = await chat(ctx, owner, 'Show my pending tasks');
        const listed = reply.tool_calls.find((call) => call.name === 'list_tasks');
        expect(listed, `no list_tasks call; the reply was "${reply.response.slice(0, 100)}"`);
        const mentioned = reply.response.toLowerCase().includes(ctx.nonce) || JSON.stringify(listed.result).includes(ctx.nonce);
        expect(mentioned, `the pending list does not show the new task: "${reply.response.slice(0, 100)}"`);
        const rest = await ctx.client.request('GET', `/api/${owner.id}/tasks?status=pending`, { token: owner.jwt });
        expectStatus(rest, 200, 'GET tasks?status=pending');
        const pending = read(z.array(taskSchema), rest, 'GET tasks?status=pending');
        expect(pending.some((task) => task.id === ctx.taskId), 'GET tasks?status=pending does not include the new task');
        return `chat list_tasks and GET ?status=pending both show #${ctx.taskId}`;
      },
    },
    {
      title: 'conversation persists across a new session',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        const conversationId = need(ctx.conversationId, 'no conversation was started');
        const session = await signIn(ctx.client, owner);
        expect(session.sessionToken !== owner.sessionToken, 'sign-in returned the same session');
        const list = await ctx.client.request('GET', `/api/${owner.id}/conversations`, { token: session.jwt });
        expectStatus(list, 200, 'GET conversations');
        const conversations = read(z.array(z.object({ id: z.number().int() })), list, 'GET conversations');
        expect(conversations.some((c) => c.id === conversationId), `conversation ${conversationId} is not listed`);
        const res = await ctx.client.request('GET', `/api/${owner.id}/conversations/${conversationId}/messages`, { token: session.jwt });
        expectStatus(res, 200, 'GET messages');
        const messages = read(z.array(messageSchema), res, 'GET messages');
        const userMessages = messages.filter((m) => m.role === 'user').map((m) => m.content);
        expect(JSON.stringify(userMessages) === JSON.stringify(ctx.sent), `stored user messages ${JSON.stringify(userMessages)} differ from those sent`);
        expect(messages.filter((m) => m.role === 'assistant').length === ctx.sent.length, `expected ${ctx.sent.length} assistant replies, found ${messages.length - userMessages.length}`);
        return `new session sees conversation ${conversationId} with all ${messages.length} messages`;
      },
    },
    {
      title: 'a bad request gets a clear error',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        const empty = await ctx.client.request('POST', `/api/${owner.id}/chat`, { token: owner.jwt, json: { message: '' } });
        const chatMessage = expectError(empty, 400, 'VALIDATION_FAILED', 'empty chat message');
        expect(/message/i.test(chatMessage), `the error does not name the field: "${chatMessage}"`);
        const untitled = await ctx.client.request('POST', `/api/${owner.id}/tasks`, { token: owner.jwt, json: {} });
        const taskMessage = expectError(untitled, 400, 'VALIDATION_FAILED', 'task without a title');
        expect(/title/i.test(taskMessage), `the error does not name the field: "${taskMessage}"`);
        return `400 VALIDATION_FAILED: "${chatMessage.slice(0, 70)}"`;
      },
    },
    {
      title: 'a missing or foreign token is refused',
      async run(ctx) {
        const owner = need(ctx.owner, 'no signed-up user');
        const path = `/api/${owner.id}/tasks`;
        expectError(await ctx.client.request('GET', path), 401, 'UNAUTHENTICATED', 'no token');
        expectError(await ctx.client.request('GET', path, { token: 'not.a.jwt' }), 401, 'UNAUTHENTICATED', 'malformed token');
        expectError(await ctx.client.request('GET', path, { token: owner.sessionToken }), 401, 'UNAUTHENTICATED', 'session token instead of a JWT');
        const other = await otherUser(ctx);
        expectError(await ctx.client.request('GET', path, { token: other.jwt }), 403, 'FORBIDDEN', "another user's JWT");
        return 'none/malformed/session token → 401, another user\'s JWT → 403';
      },
    },
    {
      title: 'cross-user isolation',
      async run(ctx) {
        need(ctx.owner, 'no signed-up user');
        const taskId = need(ctx.taskId, 'no task was created');
        const conversationId = need(ctx.conversationId, 'no conversation was started');
        const other = await otherUser(ctx);
        const base = `/api/${other.id}`;
        expectError(await ctx.client.request('GET', `${base}/tasks/${taskId}`, { token: other.jwt }), 404, 'NOT_FOUND', "reading the owner's task");
        expectError(await ctx.client.request('PATCH', `${base}/tasks/${taskId}/complete`, { token: other.jwt }), 404, 'NOT_FOUND', "completing the owner's task");
        expectError(await ctx.client.request('GET', `${base}/conversations/${conversationId}/messages`, { token: other.jwt }), 404, 'NOT_FOUND', "reading the owner's conversation");
        const list = await ctx.client.request('GET', `${base}/tasks`, { token: other.jwt });
        expectStatus(list, 200, "other user's task list");
        expect(read(z.array(taskSchema), list, "other user's task list").length === 0, "the other user's task list is not empty");
        return "the other user gets 404 for the owner's task and conversation and sees no tasks";
      },
    },
    {
      title: `chat responds < ${limits.maxChatMs / 1000} s`,
      async run(ctx) {
        expect(ctx.chatMs.length > 0, 'no chat turn completed');
        const slowest = Math.max(...ctx.chatMs);
        const detail = `slowest of ${ctx.chatMs.length} turns ${Math.round(slowest)} ms (limit ${ctx.limits.maxChatMs} ms)`;
        expect(slowest < ctx.limits.maxChatMs, detail);
        return detail;
      },
    },
    {
      title: `database latency < ${limits.maxDbLatencyMs} ms`,
      async run(ctx) {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await ctx.client.request('GET', '/health');
          expectStatus(res, 200, 'GET /health');
          const latency = read(healthSchema, res, 'GET /health').database.latency_ms;
          expect(latency !== null, 'GET /health reported no latency');
          samples.push(latency);
        }
        const typical = median(samples);
        const detail = `median of 5 pings ${typical.toFixed(2)} ms (limit ${ctx.limits.maxDbLatencyMs} ms)`;
        expect(typical < ctx.limits.maxDbLatencyMs, detail);
        return detail;
      },
    },
  ];
}

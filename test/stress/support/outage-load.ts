// Steady mixed traffic for the database-outage test, every request recorded, and the checks that nothing
// acknowledged was lost and no turn was half stored.
import { z } from 'zod';
import { chat, chatReplySchema, listConversations, listMessages, listTasks, send, type ApiUser, type ChatReply, type StoredMessage } from './api.js';

/** One request the load sent and what came back (status 0: no HTTP answer at all). */
export interface Sent {
  user: number;
  kind: 'chat-add' | 'chat-complete' | 'chat-list' | 'rest-create' | 'token' | 'sign-in';
  phase: string;
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  text: string;
  title?: string;
  conversationId?: number;
  reply?: ChatReply;
}

/** Mixed traffic from several users until stopped; `phase` labels what the database is doing. */
export class OutageLoad {
  readonly sent: Sent[] = [];
  phase = 'up';
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly publicUrl: string,
    private readonly users: ApiUser[],
    private readonly label: string,
  ) {}

  /** Requests each user has had answered in a phase. */
  countIn(phase: string): number[] {
    return this.users.map((_, i) => this.sent.filter((s) => s.user === i && s.phase === phase).length);
  }

  /** Start every user's loop. */
  start(): void {
    this.running = true;
    this.loops = this.users.map((user, index) => this.loop(user, index));
  }

  /** Stop after each user's current request. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async record(user: number, kind: Sent['kind'], request: Promise<{ status: number; headers: Headers; text: string }>, extra: Partial<Sent> = {}): Promise<Sent> {
    const phase = this.phase;
    const reply = await request.catch((error: unknown) => ({ status: 0, headers: new Headers(), text: String(error) }));
    const entry: Sent = { user, kind, phase, status: reply.status, retryAfter: reply.headers.get('retry-after'), contentType: reply.headers.get('content-type'), text: reply.text, ...extra };
    if (kind.startsWith('chat') && reply.status === 200) entry.reply = chatReplySchema.parse(JSON.parse(reply.text));
    this.sent.push(entry);
    return entry;
  }

  private async loop(user: ApiUser, index: number): Promise<void> {
    let conversationId: number | undefined;
    let lastAdded: number | undefined;
    for (let n = 0; this.running; n++) {
      const step = n % 5;
      if (step === 0) {
        const title = `${this.label} chat ${index}-${n}`;
        const sent = await this.record(index, 'chat-add', chat(this.baseUrl, user, `add ${title}`, conversationId), { title, conversationId });
        conversationId ??= sent.reply?.conversation_id;
        const id = z.object({ task_id: z.number() }).safeParse(sent.reply?.tool_calls[0]?.result);
        if (id.success) lastAdded = id.data.task_id;
      } else if (step === 1) {
        const title = `${this.label} rest ${index}-${n}`;
        const body = JSON.stringify({ title });
        await this.record(index, 'rest-create', send(`${this.baseUrl}/api/${user.id}/tasks`, { method: 'POST', headers: { ...user.headers, 'content-type': 'application/json' }, body }), { title });
      } else if (step === 2 && lastAdded !== undefined) {
        const sent = await this.record(index, 'chat-complete', chat(this.baseUrl, user, `complete task ${lastAdded}`, conversationId), { conversationId });
        conversationId ??= sent.reply?.conversation_id;
      } else if (step === 3) {
        await this.record(index, 'token', send(`${this.baseUrl}/api/auth/token`, { headers: { authorization: `Bearer ${user.sessionToken}` } }));
      } else if (n % 10 === 4) {
        const body = JSON.stringify({ email: user.email, password: user.password });
        await this.record(index, 'sign-in', send(`${this.baseUrl}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: this.publicUrl }, body }));
      } else {
        const sent = await this.record(index, 'chat-list', chat(this.baseUrl, user, 'list my tasks', conversationId), { conversationId });
        conversationId ??= sent.reply?.conversation_id;
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
}

/** Check one user's stored state against what the load sent; returns the problems found. */
export async function verifyUser(baseUrl: string, user: ApiUser, sent: Sent[]): Promise<string[]> {
  const problems: string[] = [];
  const tasks = await listTasks(baseUrl, user);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const messages = new Map<number, StoredMessage[]>();
  for (const id of await listConversations(baseUrl, user)) messages.set(id, await listMessages(baseUrl, user, id));
  const recorded = [...messages.values()].flat().flatMap((m) => m.tool_calls ?? []);

  // No acknowledged write lost.
  for (const s of sent.filter((x) => x.kind === 'rest-create' && x.status === 201)) {
    const id = z.object({ id: z.number() }).parse(JSON.parse(s.text)).id;
    if (byId.get(id)?.title !== s.title) problems.push(`acknowledged REST create of "${s.title}" (#${id}) is missing`);
  }
  for (const { reply } of sent) {
    if (!reply) continue;
    const stored = messages.get(reply.conversation_id) ?? [];
    const at = stored.findIndex((m, i) => m.role === 'assistant' && m.content === reply.response && stored[i - 1]?.role === 'user');
    if (at < 0) problems.push(`acknowledged turn "${reply.response.slice(0, 60)}" is not stored after its user message`);
    for (const call of reply.tool_calls) {
      const id = z.object({ task_id: z.number() }).safeParse(call.result);
      if (!id.success) continue;
      const task = byId.get(id.data.task_id);
      if (call.name === 'add_task' && !task) problems.push(`acknowledged chat add of #${id.data.task_id} is missing`);
      if (call.name === 'complete_task' && task && !task.completed) problems.push(`acknowledged chat complete of #${id.data.task_id} was lost`);
    }
  }

  // No half-stored turn: every assistant message follows a user message, and every change chat made is on record.
  for (const [id, list] of messages) {
    list.forEach((m, i) => {
      if (m.role === 'assistant' && list[i - 1]?.role !== 'user') problems.push(`conversation ${id}: assistant message ${m.id} does not follow a user message`);
    });
  }
  const restTitles = new Set(sent.filter((x) => x.kind === 'rest-create').map((x) => x.title));
  for (const task of tasks) {
    const added = recorded.some((c) => c.name === 'add_task' && z.object({ task_id: z.number() }).safeParse(c.result).data?.task_id === task.id);
    if (!restTitles.has(task.title) && !added) problems.push(`half-stored turn: task #${task.id} "${task.title}" exists but no stored assistant message made it`);
    const completed = recorded.some((c) => c.name === 'complete_task' && z.object({ task_id: z.number() }).safeParse(c.result).data?.task_id === task.id);
    if (task.completed && !completed) problems.push(`half-stored turn: task #${task.id} was completed but no stored assistant message did it`);
  }
  return problems;
}

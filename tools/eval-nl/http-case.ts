// One phrasing-table row, black-box over HTTP: a new user signs up, the setup tasks are created with the
// REST API, each turn goes to POST /api/{user_id}/chat in one conversation, and the tasks before and after
// are compared with the row's expectations (the same comparison the engine's own tests use).
import { randomUUID } from 'node:crypto';
import type { SetupTask, StoredTask } from '../../test/engine/domain-tasks.js';
import { checkExpectations } from '../../test/engine/expectations.js';
import { DEFAULT_TIME_ZONE } from '../../test/engine/phrasing-helpers.js';
import type { PhrasingCase } from '../../test/engine/runner.js';

/** What one row did over HTTP. */
export interface HttpRowResult {
  id: string;
  ok: boolean;
  problems: string[];
  replies: string[];
}

interface User {
  id: string;
  headers: Record<string, string>;
}

interface ApiTask {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  due_at: string | null;
  priority: StoredTask['priority'];
  tags: string[];
  repeat: string | null;
}

async function call(url: string, init: RequestInit & { expect?: number } = {}): Promise<Response> {
  const res = await fetch(url, init);
  if (init.expect !== undefined && res.status !== init.expect) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

/** Signs a new user up (the Origin is the server's own URL, as a browser would send) and gets a JWT. */
async function signUp(base: string, timeZone: string): Promise<User> {
  const email = `eval-${randomUUID()}@example.com`;
  const res = await call(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ name: 'Eval user', email, password: randomUUID() }),
    expect: 200,
  });
  const { user } = (await res.json()) as { user: { id: string } };
  const session = res.headers.get('set-auth-token') ?? '';
  const token = await call(`${base}/api/auth/token`, { headers: { authorization: `Bearer ${session}` }, expect: 200 });
  const { token: jwt } = (await token.json()) as { token: string };
  const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
  await call(`${base}/api/${user.id}/settings`, { method: 'PUT', headers, body: JSON.stringify({ timezone: timeZone }), expect: 200 });
  return { id: user.id, headers };
}

/** Creates the setup tasks in order (the last is the newest); a completed one is marked done after. */
async function seed(base: string, user: User, setup: readonly SetupTask[] = []): Promise<void> {
  for (const item of setup) {
    const spec = typeof item === 'string' ? { title: item } : item;
    const { completed, due, ...fields } = spec;
    const res = await call(`${base}/api/${user.id}/tasks`, { method: 'POST', headers: user.headers, body: JSON.stringify({ ...fields, due_at: due }), expect: 201 });
    const { id } = (await res.json()) as { id: number };
    if (completed) await call(`${base}/api/${user.id}/tasks/${id}`, { method: 'PUT', headers: user.headers, body: JSON.stringify({ completed: true }), expect: 200 });
  }
}

/** A user's tasks, oldest first, as the tables compare them. */
async function snapshot(base: string, user: User): Promise<StoredTask[]> {
  const res = await call(`${base}/api/${user.id}/tasks?status=all&limit=1000`, { headers: user.headers, expect: 200 });
  const tasks = (await res.json()) as ApiTask[];
  return tasks.reverse().map((t) => ({
    id: t.id,
    owner: user.id,
    title: t.title,
    description: t.description,
    completed: t.completed,
    due: t.due_at?.slice(0, 16) ?? null,
    priority: t.priority,
    tags: t.tags,
    repeat: t.repeat,
  }));
}

/** Runs one row against the server at `base` and checks its expectations. */
export async function runHttpRow(base: string, row: PhrasingCase): Promise<HttpRowResult> {
  const timeZone = row.timeZone ?? DEFAULT_TIME_ZONE;
  const other = row.other_user_setup ? await signUp(base, timeZone) : null;
  const user = await signUp(base, timeZone);
  if (other) await seed(base, other, row.other_user_setup);
  await seed(base, user, row.setup);
  const before = await snapshot(base, user);
  const otherBefore = other ? await snapshot(base, other) : [];
  const replies: string[] = [];
  const problems: string[] = [];
  let conversation: number | undefined;
  for (const turn of row.turns) {
    const message = turn.replace(/\{(id|other_id):([^}]+)\}/g, (whole, kind: string, title: string) =>
      String((kind === 'id' ? before : otherBefore).find((t) => t.title === title)?.id ?? whole),
    );
    const res = await call(`${base}/api/${user.id}/chat`, {
      method: 'POST',
      headers: user.headers,
      body: JSON.stringify({ message, timezone: timeZone, ...(conversation === undefined ? {} : { conversation_id: conversation }) }),
    });
    const body = (await res.json().catch(() => ({}))) as { response?: string; conversation_id?: number };
    if (res.status !== 200) problems.push(`"${turn}" answered HTTP ${res.status}`);
    replies.push(body.response ?? '');
    conversation ??= body.conversation_id;
  }
  problems.push(
    ...checkExpectations(row.expect, {
      before,
      after: await snapshot(base, user),
      otherBefore,
      otherAfter: other ? await snapshot(base, other) : [],
      replies,
    }),
  );
  return { id: row.id, ok: problems.length === 0, problems, replies };
}

// Runs a phrasing case (the nl-examples vocabulary) through the full HTTP stack: real auth, the chat
// route, the agent, the MCP tools and the database — and checks the task changes it caused.
import { checkExpectations } from '../engine/expectations.js';
import type { PhrasingCase } from '../engine/runner.js';
import type { StoredTask } from '../engine/task-store.js';
import type { TestApp, TestUser } from './test-app.js';

/** The outcome of one case over HTTP. */
export interface HttpCaseResult {
  id: string;
  ok: boolean;
  problems: string[];
  replies: string[];
  statuses: number[];
}

async function snapshot(t: TestApp, user: TestUser): Promise<StoredTask[]> {
  const tasks = await t.deps.tasks.list(user.id, { limit: 1000 });
  return tasks.map((x) => ({
    id: x.id,
    owner: user.id,
    title: x.title,
    description: x.description,
    completed: x.completed,
    // The engine's store keeps local "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm"; the API adds seconds and the offset.
    due: x.due_at?.slice(0, 16) ?? null,
    priority: x.priority,
    tags: x.tags,
    repeat: x.repeat,
  }));
}

async function setUp(t: TestApp, user: TestUser, setup: PhrasingCase['setup']): Promise<void> {
  for (const item of setup ?? []) {
    const spec = typeof item === 'string' ? { title: item } : item;
    const task = await t.deps.tasks.create(user.id, {
      title: spec.title,
      description: spec.description ?? null,
      due_at: spec.due,
      priority: spec.priority,
      tags: spec.tags,
      repeat: spec.repeat,
    });
    if (spec.completed) await t.deps.tasks.complete(user.id, task.id);
  }
}

/** Run one case as a fresh user (and a fresh "other user" when the case has one), turn by turn in one conversation. */
export async function runHttpCase(t: TestApp, row: PhrasingCase): Promise<HttpCaseResult> {
  const user = await t.signUp();
  const other = await t.signUp();
  await setUp(t, user, row.setup);
  await setUp(t, other, row.other_user_setup);
  const before = await snapshot(t, user);
  const otherBefore = await snapshot(t, other);
  const replies: string[] = [];
  const statuses: number[] = [];
  let conversationId: number | undefined;
  for (const turn of row.turns) {
    const message = turn.replace(/\{(id|other_id):([^}]+)\}/g, (whole, kind: string, title: string) => {
      const source = kind === 'id' ? before : otherBefore;
      return String(source.find((x) => x.title === title)?.id ?? whole);
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${user.id}/chat`,
      headers: user.headers,
      payload: conversationId ? { message, conversation_id: conversationId } : { message },
    });
    statuses.push(res.statusCode);
    const body = res.json() as { response?: string; conversation_id?: number };
    replies.push(body.response ?? '');
    conversationId ??= body.conversation_id;
  }
  const problems = checkExpectations(row.expect, {
    before,
    after: await snapshot(t, user),
    otherBefore,
    otherAfter: await snapshot(t, other),
    replies,
  });
  for (const status of statuses) if (status !== 200) problems.push(`HTTP ${status}`);
  return { id: row.id, ok: problems.length === 0, problems, replies, statuses };
}

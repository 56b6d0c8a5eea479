// Runs a phrasing case (the nl-examples vocabulary) through the full HTTP stack: real auth, the chat
// route, the agent, the MCP tools and the database — and checks the task changes it caused.
import { checkExpectations } from '../engine/expectations.js';
import type { PhrasingCase } from '../engine/runner.js';
import { seedTasks, snapshotTasks } from '../engine/domain-tasks.js';
import type { TestApp } from './test-app.js';

/** The outcome of one case over HTTP. */
export interface HttpCaseResult {
  id: string;
  ok: boolean;
  problems: string[];
  replies: string[];
  statuses: number[];
}

/** Run one case as a fresh user (and a fresh "other user" when the case has one), turn by turn in one conversation. */
export async function runHttpCase(t: TestApp, row: PhrasingCase): Promise<HttpCaseResult> {
  const user = await t.signUp();
  const other = await t.signUp();
  await seedTasks(t.deps.tasks, user.id, row.setup);
  await seedTasks(t.deps.tasks, other.id, row.other_user_setup);
  const before = await snapshotTasks(t.deps.tasks, user.id);
  const otherBefore = await snapshotTasks(t.deps.tasks, other.id);
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
    after: await snapshotTasks(t.deps.tasks, user.id),
    otherBefore,
    otherAfter: await snapshotTasks(t.deps.tasks, other.id),
    replies,
  });
  for (const status of statuses) if (status !== 200) problems.push(`HTTP ${status}`);
  return { id: row.id, ok: problems.length === 0, problems, replies, statuses };
}

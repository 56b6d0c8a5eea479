// Fuzz: 10,000 generated requests across every route (methods, ids, query strings, headers, body types, sizes,
// encodings) through the real app in process. No answer may be a 5xx; every error must be the contract's JSON;
// nothing of another user's may leak or change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { buildTestApp, type TestApp, type TestUser } from '../helpers/test-app.js';
import { prng } from './support/chat-model.js';
import { generateRequest, type FuzzWorld } from './support/fuzz-cases.js';
import { requirePostgres } from './support/postgres.js';

const COUNT = Number(process.env.STRESS_FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.STRESS_SEED ?? 7);
const SECRET_TITLE = `Victim secret ${process.pid}`;
/** The contract's error body; MCP's JSON-RPC errors carry a numeric code in the same place. */
const contractError = z.object({ error: z.object({ code: z.union([z.string().min(1), z.number()]), message: z.string() }) });

interface Finding {
  request: string;
  status: number;
  body: string;
}

const describeFindings = (findings: Finding[]) => {
  const byRoute = new Map<string, Finding>();
  for (const f of findings) byRoute.set(`${f.status} ${f.request.replace(/\/[^/?]{20,}/g, '/…').split('?')[0]}`, f);
  return [...byRoute.values()].slice(0, 12).map((f) => `${f.status} ← ${f.request.slice(0, 140)}\n    ${f.body.slice(0, 400)}`).join('\n');
};

/** The error the app logged for a request id: its type, message and where it was thrown. */
function loggedError(logs: string[], requestId: string): string {
  const line = logs.find((l) => l.includes(requestId) && l.includes('"err"'));
  const err = z.object({ err: z.object({ type: z.string(), message: z.string(), stack: z.string().optional() }) }).safeParse(line ? JSON.parse(line) : undefined);
  if (!err.success) return 'nothing';
  const at = err.data.err.stack?.split('\n').find((l) => l.includes('/src/'))?.trim() ?? '';
  return `${err.data.err.type}: ${err.data.err.message.slice(0, 120)} ${at}`;
}

describe('fuzz: generated requests across every route (Postgres)', () => {
  let t: TestApp;
  let attacker: TestUser;
  let victim: TestUser;
  let world: FuzzWorld;
  let victimBefore: string;
  const serverErrors: Finding[] = [];
  const nonJson: Finding[] = [];
  const offContract: Finding[] = [];
  const leaks: Finding[] = [];

  const victimState = async () =>
    JSON.stringify({
      tasks: await t.deps.tasks.list(victim.id),
      conversations: await t.deps.conversations.list(victim.id),
      messages: await t.deps.conversations.messages(victim.id, world.victim.conversationId),
    });

  before(async () => {
    requirePostgres();
    t = await buildTestApp({ driver: 'postgres', env: { LOG_LEVEL: 'warn' } });
    attacker = await t.signUp({ name: 'Attacker' });
    victim = await t.signUp({ name: 'Victim' });
    const chatAs = async (user: TestUser, message: string) =>
      z.object({ conversation_id: z.number() }).parse((await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload: { message } })).json());
    const own = await t.deps.tasks.create(attacker.id, { title: 'Attacker task' });
    const victimTask = await t.deps.tasks.create(victim.id, { title: SECRET_TITLE });
    world = {
      attacker: { id: attacker.id, jwt: attacker.jwt, sessionToken: attacker.sessionToken, email: attacker.email },
      victim: { id: victim.id, taskId: victimTask.id, conversationId: (await chatAs(victim, `add ${SECRET_TITLE} too`)).conversation_id },
      own: { taskId: own.id, conversationId: (await chatAs(attacker, 'list my tasks')).conversation_id },
      otherJwt: victim.jwt,
    };
    victimBefore = await victimState();
  });
  after(() => t?.close());

  test(`${COUNT} requests: no 5xx, every error JSON in the contract's shape, nothing leaked`, { timeout: 8 * 60_000 }, async () => {
    const random = prng(SEED);
    for (let i = 0; i < COUNT; i++) {
      const request = generateRequest(random, world);
      const res = await t.app.inject(request);
      const described = `#${i} ${request.method} ${request.url} ${JSON.stringify(request.headers).slice(0, 120)} body=${String(request.payload ?? '').slice(0, 80)}`;
      const finding = { request: described, status: res.statusCode, body: res.body };
      if (res.statusCode >= 500) serverErrors.push({ ...finding, body: `${res.body} logged: ${loggedError(t.logs, String(res.headers['x-request-id']))}` });
      if (res.body.includes(SECRET_TITLE)) leaks.push(finding);
      if (res.statusCode < 400 || request.method === 'HEAD') continue;
      const isJson = /application\/json/.test(String(res.headers['content-type'] ?? ''));
      let parsed: unknown;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        nonJson.push(finding);
        continue;
      }
      if (!isJson) nonJson.push(finding);
      else if (!contractError.safeParse(parsed).success) offContract.push(finding);
    }
    assert.equal(serverErrors.length, 0, `${serverErrors.length} responses were 5xx:\n${describeFindings(serverErrors)}`);
    assert.equal(nonJson.length, 0, `${nonJson.length} error responses were not JSON:\n${describeFindings(nonJson)}`);
    assert.equal(leaks.length, 0, `another user's data leaked:\n${describeFindings(leaks)}`);
  });

  test("every error body is the contract's {error: {code, message}}", () => {
    assert.equal(offContract.length, 0, `${offContract.length} error responses were JSON of another shape:\n${describeFindings(offContract)}`);
  });

  test("the victim's tasks, conversations and messages are unchanged, and the app still serves", async () => {
    assert.equal(await victimState(), victimBefore);
    const res = await t.app.inject({ method: 'POST', url: `/api/${attacker.id}/chat`, headers: attacker.headers, payload: { message: 'list my tasks' } });
    assert.equal(res.statusCode, 200, res.body);
  });
});

// Issue 18: what one chat turn costs the database, counted per kind of turn with the built-in engine, so the count
// cannot creep back up. A statement is one the app sent (BEGIN/COMMIT apart: PGlite's driver does not report
// them, so transactions are counted on Postgres only). Lowered a count? Lower its budget here too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';

/** Statements (and transactions) a turn may send: the add and the completion each commit one transaction. */
const BUDGET = {
  add: { statements: 5, transactions: 1 },
  list: { statements: 3, transactions: 0 },
  completeByName: { statements: 6, transactions: 1 },
};

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

for (const driver of testDrivers) {
  describe(`SQL statements per chat turn (${driver})`, () => {
    let t: TestApp;
    let sent: string[] | undefined;
    let user: TestUser;
    let conversationId: number;
    before(async () => {
      t = await buildTestApp({ driver, logQuery: (sql) => sent?.push(sql) });
      user = await t.signUp();
      // Ten tasks in one conversation, as the bench's turns see them.
      conversationId = (await say('add water the plants')).conversation_id;
      for (let i = 1; i < 10; i += 1) await say(`add buy lamp ${i}`);
    });
    after(() => t.close());

    async function say(message: string): Promise<{ conversation_id: number; response: string; tool_calls: { name: string }[] }> {
      const payload = conversationId ? { message, conversation_id: conversationId } : { message };
      const res = await t.app.inject({ method: 'POST', url: `/api/${user.id}/chat`, headers: user.headers, payload });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    }

    /** Run one turn, returning its reply and what it sent to the database. */
    async function counted(message: string) {
      sent = [];
      try {
        const reply = await say(message);
        const statements = sent.filter((s) => !TRANSACTION_CONTROL.test(s));
        const transactions = sent.filter((s) => /^\s*begin\b/i.test(s)).length;
        return { reply, statements, transactions };
      } finally {
        sent = undefined;
      }
    }

    function assertWithin(kind: keyof typeof BUDGET, turn: { statements: string[]; transactions: number }) {
      const budget = BUDGET[kind];
      const listing = turn.statements.map((s) => `  ${s.replace(/\s+/g, ' ').trim().slice(0, 120)}`).join('\n');
      assert.equal(turn.statements.length, budget.statements, `${kind}: ${turn.statements.length} statements, budget ${budget.statements}:\n${listing}`);
      assert.ok(!turn.statements.some((s) => /savepoint/i.test(s)), `${kind}: no savepoint inside the turn's transaction:\n${listing}`);
      if (driver === 'postgres') assert.equal(turn.transactions, budget.transactions, `${kind}: transactions`);
    }

    test('adding a task', async () => {
      const turn = await counted('add buy a lamp');
      assert.deepEqual(turn.reply.tool_calls.map((c) => c.name), ['add_task']);
      assert.match(turn.reply.response, /Added #11 Buy a lamp/);
      assertWithin('add', turn);
    });

    test('listing ten tasks', async () => {
      const turn = await counted('list my tasks');
      assert.deepEqual(turn.reply.tool_calls.map((c) => c.name), ['list_tasks']);
      assert.match(turn.reply.response, /Water the plants/);
      assertWithin('list', turn);
    });

    test('completing a task by name', async () => {
      const turn = await counted('complete water the plants');
      assert.deepEqual(turn.reply.tool_calls.map((c) => c.name), ['list_tasks', 'complete_task']);
      assert.match(turn.reply.response, /Completed #1 Water the plants/);
      assertWithin('completeByName', turn);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createInProcessMcpClient } from '../../src/mcp/server.js';
import { standaloneWork } from '../../src/mcp/tool-work.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import { buildTestApp, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { callTool, expectToolError } from '../mcp/helpers.js';

const call = (name: string, args: object) => ({ name, arguments: JSON.stringify(args) });
type ToolCall = { name: string; arguments: Record<string, unknown>; result: Record<string, unknown> };

for (const driver of testDrivers) {
  describe(`bulk changes need a confirmation the server enforces, whatever the model (${driver})`, () => {
    let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
    let t: TestApp;
    let u: TestUser;
    before(async () => {
      fake = await startFakeOpenAI();
      t = await buildTestApp({ driver, env: { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: fake.url, MODEL_MAX_RETRIES: '0' } });
      u = await t.signUp();
    });
    after(async () => {
      await t.close();
      await fake.close();
    });

    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/${u.id}${url}`, headers: u.headers, ...(payload ? { payload } : {}) });
    const liveIds = async () => ((await api('GET', '/tasks')).json() as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
    /** A chat turn whose model makes `steps` of tool calls (one model response each), then answers. */
    const turn = async (steps: { name: string; arguments: string }[][]) => {
      fake.use((_req, i) => (i < steps.length ? { kind: 'tools', calls: steps[i]! } : { kind: 'text', text: 'Done.' }));
      const res = await api('POST', '/chat', { message: 'delete everything' });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { tool_calls: ToolCall[] };
    };

    test('a model looping over delete_task deletes 3; the 4th and later are refused with what to do; a preview lets them through only in a later turn', async () => {
      for (let i = 1; i <= 8; i++) await api('POST', '/tasks', { title: `Task ${i}` });
      const first = await turn([
        [1, 2, 3, 4, 5].map((id) => call('delete_task', { task_id: id })),
        [call('preview_bulk_change', { action: 'delete', task_ids: [4, 5, 6, 7, 8] })],
      ]);
      const deletes = first.tool_calls.filter((c) => c.name === 'delete_task');
      assert.deepEqual(deletes.map((c) => ('error' in c.result ? 'refused' : 'deleted')), ['deleted', 'deleted', 'deleted', 'refused', 'refused']);
      assert.match(String(deletes[3]!.result.error), /more than 3 tasks at once needs the user's confirmation: call preview_bulk_change/);
      assert.deepEqual(await liveIds(), [4, 5, 6, 7, 8]);
      const preview = first.tool_calls.find((c) => c.name === 'preview_bulk_change')!.result as { confirmation: string; tasks: { id: number; title: string }[] };
      assert.deepEqual(preview.tasks.map((x) => x.title), ['Task 4', 'Task 5', 'Task 6', 'Task 7', 'Task 8']);

      // The token the model got in this very turn is refused: the user has not answered yet.
      fake.use((req, i) => {
        if (i === 0) return { kind: 'tools', calls: [call('preview_bulk_change', { action: 'delete', task_ids: [4, 5, 6, 7] })] };
        if (i > 1) return { kind: 'text', text: 'Done.' };
        const toolMessage = req.body.messages.filter((m) => m.role === 'tool').at(-1);
        const { confirmation } = JSON.parse(String(toolMessage?.content)) as { confirmation: string };
        return { kind: 'tools', calls: [4, 5, 6, 7].map((id) => call('delete_task', { task_id: id, confirmation })) };
      });
      const sameTurn = (await api('POST', '/chat', { message: 'yes delete them' })).json() as { tool_calls: ToolCall[] };
      const sameTurnDeletes = sameTurn.tool_calls.filter((c) => c.name === 'delete_task');
      assert.deepEqual(sameTurnDeletes.map((c) => ('error' in c.result ? 'refused' : 'deleted')), ['deleted', 'deleted', 'deleted', 'refused']);
      const sameToken = (sameTurn.tool_calls.find((c) => c.name === 'preview_bulk_change')!.result as { confirmation: string }).confirmation;
      assert.deepEqual(await liveIds(), [7, 8]);
      for (let i = 9; i <= 14; i++) await api('POST', '/tasks', { title: `Task ${i}` });
      const confirmed = await turn([[9, 10, 11, 12, 13, 14].map((id) => call('delete_task', { task_id: id, confirmation: sameToken }))]);
      assert.equal(confirmed.tool_calls.filter((c) => 'error' in c.result).length, 3, 'a token for other ids does not cover these: 3 deleted, 3 refused');
      const forged = await turn([[7, 12, 13, 14].map((id) => call('delete_task', { task_id: id, confirmation: `${sameToken.split('.')[0]}.forged` }))]);
      assert.equal(forged.tool_calls.filter((c) => 'error' in c.result).length, 1, 'a forged signature counts for nothing');
      assert.deepEqual(await liveIds(), [8, 14]);

      for (let i = 15; i <= 18; i++) await api('POST', '/tasks', { title: `Task ${i}` });
      const issued = await turn([[call('preview_bulk_change', { action: 'delete', task_ids: [14, 15, 16, 17] })]]);
      const token = (issued.tool_calls[0]!.result as { confirmation: string }).confirmation;
      const later = await turn([[14, 15, 16, 17].map((id) => call('delete_task', { task_id: id, confirmation: token })).concat([call('delete_task', { task_id: 18 })])]);
      assert.deepEqual(later.tool_calls.map((c) => ('error' in c.result ? 'refused' : 'deleted')), ['deleted', 'deleted', 'deleted', 'deleted', 'refused'], 'confirmed ids pass in a later turn; an id outside the preview is still counted and refused');
      assert.deepEqual(await liveIds(), [8, 18]);
    });

    test('completions: 10 per turn, the 11th refused without a confirmation; a task that does not exist cannot be previewed', async () => {
      const v = await t.signUp();
      for (let i = 1; i <= 11; i++) await t.deps.tasks.create(v.id, { title: `Chore ${i}` });
      fake.use((_req, i) => (i === 0 ? { kind: 'tools', calls: Array.from({ length: 11 }, (_v, k) => call('complete_task', { task_id: k + 1 })) } : { kind: 'text', text: 'ok' }));
      const res = await t.app.inject({ method: 'POST', url: `/api/${v.id}/chat`, headers: v.headers, payload: { message: 'done with all' } });
      const results = (res.json() as { tool_calls: ToolCall[] }).tool_calls.map((c) => ('error' in c.result ? 'refused' : 'done'));
      assert.deepEqual(results, [...Array(10).fill('done'), 'refused']);
      const { client, close } = await createInProcessMcpClient({ user: { id: v.id }, work: standaloneWork(t.deps.domain, t.deps.unitOfWork) });
      try {
        expectToolError(await callTool(client, 'preview_bulk_change', { action: 'complete', task_ids: [11, 999] }), /Task 999 not found/);
      } finally {
        await close();
      }
    });

    test('MCP undo takes back the last MCP change only: a change made in the web UI since is not the caller\'s', async () => {
      const w = await t.signUp();
      const { client, close } = await createInProcessMcpClient({ user: { id: w.id }, work: standaloneWork(t.deps.domain, t.deps.unitOfWork), undoScope: 'mcp' });
      try {
        const added = (await callTool(client, 'add_task', { title: 'From MCP' })).structuredContent as { task_id: number };
        await t.app.inject({ method: 'POST', url: `/api/${w.id}/tasks`, headers: { ...w.headers, 'x-todo-client': 'web' }, payload: { title: 'From the web' } });
        const undone = await callTool(client, 'undo', {});
        assert.notEqual(undone.isError, true, JSON.stringify(undone));
        assert.deepEqual((undone.structuredContent as { undone: { task_id: number; op: string }[] }).undone, [{ task_id: added.task_id, op: 'create', title: 'From MCP' }]);
        assert.deepEqual((await t.deps.tasks.list(w.id)).map((x) => x.title), ['From the web']);
        expectToolError(await callTool(client, 'undo', {}), /nothing to undo/);
        const activity = await t.deps.domain.activity(w.id, { limit: 10 });
        assert.deepEqual(activity.map((e) => [e.op, e.source]), [['delete', 'mcp'], ['create', 'web'], ['create', 'mcp']]);
      } finally {
        await close();
      }
    });
  });
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { jsonResult, runTool, taskChange, taskChangeSchema, taskIdArgSchema, toolInput, type ToolContext } from './shared.js';

/** Register `delete_task`: permanently remove one of the caller's tasks. */
export function registerDeleteTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'delete_task',
    {
      title: 'Delete a task',
      description:
        'Permanently delete a task; it cannot be undone. Returns the title of the deleted task. ' +
        'Use list_tasks first if you do not know the task_id.',
      inputSchema: toolInput({ task_id: taskIdArgSchema }, ctx.user),
      outputSchema: taskChangeSchema('deleted'),
      annotations: { title: 'Delete a task', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'delete_task', async () => {
        const task = await ctx.work.change(extra, ({ tasks }) => tasks.remove(ctx.user.id, args.task_id));
        return jsonResult(taskChange(task, 'deleted'));
      }),
  );
}

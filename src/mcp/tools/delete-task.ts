import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { changeRequest, confirmationArgSchema, jsonResult, runTool, taskChange, taskChangeSchema, taskIdArgSchema, toolInput, type ToolContext } from './shared.js';

/** Register `delete_task`: move one of the caller's tasks to "Recently deleted". */
export function registerDeleteTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'delete_task',
    {
      title: 'Delete a task',
      description:
        'Delete a task: it moves to "Recently deleted" for 30 days and the undo tool brings it back. Returns the title of the deleted task. ' +
        'Use list_tasks first if you do not know the task_id. More than 3 deletes in one request need the user\'s confirmation (preview_bulk_change).',
      inputSchema: toolInput({ task_id: taskIdArgSchema, confirmation: confirmationArgSchema.optional() }, ctx.user),
      outputSchema: taskChangeSchema('deleted'),
      annotations: { title: 'Delete a task', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'delete_task', async () => {
        const task = await ctx.work.change(changeRequest(ctx, extra), ({ tasks }) => tasks.remove(ctx.user.id, args.task_id, { confirmation: args.confirmation }));
        return jsonResult(taskChange(task, 'deleted'));
      }),
  );
}

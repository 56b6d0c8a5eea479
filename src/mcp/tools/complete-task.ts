import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { changeRequest, confirmationArgSchema, jsonResult, runTool, taskChange, taskChangeSchema, taskIdArgSchema, toolInput, type ToolContext } from './shared.js';

/** Register `complete_task`: mark one of the caller's tasks as done. */
export function registerCompleteTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'complete_task',
    {
      title: 'Complete a task',
      description:
        'Mark a task as done. Completing a task that is already done leaves it done. ' +
        'Use list_tasks first if you do not know the task_id. To reopen a task, use update_task with completed: false. ' +
        'More than 10 completions in one request need the user\'s confirmation (preview_bulk_change).',
      inputSchema: toolInput({ task_id: taskIdArgSchema, confirmation: confirmationArgSchema.optional() }, ctx.user),
      outputSchema: taskChangeSchema('completed'),
      annotations: { title: 'Complete a task', readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'complete_task', async () => {
        const task = await ctx.work.change(changeRequest(ctx, extra), ({ tasks }) => tasks.complete(ctx.user.id, args.task_id, { confirmation: args.confirmation }));
        return jsonResult(taskChange(task, 'completed'));
      }),
  );
}

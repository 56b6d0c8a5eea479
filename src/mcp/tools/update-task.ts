import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  descriptionSchema,
  jsonResult,
  runTool,
  taskChange,
  taskChangeSchema,
  taskIdSchema,
  titleSchema,
  toolError,
  toolInput,
  type ToolContext,
} from './shared.js';

/** Register `update_task`: change the title and/or description of one of the caller's tasks. */
export function registerUpdateTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description:
        'Change the title and/or the description of a task; give at least one. ' +
        'An empty or null description clears it. To mark a task done use complete_task.',
      inputSchema: toolInput(
        {
          task_id: taskIdSchema,
          title: titleSchema.optional().describe('The new title, 1-500 characters'),
          description: descriptionSchema.nullable().optional().describe('The new description; empty or null clears it'),
        },
        ctx.user,
      ),
      outputSchema: taskChangeSchema('updated'),
      annotations: { title: 'Update a task', readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(ctx, 'update_task', async () => {
        if (args.title === undefined && args.description === undefined) {
          return toolError(`Nothing to update: give a new title or description for task ${args.task_id}`);
        }
        const task = await ctx.tasks.update(ctx.user.id, args.task_id, { title: args.title, description: args.description });
        return jsonResult(taskChange(task, 'updated'));
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { taskStatusSchema } from '../../domain/tasks.js';
import { jsonResult, runTool, toolInput, type ToolContext } from './shared.js';

/** One task as list_tasks shows it. */
const listedTaskSchema = z.object({
  id: z.int().positive(),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
});

/** The structured result of list_tasks (structured content must be an object, so the array is wrapped). */
export const listTasksResultSchema = z.object({ tasks: z.array(listedTaskSchema) });

/** Register `list_tasks`: the caller's tasks, newest first. */
export function registerListTasks(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description:
        'List the user\'s tasks, newest first, as [{id, title, description, completed}]. ' +
        'Use it to find a task_id before completing, updating or deleting a task.',
      inputSchema: toolInput(
        {
          status: taskStatusSchema
            .optional()
            .describe('Which tasks: "all" (default), "pending" (not done) or "completed"'),
        },
        ctx.user,
      ),
      outputSchema: listTasksResultSchema,
      annotations: { title: 'List tasks', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(ctx, 'list_tasks', async () => {
        const tasks = await ctx.tasks.list(ctx.user.id, { status: args.status ?? 'all' });
        const listed = tasks.map((t) => ({ id: t.id, title: t.title, description: t.description, completed: t.completed }));
        // The contract's result is the bare array (the text); structured content must be an object, so it wraps it.
        return jsonResult({ tasks: listed }, listed);
      }),
  );
}

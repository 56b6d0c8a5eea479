import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  changeRequest,
  dueArgSchema,
  jsonResult,
  priorityArgSchema,
  remindersArgSchema,
  repeatArgSchema,
  runTool,
  tagsArgSchema,
  taskChange,
  taskChangeSchema,
  toolInput,
  type ToolContext,
} from './shared.js';
import { descriptionSchema, titleSchema } from '../../domain/tasks/fields.js';

/** Register `add_task`: create a task for the caller. */
export function registerAddTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'add_task',
    {
      title: 'Add a task',
      description:
        'Create a new task on the user\'s todo list. Use a short imperative title ("Buy milk"); put details in description. ' +
        'Optionally set when it is due, a priority, tags, a repeat rule and reminders ("remind me at 5pm": due and a reminder at that time). Returns the new task_id, which the other tools take.',
      inputSchema: toolInput(
        {
          title: titleSchema.describe('What to do, 1-500 characters'),
          description: descriptionSchema.optional().describe('Optional details, up to 5000 characters'),
          due: dueArgSchema.optional(),
          priority: priorityArgSchema.optional(),
          tags: tagsArgSchema.optional(),
          repeat: repeatArgSchema.optional(),
          reminders: remindersArgSchema.optional(),
        },
        ctx.user,
      ),
      outputSchema: taskChangeSchema('created'),
      annotations: { title: 'Add a task', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'add_task', async () => {
        const { title, description, due, priority, tags, repeat, reminders } = args;
        const task = await ctx.work.change(changeRequest(ctx, extra), ({ tasks }) => tasks.create(ctx.user.id, { title, description, due_at: due, priority, tags, repeat, reminders }));
        return jsonResult(taskChange(task, 'created'));
      }),
  );
}


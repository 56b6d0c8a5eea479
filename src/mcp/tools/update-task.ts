import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  changeRequest,
  confirmationArgSchema,
  dueArgSchema,
  jsonResult,
  priorityArgSchema,
  remindersArgSchema,
  repeatArgSchema,
  tagsArgSchema,
  runTool,
  taskChange,
  taskChangeSchema,
  taskIdArgSchema,
  toolError,
  toolInput,
  type ToolContext,
} from './shared.js';
import { descriptionSchema, titleSchema } from '../../domain/tasks/fields.js';

/** Register `update_task`: change the title, description or details of one of the caller's tasks. */
export function registerUpdateTask(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description:
        'Change the title, description, due date, priority, tags or repeat rule of a task, or reopen it (completed: false); give at least one. ' +
        'null clears a field (null repeat stops repeating); tags replaces the whole list. To mark a task done use complete_task.',
      inputSchema: toolInput(
        {
          task_id: taskIdArgSchema,
          title: titleSchema.optional().describe('The new title, 1-500 characters'),
          description: descriptionSchema.nullable().optional().describe('The new description; empty or null clears it'),
          due: dueArgSchema.nullable().optional(),
          priority: priorityArgSchema.nullable().optional(),
          tags: tagsArgSchema.nullable().optional(),
          repeat: repeatArgSchema.nullable().optional(),
          reminders: remindersArgSchema.nullable().optional(),
          completed: z.boolean().optional().describe('false reopens a completed task; true marks it done'),
          confirmation: confirmationArgSchema.optional(),
        },
        ctx.user,
      ),
      outputSchema: taskChangeSchema('updated'),
      annotations: { title: 'Update a task', readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'update_task', async () => {
        const { task_id, title, description, due, priority, tags, repeat, reminders, completed, confirmation } = args;
        const changes = { title, description, due_at: due, priority, tags, repeat, reminders, completed };
        if (Object.values(changes).every((v) => v === undefined)) {
          return toolError(`Nothing to update: give a new title, description, due, priority, tags, repeat, reminders or completed for task ${task_id}`);
        }
        const task = await ctx.work.change(changeRequest(ctx, extra), ({ tasks }) => tasks.update(ctx.user.id, task_id, changes, { confirmation }));
        return jsonResult(taskChange(task, 'updated'));
      }),
  );
}

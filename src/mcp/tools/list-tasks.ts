import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { limitSchema, priorityEnumSchema, querySchema, sortSchema, statusSchema, tagSchema } from '../../domain/tasks/fields.js';
import { dueArgSchema, jsonResult, priorityArgSchema, remindersOutSchema, runTool, toolInput, type ToolContext } from './shared.js';

/** One task as list_tasks shows it. */
const listedTaskSchema = z.object({
  id: z.int().positive(),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  due_at: z.string().nullable().optional(),
  priority: priorityEnumSchema.nullable().optional(),
  tags: z.array(z.string()).optional(),
  repeat: z.string().nullable().optional(),
  reminders: remindersOutSchema.optional(),
  overdue: z.boolean().optional(),
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
        'List the user\'s tasks as [{id, title, description, completed, due_at, priority, tags, repeat, overdue}], ' +
        'newest first unless sorted; filters combine. Use it to find a task_id before completing, updating or deleting a task.',
      inputSchema: toolInput(
        {
          status: statusSchema
            .optional()
            .describe('Which tasks: "all" (default), "pending" (not done) or "completed"'),
          due_before: dueArgSchema.optional().describe('Due on or before this day ("YYYY-MM-DD", whole day) or time'),
          due_after: dueArgSchema.optional().describe('Due on or after this day ("YYYY-MM-DD", from its start) or time'),
          overdue: z.boolean().optional().describe('true: only tasks whose due date has passed and are not done'),
          priority: priorityArgSchema.optional().describe('Only this priority'),
          tag: tagSchema.optional().describe('Only tasks with this tag'),
          query: querySchema.optional().describe('Words the title or description contains'),
          sort: sortSchema.optional().describe('created (newest first, default), due (soonest first), priority (high first), title (A-Z)'),
          limit: limitSchema.optional().describe('At most this many tasks, in the order above (default and maximum 1000)'),
        },
        ctx.user,
      ),
      outputSchema: listTasksResultSchema,
      annotations: { title: 'List tasks', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'list_tasks', async () => {
        const { user_id: _ignored, ...filters } = args;
        const tasks = await ctx.work.read(extra, (domain) => domain.tasks.list(ctx.user.id, { ...filters, status: args.status ?? 'all' }));
        const listed = tasks.map((t) => ({
          id: t.id,
          title: t.title,
          description: t.description,
          completed: t.completed,
          due_at: t.due_at,
          priority: t.priority,
          tags: t.tags,
          repeat: t.repeat,
          reminders: t.reminders,
          overdue: t.overdue,
        }));
        // The contract's result is the bare array (the text); structured content must be an object, so it wraps it.
        return jsonResult({ tasks: listed }, listed);
      }),
  );
}

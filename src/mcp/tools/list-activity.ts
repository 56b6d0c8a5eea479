import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { dueSchema } from '../../domain/tasks/fields.js';
import { jsonResult, runTool, toolInput, type ToolContext } from './shared.js';

const activityEntry = z.object({
  id: z.int(),
  group_id: z.string(),
  op: z.string(),
  task_id: z.int(),
  title: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  source: z.string(),
  client: z.string().nullable(),
  created_at: z.string(),
  undone: z.boolean(),
  undoes: z.string().nullable(),
});

/** The result of `list_activity`. */
export const activityResultSchema = z.object({ changes: z.array(activityEntry) });

/** Register `list_activity`: the caller's recent task changes, newest first. */
export function registerListActivity(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'list_activity',
    {
      title: 'List recent changes',
      description:
        'The user\'s task changes, newest first: {op (create, update, complete, reopen, delete, restore), task_id, title, changes, source, created_at, undone}. ' +
        'Use it to answer "what did I change today?".',
      inputSchema: toolInput(
        {
          since: dueSchema.optional().describe('Only changes on or after this day or time, in the user\'s time zone: "YYYY-MM-DD", "today", "yesterday"'),
          limit: z.int().min(1).max(200).optional().describe('At most this many changes (default 50)'),
        },
        ctx.user,
      ),
      outputSchema: activityResultSchema,
      annotations: { title: 'List recent changes', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'list_activity', async () => {
        const changes = await ctx.work.read(extra, (domain) => domain.activity(ctx.user.id, { limit: args.limit ?? 50, since: args.since }));
        return jsonResult({ changes });
      }),
  );
}

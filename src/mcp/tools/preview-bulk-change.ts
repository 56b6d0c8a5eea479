import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { taskIdSchema } from '../../domain/tasks/fields.js';
import { changeRequest, jsonResult, runTool, toolInput, type ToolContext } from './shared.js';

/** The result of `preview_bulk_change`: the tasks to show the user, and the confirmation for a later request. */
export const bulkPreviewSchema = z.object({
  action: z.enum(['delete', 'complete']),
  confirmation: z.string().describe('Pass it with each delete_task / complete_task call once the user has agreed, in a later request'),
  tasks: z.array(z.object({ id: z.int(), title: z.string() })).describe('Show the user exactly these tasks'),
  expires_at: z.string(),
});

/** Register `preview_bulk_change`: the confirmation step that deleting more than 3 or completing more than 10 tasks needs. */
export function registerPreviewBulkChange(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'preview_bulk_change',
    {
      title: 'Prepare a bulk change',
      description:
        'Deleting more than 3 tasks or completing more than 10 in one request needs the user\'s confirmation. Call this with every task_id, ' +
        'show the user the returned list and ask; only if they agree in their next message, call delete_task / complete_task for each with the confirmation. ' +
        'Changes nothing itself.',
      inputSchema: toolInput(
        {
          action: z.enum(['delete', 'complete']).describe('What to do to the tasks'),
          task_ids: z.array(taskIdSchema).min(1).max(1000).describe('Every task the change covers'),
        },
        ctx.user,
      ),
      outputSchema: bulkPreviewSchema,
      annotations: { title: 'Prepare a bulk change', readOnlyHint: true, idempotentHint: false, openWorldHint: false },
    },
    (args, extra) =>
      runTool(ctx, 'preview_bulk_change', async () => {
        // Run under the caller's change group: the confirmation is accepted only in a later one.
        const preview = await ctx.work.change(changeRequest(ctx, extra), (domain) => domain.tasks.previewBulk(ctx.user.id, args.action, args.task_ids));
        return jsonResult({ ...preview });
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { changeRequest, jsonResult, runTool, toolInput, type ToolContext } from './shared.js';

const entry = z.object({ task_id: z.int().positive(), op: z.string(), title: z.string() });

/** The result of `undo`: what was put back, what was left alone and why, and a sentence to show. */
export const undoResultSchema = z.object({
  group_id: z.string().describe('The change group that was undone'),
  undone: z.array(entry).describe('The changes put back, newest first'),
  skipped: z.array(entry.extend({ reason: z.string() })).describe('Changes left alone because the task changed since (or is gone)'),
  message: z.string(),
});

/** Register `undo`: take back the caller's last group of changes. */
export function registerUndo(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'undo',
    {
      title: 'Undo the last change',
      description:
        'Take back the last set of task changes (the last request that added, changed, completed or deleted tasks), exactly as they were. ' +
        'Calling it again goes further back. A task changed again since is left alone, and the result says so.',
      inputSchema: toolInput({}, ctx.user),
      outputSchema: undoResultSchema,
      annotations: { title: 'Undo the last change', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (_args, extra) =>
      runTool(ctx, 'undo', async () => {
        const result = await ctx.work.change(changeRequest(ctx, extra), (domain) => domain.undo(ctx.user.id, { source: ctx.undoScope }));
        return jsonResult({ ...result });
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerAddTask } from './add-task.js';
import { registerCompleteTask } from './complete-task.js';
import { registerDeleteTask } from './delete-task.js';
import { registerListActivity } from './list-activity.js';
import { registerListTasks } from './list-tasks.js';
import { registerPreviewBulkChange } from './preview-bulk-change.js';
import type { ToolContext } from './shared.js';
import { registerUndo } from './undo.js';
import { registerUpdateTask } from './update-task.js';

export type { ToolContext } from './shared.js';

/** Register the task tools on a server bound to one user: the five of the contract, then undo, activity and the bulk-change preview. */
export function registerTaskTools(server: McpServer, ctx: ToolContext): void {
  registerAddTask(server, ctx);
  registerListTasks(server, ctx);
  registerCompleteTask(server, ctx);
  registerDeleteTask(server, ctx);
  registerUpdateTask(server, ctx);
  registerUndo(server, ctx);
  registerListActivity(server, ctx);
  registerPreviewBulkChange(server, ctx);
}

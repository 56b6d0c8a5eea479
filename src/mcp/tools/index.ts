import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerAddTask } from './add-task.js';
import { registerCompleteTask } from './complete-task.js';
import { registerDeleteTask } from './delete-task.js';
import { registerListTasks } from './list-tasks.js';
import type { ToolContext } from './shared.js';
import { registerUpdateTask } from './update-task.js';

export type { ToolContext } from './shared.js';

/** Register the five task tools on a server bound to one user. */
export function registerTaskTools(server: McpServer, ctx: ToolContext): void {
  registerAddTask(server, ctx);
  registerListTasks(server, ctx);
  registerCompleteTask(server, ctx);
  registerDeleteTask(server, ctx);
  registerUpdateTask(server, ctx);
}

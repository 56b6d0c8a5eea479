// An in-memory task store that executes the engine's tool calls the way the MCP tools do:
// bound to one user, newest first, failures as plain-text messages.
import { z } from 'zod';

/** A task as the store keeps it. */
export interface StoredTask {
  id: number;
  owner: string;
  title: string;
  description: string | null;
  completed: boolean;
}

/** A task to create before a conversation starts. */
export type SetupTask = string | { title: string; description?: string; completed?: boolean };

const addArgs = z.strictObject({ title: z.string().trim().min(1), description: z.string().optional() });
const listArgs = z.strictObject({ status: z.enum(['all', 'pending', 'completed']).optional() });
const idArgs = z.strictObject({ task_id: z.number().int() });
const updateArgs = z.strictObject({
  task_id: z.number().int(),
  title: z.string().trim().min(1).optional(),
  description: z.string().optional(),
});

/** Tasks of several users in one id sequence, like one database table. */
export class TaskStore {
  private readonly tasks: StoredTask[] = [];
  private nextId = 1;
  /** Tool calls whose arguments named a user: the engine must never produce one. */
  readonly violations: string[] = [];

  /** Creates tasks for a user, in order (so the last one is the newest). */
  seed(owner: string, setup: readonly SetupTask[] = []): void {
    for (const item of setup) {
      const spec = typeof item === 'string' ? { title: item } : item;
      const task = this.create(owner, spec.title, spec.description);
      task.completed = spec.completed ?? false;
    }
  }

  /** A snapshot of one user's tasks, oldest first. */
  snapshot(owner: string): StoredTask[] {
    return this.tasks.filter((t) => t.owner === owner).map((t) => ({ ...t }));
  }

  /** Runs one tool call for a user and returns the tool's text output. */
  execute(owner: string, name: string, args: Record<string, unknown>): string {
    if ('user_id' in args || 'userId' in args) {
      this.violations.push(`${name} was called with a user id`);
      return 'Refused: the user comes from the session, not from the model';
    }
    switch (name) {
      case 'add_task': {
        const parsed = addArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for add_task: ${parsed.error.message}`;
        const task = this.create(owner, parsed.data.title, parsed.data.description);
        return JSON.stringify({ task_id: task.id, status: 'created', title: task.title });
      }
      case 'list_tasks': {
        const parsed = listArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for list_tasks: ${parsed.error.message}`;
        const status = parsed.data.status ?? 'all';
        const tasks = this.tasks
          .filter((t) => t.owner === owner)
          .filter((t) => status === 'all' || t.completed === (status === 'completed'))
          .reverse()
          .map((t) => ({ id: t.id, title: t.title, description: t.description, completed: t.completed }));
        return JSON.stringify(tasks);
      }
      case 'complete_task':
      case 'delete_task': {
        const parsed = idArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for ${name}: ${parsed.error.message}`;
        const task = this.find(owner, parsed.data.task_id);
        if (!task) return `Task ${parsed.data.task_id} not found`;
        if (name === 'complete_task') task.completed = true;
        else this.tasks.splice(this.tasks.indexOf(task), 1);
        const status = name === 'complete_task' ? 'completed' : 'deleted';
        return JSON.stringify({ task_id: task.id, status, title: task.title });
      }
      case 'update_task': {
        const parsed = updateArgs.safeParse(args);
        if (!parsed.success) return `Invalid arguments for update_task: ${parsed.error.message}`;
        const task = this.find(owner, parsed.data.task_id);
        if (!task) return `Task ${parsed.data.task_id} not found`;
        if (parsed.data.title !== undefined) task.title = parsed.data.title;
        if (parsed.data.description !== undefined) task.description = parsed.data.description;
        return JSON.stringify({ task_id: task.id, status: 'updated', title: task.title });
      }
      default:
        return `Unknown tool ${name}`;
    }
  }

  private create(owner: string, title: string, description?: string): StoredTask {
    const task: StoredTask = { id: this.nextId++, owner, title, description: description ?? null, completed: false };
    this.tasks.push(task);
    return task;
  }

  private find(owner: string, id: number): StoredTask | undefined {
    return this.tasks.find((t) => t.id === id && t.owner === owner);
  }
}

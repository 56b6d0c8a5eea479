// The task REST routes.
import * as z from 'zod/mini';
import type { ApiClient } from './http';
import { taskSchema, type Task } from './schemas';

/** Which tasks the panel shows. */
export type TaskFilter = 'all' | 'pending' | 'completed';

const taskList = z.array(taskSchema);
const TASK = '/api/{user_id}/tasks/{id}';

/** Lists the user's tasks, newest first. */
export function listTasks(api: ApiClient, status: TaskFilter): Promise<Task[]> {
  return api.json(taskList, 'GET', `/api/{user_id}/tasks?status=${status}`);
}

/** Sets a task's completed flag (idempotent, unlike the toggle route). */
export function setTaskCompleted(api: ApiClient, id: number, completed: boolean): Promise<Task> {
  return api.json(taskSchema, 'PUT', TASK, { id }, { completed });
}

/** Renames a task. */
export function renameTask(api: ApiClient, id: number, title: string): Promise<Task> {
  return api.json(taskSchema, 'PUT', TASK, { id }, { title });
}

/** Deletes a task. */
export function deleteTask(api: ApiClient, id: number): Promise<void> {
  return api.send('DELETE', TASK, { id });
}

// The task REST routes, and the panel's filters and sort as their query parameters.
import * as z from 'zod/mini';
import { readApiError, type ApiClient, type Changed } from './http';
import { quickAddParseSchema, taskSchema, taskUpdateSchema, type Priority, type Reminder, type Task, type TaskDraft } from './schemas';

/** Which tasks the panel shows by completion. */
export type TaskStatus = 'all' | 'pending' | 'completed';

/** The orders the server can list tasks in. */
export type TaskSort = 'created' | 'due' | 'priority' | 'title';

/** The panel's filters and sort, as the user set them. */
export interface TaskQuery {
  readonly status: TaskStatus;
  readonly sort: TaskSort;
  readonly overdue: boolean;
  readonly priority: Priority | null;
  readonly tag: string | null;
  /** Words the title or description must contain ('' for none). */
  readonly text: string;
}

/** All tasks, newest first: what the panel shows at first. */
export const DEFAULT_TASK_QUERY: TaskQuery = Object.freeze({
  status: 'all',
  sort: 'created',
  overdue: false,
  priority: null,
  tag: null,
  text: '',
});

/** The change that turns every filter off (status and sort stay as they are). */
export const CLEARED_FILTERS: Partial<TaskQuery> = Object.freeze({ overdue: false, priority: null, tag: null, text: '' });

/** The changes the panel can make to a task (`null` clears a detail; see docs/task-details.md). */
export interface TaskPatch {
  readonly title?: string;
  readonly description?: string | null;
  readonly completed?: boolean;
  /** "YYYY-MM-DD", or a local "YYYY-MM-DDTHH:mm" the server reads in the user's time zone. */
  readonly due_at?: string | null;
  readonly priority?: Priority | null;
  readonly tags?: readonly string[] | null;
  readonly repeat?: string | null;
  /** The whole list (`[]` removes them all); an `at` may be a local "YYYY-MM-DDTHH:mm" read in the user's zone. */
  readonly reminders?: readonly Reminder[];
}

/** The result of a task update. */
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

const taskList = z.array(taskSchema);
const TASK = '/api/{user_id}/tasks/{id}';

/** The query string for `GET /api/{user_id}/tasks`; defaults are left out so old servers see old URLs. */
export function taskQueryString(query: TaskQuery): string {
  const params = new URLSearchParams({ status: query.status });
  if (query.sort !== 'created') params.set('sort', query.sort);
  if (query.overdue) params.set('overdue', 'true');
  if (query.priority) params.set('priority', query.priority);
  if (query.tag) params.set('tag', query.tag);
  const text = query.text.trim();
  if (text) params.set('query', text);
  return params.toString();
}

/** How many filters beyond status narrow the list (the badge on the filter button). */
export function activeFilterCount(query: TaskQuery): number {
  return [query.overdue, query.priority !== null, query.tag !== null, query.text.trim() !== ''].filter(Boolean).length;
}

/** Lists the user's tasks with the panel's filters and sort. */
export function listTasks(api: ApiClient, query: TaskQuery): Promise<Task[]> {
  return api.json(taskList, 'GET', `/api/{user_id}/tasks?${taskQueryString(query)}`);
}

/** Changes a task (setting `completed` is idempotent, unlike the toggle route); the group undoes it. */
export function updateTask(api: ApiClient, id: number, patch: TaskPatch): Promise<Changed<TaskUpdate>> {
  return api.change(taskUpdateSchema, 'PUT', TASK, { id }, patch);
}

/** Deletes a task (it goes to "Recently deleted"); resolves with the change group that undoes it. */
export function deleteTask(api: ApiClient, id: number): Promise<string | null> {
  return api.send('DELETE', TASK, { id });
}

/** What a quick-add line means, without creating anything; `signal` cancels a preview the user typed past. */
export async function parseQuickAdd(api: ApiClient, text: string, signal?: AbortSignal): Promise<TaskDraft[]> {
  const response = await api.fetch(api.url('/api/{user_id}/tasks/parse'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
    signal,
  });
  if (!response.ok) throw await readApiError(response);
  return quickAddParseSchema.parse(await response.json()).tasks;
}

/** Creates a task from a quick-add draft (title, description, due, priority, tags, repeat). */
export function createTask(api: ApiClient, draft: TaskDraft): Promise<Task> {
  return api.json(taskSchema, 'POST', '/api/{user_id}/tasks', {}, draft);
}

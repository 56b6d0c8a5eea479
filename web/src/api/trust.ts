// Trust: undo a change group, the activity journal, and "Recently deleted" with restore.
import * as z from 'zod/mini';
import type { ApiClient } from './http';
import { activityEntrySchema, taskSchema, trashedTaskSchema, undoResultSchema, type ActivityEntry, type Task, type TrashedTask, type UndoResult } from './schemas';

const activityList = z.array(activityEntrySchema);
const trashList = z.array(trashedTaskSchema);

/** Takes back every change of one group (a chat turn, a panel action); 409 CONFLICT when it was already undone. */
export function undoChanges(api: ApiClient, groupId: string): Promise<UndoResult> {
  return api.json(undoResultSchema, 'POST', '/api/{user_id}/undo', {}, { group_id: groupId });
}

/** A page of the user's changes, newest first; `before` is the id of the last entry already shown. */
export function listActivity(api: ApiClient, page: { limit: number; before?: number | undefined }): Promise<ActivityEntry[]> {
  const query = new URLSearchParams({ limit: String(page.limit) });
  if (page.before !== undefined) query.set('before', String(page.before));
  return api.json(activityList, 'GET', `/api/{user_id}/activity?${query.toString()}`);
}

/** The deleted tasks, most recently deleted first. */
export function listTrash(api: ApiClient): Promise<TrashedTask[]> {
  return api.json(trashList, 'GET', '/api/{user_id}/trash');
}

/** Brings a task back from "Recently deleted". */
export function restoreTask(api: ApiClient, id: number): Promise<Task> {
  return api.json(taskSchema, 'POST', '/api/{user_id}/tasks/{id}/restore', { id });
}

// Calls the REST API as the page's signed-in user: for state the chat cannot set up (a task due in the past).
import type { Page } from 'playwright-core';

function stringAt(value: unknown, path: readonly string[]): string {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? Object.getOwnPropertyDescriptor(current, key)?.value : undefined;
  if (typeof current !== 'string') throw new Error(`expected a string at ${path.join('.')} in ${JSON.stringify(value)}`);
  return current;
}

/** The page's signed-in user as the REST API sees them: a bearer JWT and the `/api/{user_id}` prefix. */
async function apiAs(page: Page): Promise<{ base: string; headers: Record<string, string> }> {
  const origin = new URL(page.url()).origin;
  // page.request shares the browser context's cookies, so it is the user who is signed in on the page.
  const token = stringAt(await (await page.request.get(`${origin}/api/auth/token`)).json(), ['token']);
  const userId = stringAt(await (await page.request.get(`${origin}/api/auth/get-session`)).json(), ['user', 'id']);
  return { base: `${origin}/api/${encodeURIComponent(userId)}`, headers: { Authorization: `Bearer ${token}` } };
}

/** Creates a task through `POST /api/{user_id}/tasks` with the page's session cookie; returns the HTTP status. */
export async function createTaskViaApi(page: Page, task: Record<string, unknown>): Promise<number> {
  return (await createTasksViaApi(page, [task]))[0] ?? 0;
}

/** Creates tasks one after another (in order, so their numbers follow it) as another REST client would; returns the statuses. */
export async function createTasksViaApi(page: Page, tasks: readonly Record<string, unknown>[]): Promise<number[]> {
  const api = await apiAs(page);
  const statuses: number[] = [];
  for (const task of tasks) statuses.push((await page.request.post(`${api.base}/tasks`, { headers: api.headers, data: task })).status());
  return statuses;
}

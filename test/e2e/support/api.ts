// Calls the REST API as the page's signed-in user: for state the chat cannot set up (a task due in the past).
import type { Page } from 'playwright-core';

function stringAt(value: unknown, path: readonly string[]): string {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? Object.getOwnPropertyDescriptor(current, key)?.value : undefined;
  if (typeof current !== 'string') throw new Error(`expected a string at ${path.join('.')} in ${JSON.stringify(value)}`);
  return current;
}

/** Creates a task through `POST /api/{user_id}/tasks` with the page's session cookie; returns the HTTP status. */
export async function createTaskViaApi(page: Page, task: Record<string, unknown>): Promise<number> {
  const origin = new URL(page.url()).origin;
  // page.request shares the browser context's cookies, so it is the user who is signed in on the page.
  const token = stringAt(await (await page.request.get(`${origin}/api/auth/token`)).json(), ['token']);
  const userId = stringAt(await (await page.request.get(`${origin}/api/auth/get-session`)).json(), ['user', 'id']);
  const response = await page.request.post(`${origin}/api/${encodeURIComponent(userId)}/tasks`, {
    headers: { Authorization: `Bearer ${token}` },
    data: task,
  });
  return response.status();
}

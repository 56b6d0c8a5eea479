import { z } from 'zod';
import { expect, expectStatus, read, signUpSchema, tokenSchema, type SmokeClient } from './client.js';

/** A user the smoke run created, with what it needs to act as them and to delete them afterwards. */
export interface SmokeUser {
  id: string;
  email: string;
  password: string;
  sessionToken: string;
  jwt: string;
}

/** Sign up a new user over the public API and fetch a JWT for it. */
export async function signUp(client: SmokeClient, email: string, password: string): Promise<SmokeUser> {
  const res = await client.request('POST', '/api/auth/sign-up/email', { json: { name: 'Smoke Test', email, password } });
  expectStatus(res, 200, 'sign-up');
  const { user } = read(signUpSchema, res, 'sign-up');
  const sessionToken = res.headers.get('set-auth-token');
  expect(sessionToken, 'sign-up: no set-auth-token header (is the bearer plugin enabled?)');
  return { id: user.id, email, password, sessionToken, jwt: await fetchJwt(client, sessionToken) };
}

/** Sign in again: a new session, and a new JWT minted from it. */
export async function signIn(client: SmokeClient, user: SmokeUser): Promise<{ sessionToken: string; jwt: string }> {
  const res = await client.request('POST', '/api/auth/sign-in/email', { json: { email: user.email, password: user.password } });
  expectStatus(res, 200, 'sign-in');
  const sessionToken = res.headers.get('set-auth-token');
  expect(sessionToken, 'sign-in: no set-auth-token header');
  return { sessionToken, jwt: await fetchJwt(client, sessionToken) };
}

async function fetchJwt(client: SmokeClient, sessionToken: string): Promise<string> {
  const res = await client.request('GET', '/api/auth/token', { token: sessionToken });
  expectStatus(res, 200, 'GET /api/auth/token');
  return read(tokenSchema, res, 'GET /api/auth/token').token;
}

/** How a smoke user was removed. */
export type CleanupOutcome = 'deleted' | 'data-only' | 'failed';

const idList = z.array(z.object({ id: z.number().int() }));
const deleteReply = z.object({ message: z.string() });

/**
 * Delete the user (Better Auth's delete-user, which cascades to their tasks and conversations). A server
 * that has not enabled account deletion answers 404: the user's tasks and conversations are then deleted
 * through the API instead, and the account itself is left (reported as `data-only`).
 */
export async function deleteSmokeUser(client: SmokeClient, user: SmokeUser): Promise<{ outcome: CleanupOutcome; detail: string }> {
  const res = await client.request('POST', '/api/auth/delete-user', { token: user.sessionToken, json: { password: user.password } });
  if (res.status === 200) {
    const deleted = deleteReply.safeParse(res.body);
    if (deleted.success && deleted.data.message === 'User deleted') return { outcome: 'deleted', detail: `${user.email} deleted` };
    return { outcome: 'failed', detail: `delete-user did not delete at once: ${res.text.slice(0, 120)}` };
  }
  if (res.status !== 404) return { outcome: 'failed', detail: `delete-user answered ${res.status} ${res.text.slice(0, 120)}` };
  let removed = 0;
  for (const kind of ['tasks', 'conversations'] as const) {
    const list = await client.request('GET', `/api/${user.id}/${kind}${kind === 'tasks' ? '?limit=1000' : ''}`, { token: user.jwt });
    const items = idList.safeParse(list.body);
    if (list.status !== 200 || !items.success) return { outcome: 'failed', detail: `listing ${kind} answered ${list.status}` };
    for (const item of items.data) {
      const del = await client.request('DELETE', `/api/${user.id}/${kind}/${item.id}`, { token: user.jwt });
      if (del.status !== 204) return { outcome: 'failed', detail: `deleting ${kind} ${item.id} answered ${del.status}` };
      removed += 1;
    }
  }
  return { outcome: 'data-only', detail: `${user.email}: ${removed} tasks/conversations deleted; the account remains (the server does not enable account deletion)` };
}

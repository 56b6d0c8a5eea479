// The authorization of an MCP connector as the browser sees it: Better Auth's OAuth provider sends the person to
// /oauth/sign-in or /oauth/consent with a signed copy of the client's request in the query string.
import type { AppConfig } from '../config';
import { ApiError, networkError } from './errors';
import { readApiError, type ApiClient } from './http';

/** The query parameters the provider adds to sign the request; the authorize endpoint takes the request without them. */
const SIGNATURE_PARAMS = ['sig', 'exp', 'ba_iat', 'ba_param', 'ba_pl'];

/** Where the browser goes back to after signing in: the same authorization request, now with a session. */
export function authorizeUrl(config: AppConfig, search: string): string {
  const params = new URLSearchParams(search);
  for (const name of SIGNATURE_PARAMS) params.delete(name);
  return `${authBase(config)}/oauth2/authorize?${params.toString()}`;
}

/** What each scope lets a connector do, in words a person can weigh. */
export function describeScopes(scope: string | null): string[] {
  const scopes = new Set((scope ?? '').split(' ').filter(Boolean));
  const lines: string[] = [];
  if (scopes.has('tasks')) lines.push('Read and change your tasks');
  if (scopes.has('profile') || scopes.has('email') || scopes.has('openid')) lines.push('See your name and email address');
  if (scopes.has('offline_access')) lines.push('Stay connected until you disconnect it');
  return lines;
}

/** The client asking, as it registered itself. */
export interface OAuthClientInfo {
  readonly name: string;
  readonly uri: string | null;
}

function authBase(config: AppConfig): string {
  return new URL(config.authBasePath, window.location.origin).href.replace(/\/$/, '');
}

async function failure(response: Response, what: string): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const message =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : body && typeof body === 'object' && 'error_description' in body && typeof body.error_description === 'string'
        ? body.error_description
        : `${what} failed (HTTP ${response.status}).`;
  return new ApiError(response.status, 'OAUTH_FAILED', message);
}

/** The name and site of the client asking for access. */
export async function fetchClient(config: AppConfig, clientId: string): Promise<OAuthClientInfo> {
  let response: Response;
  try {
    response = await fetch(`${authBase(config)}/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`, { credentials: 'include' });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await failure(response, 'Looking up the app');
  const body = (await response.json()) as { client_name?: unknown; client_uri?: unknown };
  return {
    name: typeof body.client_name === 'string' && body.client_name.trim() ? body.client_name.trim() : 'An unnamed app',
    uri: typeof body.client_uri === 'string' ? body.client_uri : null,
  };
}

/** Answer the consent request; resolves with the URL to send the browser to (the client's redirect URI). */
export async function answerConsent(config: AppConfig, search: string, accept: boolean): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${authBase(config)}/oauth2/consent`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accept, oauth_query: search.replace(/^\?/, '') }),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await failure(response, 'Answering the request');
  const body = (await response.json()) as { url?: unknown; redirect_uri?: unknown };
  const target = typeof body.url === 'string' ? body.url : typeof body.redirect_uri === 'string' ? body.redirect_uri : null;
  if (!target) throw new ApiError(502, 'OAUTH_FAILED', 'The server did not say where to go next.');
  return target;
}

/** An app the user connected, as /api/{user_id}/connected-apps lists it. */
export interface ConnectedApp {
  readonly client_id: string;
  readonly name: string;
  readonly uri: string | null;
  readonly scopes: readonly string[];
  readonly connected_at: string;
}

/** The apps the user connected, most recent first. */
export async function listConnectedApps(api: ApiClient): Promise<ConnectedApp[]> {
  const response = await api.fetch(api.url('/api/{user_id}/connected-apps'));
  if (!response.ok) throw await readApiError(response);
  return (await response.json()) as ConnectedApp[];
}

/** Disconnect an app: its tokens stop working on their next call. */
export async function revokeConnectedApp(api: ApiClient, clientId: string): Promise<void> {
  await api.send('DELETE', '/api/{user_id}/connected-apps/{client_id}', { client_id: clientId });
}

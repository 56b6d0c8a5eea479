// Authorized calls to `/api/{user_id}/…`: bearer JWT, one retry with a fresh token on 401, errors as ApiError.
import type * as z from 'zod/mini';
import { buildApiUrl, type AppConfig } from '../config';
import type { Auth } from './auth';
import { ApiError, isAbort, networkError } from './errors';
import { errorBodySchema } from './schemas';

type Params = Readonly<Record<string, string | number | undefined>>;

/** The per-user API client the data modules are written against. */
export interface ApiClient {
  readonly userId: string;
  /** Builds a URL from a template; `{user_id}` is filled in for you. */
  url(template: string, params?: Params): string;
  /** Sends an authorized request and returns the raw response (any status but a second 401). */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Sends a request and parses a JSON answer with the schema; throws ApiError on an error status. */
  json<S extends z.ZodMiniType>(schema: S, method: string, template: string, params?: Params, body?: unknown): Promise<z.infer<S>>;
  /** `json` for a change: the parsed answer with the change group the server recorded it in (POST /undo takes it). */
  change<S extends z.ZodMiniType>(schema: S, method: string, template: string, params?: Params, body?: unknown): Promise<Changed<z.infer<S>>>;
  /** Sends a request whose answer has no body worth reading (204); resolves with its change group, if any. */
  send(method: string, template: string, params?: Params, body?: unknown): Promise<string | null>;
}

/** A change's answer and the group it was recorded in (null from a server that does not name one). */
export interface Changed<T> {
  readonly value: T;
  readonly group: string | null;
}

/** The header a change's answer names its change group in. */
export const CHANGE_GROUP_HEADER = 'x-change-group';
/** Sent with every call so the server journals the UI's changes as "web" rather than "rest". */
const CLIENT_HEADER = 'x-todo-client';

const STATUS_HINTS: Readonly<Record<number, string>> = {
  403: 'You are not allowed to do that.',
  404: 'That no longer exists — it may have been deleted.',
  429: 'Too many requests: wait a moment, then retry.',
  502: 'The assistant is not answering right now. Retry in a moment.',
  503: 'The server is busy or restarting. Retry in a moment.',
  504: 'The assistant took too long to answer. Retry in a moment.',
};

/** Reads an error response into an ApiError, falling back to a message for the status. */
export async function readApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null; // not JSON: a proxy's HTML error page, for example
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
  const hint = STATUS_HINTS[response.status] ?? `The server answered with an error (HTTP ${response.status}). Retry in a moment.`;
  return new ApiError(response.status, `HTTP_${response.status}`, hint);
}

/** Builds the API client for one signed-in user. */
export function createApiClient(config: AppConfig, auth: Auth, userId: string): ApiClient {
  const url = (template: string, params: Params = {}): string =>
    buildApiUrl(template, { user_id: userId, ...params }, config.apiBaseUrl);

  async function attempt(target: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set(CLIENT_HEADER, 'web');
    try {
      return await fetch(target, { ...init, headers });
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw networkError(cause);
    }
  }

  async function authorizedFetch(target: string, init: RequestInit = {}): Promise<Response> {
    const response = await attempt(target, init, await auth.getToken());
    if (response.status !== 401) return response;
    // The JWT expired or the keys rotated: one retry with a new token (which throws if the session is gone).
    return attempt(target, init, await auth.getToken(true));
  }

  function init(method: string, body: unknown): RequestInit {
    if (body === undefined) return { method };
    return { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  }

  async function request(method: string, template: string, params: Params | undefined, body: unknown): Promise<Response> {
    const response = await authorizedFetch(url(template, params), init(method, body));
    if (!response.ok) throw await readApiError(response);
    return response;
  }

  return {
    userId,
    url,
    fetch: authorizedFetch,
    async json(schema, method, template, params, body) {
      const response = await request(method, template, params, body);
      return schema.parse(await response.json());
    },
    async change(schema, method, template, params, body) {
      const response = await request(method, template, params, body);
      return { value: schema.parse(await response.json()), group: response.headers.get(CHANGE_GROUP_HEADER) };
    },
    async send(method, template, params, body) {
      const response = await request(method, template, params, body);
      return response.headers.get(CHANGE_GROUP_HEADER);
    },
  };
}

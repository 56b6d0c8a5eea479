// Sign-up, sign-in and sign-out through Better Auth's client, plus the short-lived API JWT.
import { createAuthClient } from 'better-auth/client';
import type { AppConfig } from '../config';
import { authErrorMessage, type AuthClientError } from './auth-errors';
import { ApiError, SessionExpiredError, networkError } from './errors';
import { tokenSchema } from './schemas';

/** The signed-in user as the UI needs it. */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** What the auth layer offers the rest of the UI. */
export interface Auth {
  getSessionUser(): Promise<SessionUser | null>;
  signUp(input: { name: string; email: string; password: string }): Promise<SessionUser>;
  signIn(input: { email: string; password: string }): Promise<SessionUser>;
  signOut(): Promise<void>;
  /** A JWT for `/api/{user_id}/…`; `fresh` skips the cache (after a 401). */
  getToken(fresh?: boolean): Promise<string>;
}

// Renew a little before the server's 15-minute expiry so a request never leaves with a dying token.
const EXPIRY_MARGIN_MS = 60_000;
const FALLBACK_LIFETIME_MS = 10 * 60_000;

function tokenExpiry(token: string, now: number): number {
  const payload = token.split('.')[1];
  if (!payload) return now + FALLBACK_LIFETIME_MS;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof json === 'object' && json !== null && 'exp' in json && typeof json.exp === 'number') {
      return json.exp * 1000 - EXPIRY_MARGIN_MS;
    }
  } catch (error) {
    console.warn('Could not read the JWT expiry; renewing it early', error);
  }
  return now + FALLBACK_LIFETIME_MS;
}

function toUser(user: { id: string; name?: string | null; email: string }): SessionUser {
  return { id: user.id, name: user.name ?? '', email: user.email };
}

function authFailure(error: AuthClientError): ApiError {
  return new ApiError(error.status, error.code ?? 'AUTH_FAILED', authErrorMessage(error, window.location.origin));
}

/** Builds the auth layer for the given config (no request is made until a method is called). */
export function createAuth(config: AppConfig): Auth {
  const baseURL = new URL(config.authBasePath, window.location.origin).href;
  const client = createAuthClient({ baseURL });
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${baseURL}/token`, { credentials: 'include' });
    } catch (cause) {
      throw networkError(cause);
    }
    if (response.status === 401) {
      cached = null;
      throw new SessionExpiredError();
    }
    if (!response.ok) throw new ApiError(response.status, 'TOKEN_FAILED', `Could not get an API token (HTTP ${response.status}).`);
    const { token } = tokenSchema.parse(await response.json());
    cached = { token, expiresAt: tokenExpiry(token, Date.now()) };
    return token;
  }

  return {
    async getSessionUser() {
      const { data, error } = await client.getSession();
      if (error) throw authFailure(error);
      return data ? toUser(data.user) : null;
    },
    async signUp(input) {
      const { data, error } = await client.signUp.email(input);
      if (error) throw authFailure(error);
      cached = null;
      return toUser(data.user);
    },
    async signIn(input) {
      const { data, error } = await client.signIn.email(input);
      if (error) throw authFailure(error);
      cached = null;
      return toUser(data.user);
    },
    async signOut() {
      cached = null;
      const { error } = await client.signOut();
      if (error) throw authFailure(error);
    },
    getToken(fresh = false) {
      if (!fresh && cached && cached.expiresAt > Date.now()) return Promise.resolve(cached.token);
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}

import { apiKey } from '@better-auth/api-key';
import { AppError } from '../errors.js';
import type { AuthUser, VerifyToken } from './verify-token.js';

// Personal API keys (Better Auth's api-key plugin) for scripts and header-configured MCP clients. A key's scope
// is its plugin configuration: an `mcp` key opens /mcp only, a `rest` key /api/{user_id}/… only. Keys are stored
// hashed (SHA-256), shown once at creation, limited per key, and deleted (revoked) at once.

/** What a personal key may open. */
export const API_KEY_SCOPES = ['mcp', 'rest'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Requests one key may make per minute before it gets 429s (each MCP or REST request counts once). */
export const API_KEY_REQUESTS_PER_MINUTE = 120;

const PREFIX: Record<ApiKeyScope, string> = { mcp: 'todo_mcp_', rest: 'todo_api_' };

/** The api-key plugin with one configuration per scope. */
export function apiKeyPlugin() {
  return apiKey(
    API_KEY_SCOPES.map((scope) => ({
      configId: scope,
      defaultPrefix: PREFIX[scope],
      requireName: true,
      maximumNameLength: 60,
      startingCharactersConfig: { charactersLength: PREFIX[scope].length + 4 },
      // Optional expiry between a day and a year; none by default.
      keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 365 },
      rateLimit: { enabled: true, timeWindow: 60_000, maxRequests: API_KEY_REQUESTS_PER_MINUTE },
    })),
  );
}

/** What the plugin's server-side `verifyApiKey` answers (the part read here). */
export interface ApiKeyCheck {
  valid: boolean;
  error: { code?: string } | null;
  key: { referenceId: string } | null;
}

/**
 * Verify a personal key of `scope` with `check` (the auth instance's `api.verifyApiKey`, passed in so this file
 * does not import the instance): its owner, or UNAUTHENTICATED (unknown, revoked, expired, other scope) or RATE_LIMITED.
 */
export function createApiKeyVerifier(check: (key: string, scope: ApiKeyScope) => Promise<ApiKeyCheck>, scope: ApiKeyScope): VerifyToken {
  return async function verifyApiKey(key: string): Promise<AuthUser> {
    // Not shaped like any of our keys: refused without a database lookup.
    const ours = API_KEY_SCOPES.some((s) => key.startsWith(PREFIX[s]));
    const result: ApiKeyCheck = ours ? await check(key, scope) : { valid: false, error: null, key: null };
    if (result.valid && result.key) return { id: result.key.referenceId };
    const code = result.error?.code;
    if (code === 'RATE_LIMITED' || code === 'USAGE_EXCEEDED') {
      throw new AppError('RATE_LIMITED', `Too many requests with this API key: at most ${API_KEY_REQUESTS_PER_MINUTE} a minute; retry shortly`);
    }
    if (code === 'KEY_EXPIRED') throw new AppError('UNAUTHENTICATED', 'This API key has expired: create a new one in Settings > API keys');
    const other = scope === 'mcp' ? 'the REST API (/api/{user_id}/...)' : 'MCP (/mcp)';
    throw new AppError(
      'UNAUTHENTICATED',
      `The API key is invalid, revoked or not for this endpoint (a ${scope === 'mcp' ? 'REST' : 'MCP'}-scoped key works only with ${other}): create one in Settings > API keys`,
    );
  };
}

/** A JWT has three dot-separated parts; a personal key has none. */
const looksLikeJwt = (token: string) => token.split('.').length === 3;

/** Accept a JWT (checked by `jwt`) or a personal key (checked by `apiKey`) on the same endpoint. */
export function jwtOrApiKey(jwt: VerifyToken, apiKey: VerifyToken): VerifyToken {
  return (token) => (looksLikeJwt(token) ? jwt(token) : apiKey(token));
}

import { AppError } from '../errors.js';

// The one reader of `Authorization: Bearer …` for every endpoint that takes a token (REST, /mcp, /metrics).

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined for none, another scheme or a malformed one. */
export function bearerTokenOf(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}

/** The Bearer token of a request's Authorization header, or UNAUTHENTICATED saying where to get one (never from the query string). */
export function requireBearer(header: string | string[] | undefined): string {
  const token = bearerTokenOf(header);
  if (!token) throw new AppError('UNAUTHENTICATED', 'Missing access token: send Authorization: Bearer <JWT> (from /api/auth/token)');
  return token;
}

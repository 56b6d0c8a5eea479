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

/**
 * The credential of a request: `Authorization: Bearer <JWT or API key>`, or a personal API key in `x-api-key`
 * (clients that cannot set Authorization); UNAUTHENTICATED saying how to send one otherwise.
 */
export function requireCredential(headers: { authorization?: string | string[]; 'x-api-key'?: string | string[] }): string {
  const token = bearerTokenOf(headers.authorization) ?? API_KEY.exec(typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : '')?.[1];
  if (!token) {
    throw new AppError('UNAUTHENTICATED', 'Missing access token: send Authorization: Bearer <JWT from /api/auth/token, or a personal API key>');
  }
  return token;
}

const API_KEY = /^\s*([A-Za-z0-9._~+/=-]+)\s*$/;

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser, VerifyToken } from '../auth/verify-token.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller proven by the Bearer JWT (set on /api/{user_id}/… routes). */
    authUser?: AuthUser;
  }
}

/** Read the Bearer token of a request, or throw UNAUTHENTICATED. Tokens are never taken from the query string. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new AppError('UNAUTHENTICATED', 'Missing access token: send Authorization: Bearer <JWT> (from /api/auth/token)');
  }
  return match[1];
}

/** A preHandler that verifies the JWT and requires the path's {user_id} to be the token's subject. */
export function requireUser(verifyToken: VerifyToken) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const user = await verifyToken(bearerToken(request));
    const { userId } = request.params as { userId?: string };
    if (userId !== user.id) throw new AppError('FORBIDDEN', 'This token may only access its own user\'s data');
    request.authUser = user;
  };
}

/** The authenticated user of a request that passed requireUser. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.authUser) throw new AppError('UNAUTHENTICATED', 'Not authenticated');
  return request.authUser;
}

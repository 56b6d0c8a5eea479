import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireCredential } from '../auth/bearer.js';
import type { AuthUser, VerifyToken } from '../auth/verify-token.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller proven by the Bearer JWT (set on /api/{user_id}/… routes). */
    authUser?: AuthUser;
  }
}

/** A preHandler that verifies the JWT or REST-scoped API key and requires the path's {user_id} to be the token's subject. */
export function requireUser(verifyToken: VerifyToken) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const user = await verifyToken(requireCredential(request.headers));
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

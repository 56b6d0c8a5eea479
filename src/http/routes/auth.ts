import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/auth.js';
import { AppError } from '../../errors.js';

export interface AuthRouteOptions {
  auth: Auth;
  publicUrl: string;
  /** Sign-up/sign-in attempts per IP per minute. */
  rateLimitMax: number;
}

/** Mount Better Auth at /api/auth: Fastify's request becomes a web Request and Better Auth's Response is sent back. */
export function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  async function handler(request: FastifyRequest, reply: FastifyReply) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
    const response = await options.auth.handler(
      new Request(new URL(request.url, options.publicUrl), {
        method: request.method,
        headers,
        body: hasBody ? reserialize(request.body) : undefined,
      }),
    );
    reply.status(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  }

  app.get('/api/auth/*', handler);
  app.post('/api/auth/*', {
    config: { rateLimit: { max: options.rateLimitMax, timeWindow: '1 minute' } },
    handler,
  });
}

/** The parsed body as JSON again; a body too deeply nested to serialise is the caller's error, not a 500. */
function reserialize(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The request body is nested too deeply', { cause: error });
  }
}

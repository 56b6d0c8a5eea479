import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/auth.js';
import type { OriginPolicy } from '../../auth/origins.js';
import { cleanText } from '../../domain/validation.js';
import { AppError, errorBody } from '../../errors.js';
import { codeForStatus } from '../error-handler.js';

export interface AuthRouteOptions {
  auth: Auth;
  publicUrl: string;
  /** Trusted origins, and what to tell a browser on another one. */
  origins: OriginPolicy;
  /** Sign-up/sign-in attempts per IP per minute. */
  rateLimitMax: number;
  /** Resolves true when the database answers: Better Auth turns a database failure into a 401 or a bare 500. */
  isDatabaseUp: () => Promise<boolean>;
}

/** Mount Better Auth at /api/auth: Fastify's request becomes a web Request and Better Auth's Response is sent back. */
export async function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  // Only here are form bodies taken (OAuth clients post forms, RFC 6749 §4.1.3); the rest of the API stays JSON-only.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    mountAuthHandler(scope, options);
  });
}

function mountAuthHandler(app: FastifyInstance, options: AuthRouteOptions): void {
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
        // A form body (the OAuth token, revocation and registration endpoints) goes on as it came.
        body: hasBody ? (typeof request.body === 'string' ? request.body : reserialize(request.body)) : undefined,
      }),
    );
    // "Unauthorized" from /token during an outage would sign every client out: it is a 503 to retry.
    if ((response.status === 401 || response.status >= 500) && !(await options.isDatabaseUp())) {
      throw new AppError('UNAVAILABLE', 'The database is unavailable; retry shortly');
    }
    reply.status(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    if (response.status >= 400) {
      // OAuth clients read RFC 6749's `{error: "invalid_grant", error_description}`: the protocol endpoints keep it.
      if (response.status < 500 && isOAuthProtocolPath(request.url)) {
        return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
      }
      if (response.status >= 500) request.log.error({ status_code: response.status }, 'auth handler failed');
      const body = await contractErrorBody(response);
      // Better Auth's bare "Invalid origin" leaves a person stuck: say which address works.
      if (typeof body.code === 'string' && ORIGIN_REFUSALS.has(body.code)) {
        return reply.type('application/json; charset=utf-8').send(withMessage(body, options.origins.refusal(request.headers.origin)));
      }
      return reply.type('application/json; charset=utf-8').send(body);
    }
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  }

  app.get('/api/auth/*', handler);
  app.post('/api/auth/*', {
    config: { rateLimit: { max: options.rateLimitMax, timeWindow: '1 minute' } },
    handler,
  });
}

/** The OAuth 2.1 endpoints whose error bodies are the protocol's, not the contract's. */
function isOAuthProtocolPath(url: string): boolean {
  return /^\/api\/auth\/oauth2\/(token|register|revoke|introspect|userinfo|authorize|end-session)(\?|$)/.test(url);
}

/** Better Auth's codes for a request from an origin it does not trust. */
const ORIGIN_REFUSALS = new Set(['INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN']);

/** The contract body with both messages (ours and Better Auth's own) replaced. */
function withMessage(body: Record<string, unknown>, message: string): Record<string, unknown> {
  const error = body.error && typeof body.error === 'object' ? body.error : {};
  return { ...body, message, error: { ...error, message } };
}

/**
 * The parsed body as JSON again, with the text rule applied to the display name (the only free text Better Auth
 * stores; a NUL in it was a bare "Failed to create user"). A body too deeply nested to serialise is the caller's
 * error, not a 500.
 */
function reserialize(body: unknown): string {
  try {
    return JSON.stringify(body, (key, value: unknown) => (key === 'name' && typeof value === 'string' ? cleanText(value) : value));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The request body is nested too deeply', { cause: error });
  }
}

/**
 * Better Auth's error as the contract's `{error: {code, message}}`; its own `{message, code}` stay beside it
 * for Better Auth's client, which reads them.
 */
async function contractErrorBody(response: Response): Promise<Record<string, unknown>> {
  let own: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) own = parsed as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body: the status alone says what happened.
  }
  const code = codeForStatus(response.status);
  const message = typeof own.message === 'string' && own.message ? own.message : defaultMessages[code] ?? 'The request failed';
  return { ...own, ...errorBody(code, message) };
}

const defaultMessages: Partial<Record<ReturnType<typeof codeForStatus>, string>> = {
  NOT_FOUND: 'No such auth endpoint',
  UNAUTHENTICATED: 'Sign in first',
  INTERNAL: 'Something went wrong on our side; it has been logged',
};

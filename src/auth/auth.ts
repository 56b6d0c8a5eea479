import { oauthProvider } from '@better-auth/oauth-provider';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer, jwt } from 'better-auth/plugins';
import type { Database } from '../db/client.js';
import { schema } from '../db/schema.js';
import { apiKeyPlugin } from './api-keys.js';

export interface AuthOptions {
  db: Database;
  secret: string;
  /** The public URL of this server: Better Auth's base URL and the JWT issuer. */
  baseUrl: string;
  /** The browser origins allowed to call the auth routes (PUBLIC_URL, CORS_ORIGINS, loopback in development). */
  trustedOrigins: readonly string[];
  jwtTtlSeconds: number;
  /** Where Better Auth's own log lines go (it prints to the console otherwise, unredacted). */
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]) => void;
}

/** The audiences every JWT names: this server's REST API and its MCP resource. */
export function jwtAudiences(baseUrl: string): [string, string] {
  return [`${baseUrl}/api`, `${baseUrl}/mcp`];
}

/** The scope a connector needs for the MCP tools: what the consent screen calls "read and change your tasks". */
export const TASKS_SCOPE = 'tasks';

/** Every scope the authorization server knows (OpenID's for clients that want an ID token, `offline_access` for refresh tokens). */
export const OAUTH_SCOPES = ['openid', 'profile', 'email', 'offline_access', TASKS_SCOPE] as const;

/** The scopes a connector should ask for, as the MCP resource's metadata advertises them. */
export const MCP_SCOPES = [TASKS_SCOPE, 'offline_access'] as const;

/** Where the web UI signs a person in during an authorization, and where it asks for their consent. */
export const OAUTH_PAGES = { signIn: '/oauth/sign-in', consent: '/oauth/consent' } as const;

/** Build the Better Auth instance (email + password, EdDSA JWTs, bearer sessions) on the app database. */
export function createAuth(options: AuthOptions) {
  const mcpResource = `${options.baseUrl}/mcp`;
  return betterAuth({
    appName: 'Todo Chatbot',
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    database: drizzleAdapter(options.db, { provider: 'pg', schema }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    // Users can delete their account (and, by cascade, their tasks and conversations); the smoke command cleans up this way.
    user: { deleteUser: { enabled: true } },
    trustedOrigins: [...options.trustedOrigins],
    telemetry: { enabled: false },
    ...(options.log ? { logger: { level: 'warn' as const, log: options.log } } : {}),
    // The HTTP layer rate-limits the auth routes (one 429 shape for the whole API).
    rateLimit: { enabled: false },
    hooks: { before: createAuthMiddleware(async (ctx) => (ctx.path === '/oauth2/register' ? { context: { body: asNativeWhenLoopback(ctx.body) } } : undefined)) },
    plugins: [
      bearer(),
      jwt({
        jwks: { keyPairConfig: { alg: 'EdDSA', crv: 'Ed25519' } },
        jwt: {
          issuer: options.baseUrl,
          audience: jwtAudiences(options.baseUrl),
          expirationTime: `${options.jwtTtlSeconds}s`,
          // Only what the API needs: Better Auth would otherwise put the whole user row in the token.
          definePayload: ({ user }) => ({ email: user.email, name: user.name }),
        },
      }),
      // The authorization server for remote MCP connectors (OAuth 2.1: authorization code + PKCE S256, open
      // dynamic client registration, rotating refresh tokens). Its access tokens are JWTs signed with the keys
      // above whose only audience is the MCP resource (RFC 8707), so the REST API's audience check refuses them.
      oauthProvider({
        loginPage: `${options.baseUrl}${OAUTH_PAGES.signIn}`,
        consentPage: `${options.baseUrl}${OAUTH_PAGES.consent}`,
        scopes: [...OAUTH_SCOPES],
        grantTypes: ['authorization_code', 'refresh_token'],
        allowDynamicClientRegistration: true,
        allowUnauthenticatedClientRegistration: true,
        resources: [{ identifier: mcpResource, name: 'Todo Chatbot MCP server' }],
        resourceSeedMode: 'merge',
        clientRegistrationDefaultResources: [mcpResource],
        accessTokenExpiresIn: 3600,
        refreshTokenExpiresIn: 30 * 24 * 3600,
      }),
      apiKeyPlugin(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * A registration without `application_type` whose redirect URIs are all http loopback (Claude Code, Cursor, the MCP
 * Inspector: `http://localhost:<port>/callback`) is a native app (RFC 8252 §7.3); the provider's default, `web`,
 * would refuse it for not using https.
 */
export function asNativeWhenLoopback(body: unknown): unknown {
  if (!body || typeof body !== 'object' || 'application_type' in body || !('redirect_uris' in body)) return body;
  const uris = body.redirect_uris;
  const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every((uri) => typeof uri === 'string' && loopback.test(uri))) return body;
  return { ...body, application_type: 'native' };
}

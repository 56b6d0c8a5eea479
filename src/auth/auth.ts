import { betterAuth } from 'better-auth';
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

/** Build the Better Auth instance (email + password, EdDSA JWTs, bearer sessions) on the app database. */
export function createAuth(options: AuthOptions) {
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
      apiKeyPlugin(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

import { oauthProviderAuthServerMetadata, oauthProviderOpenIdConfigMetadata } from '@better-auth/oauth-provider';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/auth.js';

export interface OAuthMetadataOptions {
  auth: Auth;
  publicUrl: string;
}

/**
 * Serve the authorization server's discovery documents at the root, where clients look for them (RFC 8414 and
 * OpenID Discovery for an issuer without a path); Better Auth itself only answers under /api/auth.
 */
export function registerOAuthMetadataRoutes(app: FastifyInstance, options: OAuthMetadataOptions): void {
  const documents: Record<string, (request: Request) => Promise<Response>> = {
    '/.well-known/oauth-authorization-server': oauthProviderAuthServerMetadata(options.auth),
    '/.well-known/openid-configuration': oauthProviderOpenIdConfigMetadata(options.auth),
  };
  for (const [url, serve] of Object.entries(documents)) {
    app.get(url, async (request: FastifyRequest, reply: FastifyReply) => {
      const response = await serve(new Request(new URL(request.url, options.publicUrl), { headers: { accept: 'application/json' } }));
      reply.status(response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'content-length') reply.header(name, value);
      });
      return reply.send(await response.text());
    });
  }
}

import type { FastifyRequest } from 'fastify';
import { MCP_SCOPES } from '../../auth/auth.js';
import { requireCredential } from '../../auth/bearer.js';
import type { AuthUser, VerifyToken } from '../../auth/verify-token.js';

/** The parts of Config the MCP HTTP endpoint reads. */
export interface McpHttpConfig {
  readonly PUBLIC_URL: string;
  readonly CORS_ORIGINS: readonly string[];
  readonly VERSION?: string;
}

/** The MCP resource identifier: the URL clients connect to and the audience its tokens must name. */
export function mcpResourceUrl(config: McpHttpConfig): string {
  return `${config.PUBLIC_URL}/mcp`;
}

/** Where the RFC 9728 protected-resource metadata of /mcp is served (§3.1: the well-known path, then the resource's path). */
export function resourceMetadataUrl(config: McpHttpConfig): string {
  return `${config.PUBLIC_URL}/.well-known/oauth-protected-resource/mcp`;
}

/** RFC 9728 metadata: which resource this is, who issues its tokens and how to send them. */
export function protectedResourceMetadata(config: McpHttpConfig) {
  return {
    resource: mcpResourceUrl(config),
    // This server is its own OAuth 2.1 authorization server (/.well-known/oauth-authorization-server at the root).
    authorization_servers: [config.PUBLIC_URL],
    scopes_supported: [...MCP_SCOPES],
    bearer_methods_supported: ['header'],
    resource_name: 'Todo Chatbot MCP server',
    resource_documentation: `${config.PUBLIC_URL}/api/auth/token`,
    resource_signing_alg_values_supported: ['EdDSA'],
  };
}

/** The `WWW-Authenticate` challenge of a 401, pointing clients at the metadata (RFC 9728 §5.1). */
export function bearerChallenge(config: McpHttpConfig, message: string): string {
  // A header value is ASCII: quotes and anything outside printable ASCII would break it (a 500 instead of the 401).
  const description = message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
  return `Bearer error="invalid_token", error_description="${description}", resource_metadata="${resourceMetadataUrl(config)}"`;
}

/** Verify the request's Bearer JWT or MCP-scoped API key (headers only: never the query string) or throw UNAUTHENTICATED. */
export async function authenticateMcpRequest(request: FastifyRequest, verifyToken: VerifyToken): Promise<AuthUser> {
  return verifyToken(requireCredential(request.headers));
}

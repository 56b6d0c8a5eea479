import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OriginPolicy } from '../../auth/origins.js';
import type { VerifyToken } from '../../auth/verify-token.js';
import type { ToolWork } from '../tool-work.js';
import { AppError, errorBody } from '../../errors.js';
import { parseJsonRpcBodies, refuseUnreadableBody } from './json-rpc-body.js';
import { authenticateMcpRequest, bearerChallenge, protectedResourceMetadata, type McpHttpConfig } from './http-auth.js';
import { createMcpServer } from '../server.js';

/** What the /mcp endpoint needs: a verifier for the MCP audience, how tools reach the domain, and the public URL/origins. */
export interface McpHttpDeps {
  verifyToken: VerifyToken;
  work: ToolWork;
  /** Browsers may call /mcp only from a trusted origin (DNS-rebinding and CSRF protection). */
  origins: OriginPolicy;
  config: McpHttpConfig;
}

/** Serve MCP over Streamable HTTP at /mcp (stateless, Bearer JWT) and the RFC 9728 metadata. */
export function registerMcpRoutes(app: FastifyInstance, deps: McpHttpDeps): void {
  const { config } = deps;
  const metadata = protectedResourceMetadata(config);
  for (const url of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
    app.get(url, async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(metadata));
  }

  // Its own scope: /mcp reads its JSON itself so a malformed body gets a JSON-RPC error.
  void app.register(async (scope) => {
    parseJsonRpcBodies(scope);
    scope.post('/mcp', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !deps.origins.allows(origin)) {
        return reply.status(403).send(errorBody('FORBIDDEN', deps.origins.refusal(origin)));
      }
      const user = await authenticateMcpRequest(request, deps.verifyToken).catch((error: unknown) => {
        // Anything but a bad token (a database outage reading the keys) goes to the app's error handler.
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return error;
        throw error;
      });
      if (user instanceof AppError) {
        return reply.status(401).header('www-authenticate', bearerChallenge(config, user.message)).send(errorBody(user.code, user.message));
      }
      if (refuseUnreadableBody(request.body, reply)) return reply;
      await serveOneRequest(request, reply, deps, user.id);
    });
  });

  const notAllowed = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.status(405).header('allow', 'POST').send(errorBody('METHOD_NOT_ALLOWED', 'This MCP endpoint is stateless: send JSON-RPC with POST'));
  app.get('/mcp', notAllowed);
  app.delete('/mcp', notAllowed);
}

// A new server and transport per request: sharing them leaks responses across clients (CVE-2026-25536).
async function serveOneRequest(request: FastifyRequest, reply: FastifyReply, deps: McpHttpDeps, userId: string): Promise<void> {
  const server = createMcpServer({
    user: { id: userId },
    work: deps.work,
    // Stateless: this request's server saw no initialize, so the journal names the client by its User-Agent.
    clientName: () => userAgentProduct(request.headers['user-agent']),
    undoScope: 'mcp',
    version: deps.config.VERSION,
    reportError: (error, tool) => request.log.error({ err: error, tool }, 'mcp tool failed'),
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  // Headers set so far (CORS, x-request-id) would be lost with the hijacked reply: hand them to the raw response.
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
  reply.hijack();
  // Closing the server closes its transport too; both are garbage once the response is gone.
  reply.raw.on('close', () => {
    server.close().catch((error: unknown) => request.log.warn({ err: error }, 'mcp close failed'));
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  } catch (error) {
    request.log.error({ err: error }, 'mcp request failed');
    if (!reply.raw.headersSent) {
      reply.raw.writeHead(500, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify(errorBody('INTERNAL', 'The MCP request failed on our side; it has been logged')));
    }
  }
}

/** The first product token of a User-Agent ("claude-code/1.0.3 (…)" → "claude-code/1.0.3"), short enough to record. */
function userAgentProduct(header: string | undefined): string | undefined {
  const product = header?.trim().split(/\s+/)[0];
  return product ? product.slice(0, 60) : undefined;
}

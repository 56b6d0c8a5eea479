import type { FastifyInstance, FastifyReply } from 'fastify';

// JSON-RPC wants its own error objects for a body it cannot read (not the app's {error:{code,message}}), so
// /mcp parses its own JSON: a malformed body becomes a marker the handler answers with -32700.

const MALFORMED = Symbol('malformed JSON-RPC body');

/** Parse JSON bodies in `scope` with Fastify's own parser (prototype-poisoning checks kept), marking bad JSON instead of failing. */
export function parseJsonRpcBodies(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // The default parser fails only on the body's text (empty, not JSON, a poisoned prototype): the client's fault.
    parseJson(request, String(body), (error, value) => done(null, error ? MALFORMED : value));
  });
}

/** Answer a body that is no JSON-RPC at all (bad JSON, an empty batch) with a JSON-RPC error; false when the body may go on. */
export function refuseUnreadableBody(body: unknown, reply: FastifyReply): boolean {
  if (body === MALFORMED) {
    void reply.status(400).send(jsonRpcError(-32700, 'Parse error: the body is not valid JSON'));
    return true;
  }
  if (Array.isArray(body) && body.length === 0) {
    void reply.status(400).send(jsonRpcError(-32600, 'Invalid Request: an empty batch'));
    return true;
  }
  return false;
}

function jsonRpcError(code: number, message: string) {
  return { jsonrpc: '2.0', id: null, error: { code, message } };
}

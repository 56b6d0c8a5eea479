import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, errorCatalog, type ErrorCode } from '../errors.js';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a malformed header, headers over the
 * limit, a request that took too long to arrive) still get the contract's JSON error, then the socket closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ['REQUEST_TIMEOUT', 'The request took too long to arrive']
    : error.code === 'HPE_HEADER_OVERFLOW' ? ['HEADERS_TOO_LARGE', 'The request headers are too large']
    : ['VALIDATION_FAILED', 'The request is malformed HTTP'];
  const status = errorCatalog[code].status;
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Errors Fastify's router raises before any route runs (a bad URL encoding, a path parameter over the limit). */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const [code, message]: [ErrorCode, string] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? ['URI_TOO_LONG', 'A path segment is too long']
    : error.code === 'FST_ERR_BAD_URL' ? ['VALIDATION_FAILED', 'The URL is not validly encoded']
    : ['VALIDATION_FAILED', 'The request could not be routed'];
  void reply.status(errorCatalog[code].status).send(errorBody(code, message));
}

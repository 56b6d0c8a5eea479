import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody, errorCatalog, isDatabaseUnavailable, type ErrorCode } from '../errors.js';

/** Fastify's own error codes that are the caller's fault, mapped to the catalog. */
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The request body is empty but content-type is application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: 'The content-length header does not match the body' },
};

/** One error handler: known errors become {error: {code, message}}; unknown ones are logged and become a generic 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'RATE_LIMITED') reply.header('retry-after', '60');
      return reply.status(error.status).send(errorBody(error.code, error.message));
    }
    const known = fastifyCodes[error.code];
    if (known) return reply.status(errorCatalog[known.code].status).send(errorBody(known.code, known.message));
    if (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP')) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'The request body could not be parsed'));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(errorBody('UNAVAILABLE', 'The database is unavailable; retry shortly'));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody(codeForStatus(error.statusCode), error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', 'Something went wrong on our side; it has been logged'));
  });
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

import type { FastifyError, FastifyInstance } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError, errorBody, errorCatalog, type ErrorCode } from '../errors.js';

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
      if (error.code === 'UNAVAILABLE' && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
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

/** The catalog code for a status some other layer chose (each catalog status is one code). */
export function codeForStatus(status: number): ErrorCode {
  const match = (Object.keys(errorCatalog) as ErrorCode[]).find((code) => errorCatalog[code].status === status);
  return match ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
}
